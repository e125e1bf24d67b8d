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

/**
 * Socket.IO middleware: each new connection to the namespace spends one of its client address's
 * SOCKET_CONNECT_RATE_LIMIT; past it the handshake is refused with a `connect_error` saying when
 * to retry. Open connections are never counted or capped.
 */
export function socketConnectLimit(limits: RequestLimits, trustedProxies: number) {
  return (socket: Socket, next: (error?: Error) => void): void => {
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
