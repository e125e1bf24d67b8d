import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type LiveErrorCode,
  type PublicEvent,
  type ServerToClientEvents,
  type SubscribeAck,
  type SubscribeRequest,
} from './live-events.js';

export type LiveClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Socket.IO's own reconnection, spelt out: after a lost connection (a node killed or restarted),
 * the first retry comes after 0.5 to 1.5 s, then 1 to 3 s, 2 to 6 s, 4 to 10 s, then every 10 s,
 * each wait drawn at random, so that the thousands of readers of a restarted node come back
 * spread out rather than in one instant (once at the cap, each keeps the phase it drew).
 */
export const RECONNECTION = {
  reconnection: true,
  reconnectionDelay: 1000,
  reconnectionDelayMax: 10_000,
  randomizationFactor: 0.5,
} as const;

/** Waits of the follower's own retries (a refused or unanswered subscribe, a socket the server closed). */
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 30_000;
/** Subscribe errors worth retrying on the same connection; others (invalid, not_found…) would fail again. */
const RETRIED: ReadonlySet<LiveErrorCode> = new Set(['rate_limited', 'unavailable']);

/** A socket to a Dateline node's /live namespace: websocket first, long-polling as the fallback. */
export function connectLive(baseUrl: string, options: Partial<ManagerOptions & SocketOptions> = {}): LiveClientSocket {
  return io(baseUrl.replace(/\/$/, '') + LIVE_NAMESPACE, {
    transports: ['websocket', 'polling'],
    ...RECONNECTION,
    ...options,
  });
}

/** The wait before the follower's retry number `failures` (0 first): 1, 2, 4… up to 30 s, times 0.5 to 1.5. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** failures);
  return Math.round(base * (0.5 + random()));
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
 * (re)connection from the last revision it holds, with the epoch it last saw. A subscribe that
 * fails (unanswered, or refused for a while: rate_limited, unavailable) is tried again on the same
 * connection after a jittered, growing wait; a socket the server closed (a slow reader cut off, a
 * node that said goodbye) connects again the same way, since Socket.IO only reconnects by itself
 * after a connection was lost.
 */
export class LiveBlogFollower {
  revision: number | undefined;
  epoch: string | undefined;
  /** Pushed events count only between an ok ack and the next disconnect or subscribe. */
  private live = false;
  /** Each subscribe the follower sends by itself; an older one's failure does not retry. */
  private attempts = 0;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly socket: LiveClientSocket,
    readonly liveBlogId: string,
    private readonly handlers: FollowHandlers = {},
    resume: { afterRevision?: number; epoch?: string } = {},
    private readonly options: { subscribeTimeoutMs?: number } = {},
  ) {
    this.revision = resume.afterRevision;
    this.epoch = resume.epoch;
    socket.on('event', (event) => {
      if (this.live && event.liveBlogId === liveBlogId) this.apply(event);
    });
    socket.on('connect', () => this.follow());
    socket.on('disconnect', (reason) => this.dropped(reason));
    if (socket.connected) this.follow();
  }

  /**
   * Applies the ack inside Socket.IO's ack callback, not after an await: the server sends the
   * events that follow the catch-up right behind the ack, often in the same read, and their
   * handlers run before a promise's continuation would, which would apply them ahead of the
   * catch-up's events. Until the ack, pushed events are dropped: the catch-up holds them.
   */
  resubscribe(timeoutMs = this.options.subscribeTimeoutMs ?? 10_000): Promise<SubscribeAck> {
    const request = { liveBlogId: this.liveBlogId, afterRevision: this.revision, epoch: this.epoch };
    this.live = false;
    return new Promise((resolve, reject) => {
      this.socket.timeout(timeoutMs).emit('subscribe', request, (error: Error | null, ack: SubscribeAck) => {
        if (error) return reject(error);
        if (ack.ok) {
          this.epoch = ack.epoch;
          if ('events' in ack) ack.events.forEach((event) => this.apply(event));
          // A redraw starts again from the article's revision (also a lower one, from a replaced store).
          else this.revision = ack.revision;
          this.live = true;
        }
        this.handlers.onAck?.(ack);
        resolve(ack);
      });
    });
  }

  private follow(): void {
    clearTimeout(this.retry);
    const attempt = ++this.attempts;
    this.resubscribe().then(
      (ack) => {
        if (ack.ok) this.failures = 0;
        else if (RETRIED.has(ack.error.code)) this.retryLater(attempt);
      },
      () => this.retryLater(attempt),
    );
  }

  /** Unless a newer subscribe or a reconnect has taken over. */
  private retryLater(attempt: number): void {
    if (attempt !== this.attempts || !this.socket.connected) return;
    this.retry = setTimeout(() => this.follow(), retryDelay(this.failures++));
  }

  private dropped(reason: string): void {
    this.live = false;
    clearTimeout(this.retry);
    if (reason === 'io server disconnect') {
      this.retry = setTimeout(() => this.socket.connect(), retryDelay(this.failures++));
    }
  }

  /** Each event once, in order: one at or below the revision held is dropped, so it never moves back. */
  private apply(event: PublicEvent): void {
    if (this.revision !== undefined && event.revision <= this.revision) return;
    this.revision = event.revision;
    this.handlers.onEvent?.(event);
  }
}
