import type { Socket } from 'socket.io';
import type { RequestLimits } from './request-limits.js';
import { clientAddress } from '../kernel/index.js';

/**
 * What a refused socket's `connect_error` carries in `data`: the client waits that long, then
 * connects again. `code` and `kind` as in the acks and the HTTP API's problems (docs/design.md §4).
 */
export interface ConnectRefused {
  readonly code: 'rate_limited';
  readonly kind?: 'rate_limited';
  readonly retryAfterSeconds: number;
}

/** Namespace connects made over one Engine.IO session, kept on the session. */
const CONNECTS = Symbol('dateline.namespace-connects');

/**
 * Socket.IO middleware for every namespace. A session's handshake spent one of its address's
 * SOCKET_CONNECT_RATE_LIMIT (./engine-sessions.ts), which pays for its first namespace connect;
 * each further one (a client connecting and disconnecting a namespace over one session) spends one
 * too, and past the budget is refused with a `connect_error` saying when to retry.
 */
export function socketConnectLimit(limits: RequestLimits, trustedProxies: number) {
  return (socket: Pick<Socket, 'conn' | 'handshake'>, next: (error?: Error) => void): void => {
    const session = socket.conn as unknown as { [CONNECTS]?: number };
    session[CONNECTS] = (session[CONNECTS] ?? 0) + 1;
    if (session[CONNECTS] === 1) return next();
    limits.connect(clientAddress(socket.handshake, trustedProxies)).then(
      (wait) => {
        if (wait === 0) return next();
        const refused = new Error(`too many new connections from your address; retry in ${wait} s`);
        const data: ConnectRefused = { code: 'rate_limited', kind: 'rate_limited', retryAfterSeconds: wait };
        next(Object.assign(refused, { data }));
      },
      // The budget could not be read (its store is down and so is the insurance): let the reader in.
      () => next(),
    );
  };
}
