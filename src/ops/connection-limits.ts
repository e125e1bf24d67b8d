import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionSettings } from '../config/index.js';

/** Which cap closed a connection: MAX_CONNECTIONS, or CONNECTIONS_PER_ADDRESS. */
export type ConnectionCap = 'total' | 'per_address';

/**
 * Caps the connections the server holds open: `total` in all (Node closes those beyond it before
 * they are read), `perAddress` from one client address, closed at once beyond it, so that one
 * address's idle or slow connections cannot take the descriptors other readers need. Behind
 * trusted proxies every connection comes from a proxy, so the per-address cap is theirs to keep.
 * Each connection closed at a cap is told to `refused` (a metric: a line per connection would let a
 * flood write the logs).
 */
export function limitConnections(
  server: Server,
  settings: ConnectionSettings,
  trustedProxies: number,
  refused: (cap: ConnectionCap) => void = () => undefined,
): void {
  server.maxConnections = settings.total;
  server.headersTimeout = settings.headersTimeoutMs;
  server.on('drop', () => refused('total'));
  if (settings.perAddress === 0 || trustedProxies > 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > settings.perAddress) {
      socket.destroy();
      refused('per_address');
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/** How often Node looks for requests past their header or request timeout (its default is 30 s). */
export function connectionsCheckingInterval(settings: ConnectionSettings): number {
  return Math.max(250, Math.min(5000, Math.floor(settings.headersTimeoutMs / 2)));
}
