import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';

/**
 * Nest's Socket.IO adapter, except on the namespaces whose gateways listen on their sockets
 * themselves: there Nest attaches nothing to a socket. For each socket Nest otherwise builds an
 * RxJS pipeline per message handler (fromEvent, mergeMap, takeUntil, share…) and a disconnect
 * hook, as much heap a socket again as Socket.IO itself (docs/performance.md, P5), which a node
 * holding tens of thousands of readers cannot afford.
 */
export class LeanIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly selfWired: readonly string[],
  ) {
    super(app);
  }

  override bindClientConnect(server: { name?: unknown }, callback: (...args: unknown[]) => void): void {
    if (typeof server.name === 'string' && this.selfWired.includes(server.name)) return;
    super.bindClientConnect(server, callback);
  }
}
