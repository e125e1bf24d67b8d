import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type PublicEvent,
  type ServerToClientEvents,
  type SubscribeAck,
  type SubscribeRequest,
} from './live-events.js';

export type LiveClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket to a Dateline node's /live namespace: websocket first, long-polling as the fallback. */
export function connectLive(baseUrl: string, options: Partial<ManagerOptions & SocketOptions> = {}): LiveClientSocket {
  return io(baseUrl.replace(/\/$/, '') + LIVE_NAMESPACE, { transports: ['websocket', 'polling'], ...options });
}

export function subscribe(
  socket: LiveClientSocket,
  request: SubscribeRequest,
  timeoutMs = 5000,
): Promise<SubscribeAck> {
  return socket.timeout(timeoutMs).emitWithAck('subscribe', request);
}

export interface FollowHandlers {
  /** A new event, in revision order. */
  readonly onEvent?: (event: PublicEvent) => void;
  /** Each ack: an article to redraw from, or the events missed while away (also passed to onEvent). */
  readonly onAck?: (ack: SubscribeAck) => void;
}

/**
 * Follows one live blog across reconnects, as a page would: it resubscribes after every
 * (re)connection from the last revision it holds, with the epoch it last saw.
 */
export class LiveBlogFollower {
  revision: number | undefined;
  epoch: string | undefined;

  constructor(
    readonly socket: LiveClientSocket,
    readonly liveBlogId: string,
    private readonly handlers: FollowHandlers = {},
    resume: { afterRevision?: number; epoch?: string } = {},
  ) {
    this.revision = resume.afterRevision;
    this.epoch = resume.epoch;
    socket.on('event', (event) => {
      if (event.liveBlogId === liveBlogId) this.apply(event);
    });
    // A subscribe cut off by a disconnect fails here and is sent again on the next connect.
    const resubscribe = () => void this.resubscribe().catch(() => undefined);
    socket.on('connect', resubscribe);
    if (socket.connected) resubscribe();
  }

  /**
   * Applies the ack inside Socket.IO's ack callback, not after an await: the server sends the
   * events that follow the catch-up right behind the ack, often in the same read, and their
   * handlers run before a promise's continuation would, which would apply them ahead of the
   * catch-up's events.
   */
  resubscribe(timeoutMs = 5000): Promise<SubscribeAck> {
    const request = { liveBlogId: this.liveBlogId, afterRevision: this.revision, epoch: this.epoch };
    return new Promise((resolve, reject) => {
      this.socket.timeout(timeoutMs).emit('subscribe', request, (error: Error | null, ack: SubscribeAck) => {
        if (error) return reject(error);
        if (ack.ok) {
          this.epoch = ack.epoch;
          if ('events' in ack) ack.events.forEach((event) => this.apply(event));
          // A redraw starts again from the article's revision (also a lower one, from a replaced store).
          else this.revision = ack.revision;
        }
        this.handlers.onAck?.(ack);
        resolve(ack);
      });
    });
  }

  /** Each event once, in order: one at or below the revision held is dropped, so it never moves back. */
  private apply(event: PublicEvent): void {
    if (this.revision !== undefined && event.revision <= this.revision) return;
    this.revision = event.revision;
    this.handlers.onEvent?.(event);
  }
}
