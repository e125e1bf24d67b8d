import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { clientAddress, RateLimited } from '../kernel/index.js';
import { RequestLimits } from './request-limits.js';

/** How long a client refused for holding too many sessions is told to wait: a session of its own may close by then. */
const OPEN_CAP_RETRY_SECONDS = 10;
/** The address a handshake holds a place for, until its session takes the place over (or it made none). */
const HELD = Symbol('dateline.engine-session-place');

type HandshakeRequest = IncomingMessage & { [HELD]?: string };

/** What of an Engine.IO session this needs: the handshake that made it, and its end. */
export interface EngineSession {
  readonly request: IncomingMessage;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * The socket budgets at the level of Engine.IO sessions (DESIGN §6, "Limits"), whatever namespace a
 * session joins, or none: each new session spends one of its client address's
 * SOCKET_CONNECT_RATE_LIMIT, and an address holds at most CONNECTIONS_PER_ADDRESS open sessions.
 * A session is not a TCP connection: long-polling sessions hold none between polls, and behind
 * TRUST_PROXY every connection is the balancer's, so the connection cap alone never saw them.
 */
@Injectable()
export class EngineSessions {
  private readonly open = new Map<string, number>();
  private readonly perAddress: number;
  private readonly trustedProxies: number;

  constructor(
    private readonly limits: RequestLimits,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.perAddress = config.connections.perAddress;
    this.trustedProxies = config.trustedProxies;
  }

  /**
   * A handshake (an Engine.IO request without a session id): why it is refused, or nothing, and then
   * a place is held for the session it makes. Engine.IO makes the session within the same turn of
   * the event loop (Socket.IO's ids are made at once), so a place no session took by the next turn
   * belongs to a handshake that failed later, and is given back.
   */
  async admit(request: IncomingMessage): Promise<RateLimited | undefined> {
    const address = this.addressOf(request);
    if (this.perAddress > 0 && (this.open.get(address) ?? 0) >= this.perAddress) {
      return new RateLimited(
        `too many open connections from your address (at most ${this.perAddress}); ` +
          `close one or retry in ${OPEN_CAP_RETRY_SECONDS} s`,
        OPEN_CAP_RETRY_SECONDS,
      );
    }
    this.count(address, 1);
    // The budget could not be read (its store is down and so is the insurance): let the reader in.
    const wait = await this.limits.connect(address).catch(() => 0);
    if (wait > 0) {
      this.count(address, -1);
      return new RateLimited(`too many new connections from your address; retry in ${wait} s`, wait);
    }
    (request as HandshakeRequest)[HELD] = address;
    setImmediate(() => this.giveBack(request as HandshakeRequest));
    return undefined;
  }

  /** A new session takes over its handshake's place, until it closes. */
  opened(session: EngineSession): void {
    const request = session.request as HandshakeRequest;
    const address = request[HELD];
    if (address === undefined) return;
    delete request[HELD];
    session.once('close', () => this.count(address, -1));
  }

  private giveBack(request: HandshakeRequest): void {
    const address = request[HELD];
    if (address === undefined) return;
    delete request[HELD];
    this.count(address, -1);
  }

  private count(address: string, change: 1 | -1): void {
    const now = (this.open.get(address) ?? 0) + change;
    if (now > 0) this.open.set(address, now);
    else this.open.delete(address);
  }

  private addressOf(request: IncomingMessage): string {
    return clientAddress(
      { address: request.socket.remoteAddress ?? '', headers: request.headers },
      this.trustedProxies,
    );
  }
}
