import { IoAdapter } from '@nestjs/platform-socket.io';

/**
 * Nest's Socket.IO adapter, minus its per-socket wiring where a gateway has no message handlers.
 * For each handler of each socket Nest builds an RxJS pipeline (fromEvent, mergeMap, takeUntil,
 * share…): about 50 closures and 12 KB of heap a socket, as much again as Socket.IO itself. The
 * readers' gateway (/live) listens on its sockets itself, with handlers shared by every socket.
 */
export class LeanIoAdapter extends IoAdapter {
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    const [, handlers] = args;
    if (handlers.length > 0) super.bindMessageHandlers(...args);
  }
}
