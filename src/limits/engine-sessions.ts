import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { clientAddress, RateLimited } from '../kernel/index.js';
import { RequestLimits } from './request-limits.js';

/** How long a client refused for holding too many sessions is told to wait: a session of its own may close by then. */
const OPEN_CAP_RETRY_SECONDS = 10;
/** The address an open session holds a place under, kept on the session for its close (the closed socket no longer says it). */
const PLACE = Symbol('dateline.engine-session-place');

/** What of an Engine.IO session this needs: the handshake that made it, and its end. */
export interface EngineSession {
  readonly request: IncomingMessage;
  on(event: 'close', listener: (this: EngineSession) => void): unknown;
  [PLACE]?: string;
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
  /**
   * Handshakes holding a place for the session they make. Not a property on the request: engine.io
   * deletes one of its own from every upgrade request after ours would be added, and a deletion
   * other than the last-added property turns the request (kept for the session's life) into a
   * dictionary-mode object, about 1.4 KB more a reader (P5, docs/performance.md).
   */
  private readonly held = new WeakMap<IncomingMessage, string>();
  /** One listener for every session's end (no closure per session); `this` is the session. */
  private readonly closed: (this: EngineSession) => void;
  private readonly perAddress: number;
  private readonly trustedProxies: number;

  constructor(
    private readonly limits: RequestLimits,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.perAddress = config.connections.perAddress;
    this.trustedProxies = config.trustedProxies;
    const sessions = this;
    this.closed = function (this: EngineSession) {
      if (this[PLACE] !== undefined) sessions.count(this[PLACE], -1);
    };
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
    this.held.set(request, address);
    setImmediate(() => this.giveBack(request));
    return undefined;
  }

  /** A new session takes over its handshake's place, until it closes. */
  opened(session: EngineSession): void {
    const address = this.held.get(session.request);
    if (address === undefined) return;
    this.held.delete(session.request);
    session[PLACE] = address;
    session.on('close', this.closed);
  }

  private giveBack(request: IncomingMessage): void {
    const address = this.held.get(request);
    if (address === undefined) return;
    this.held.delete(request);
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
