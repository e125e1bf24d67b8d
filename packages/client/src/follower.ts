/**
 * The one follower of a live blog: the reader's page, the embed, the newsroom console, this package's
 * `follow()` and the server's own tests all keep a story live with this code (DESIGN §5).
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  type ArticleView,
  type ClientToServerEvents,
  LIVE_NAMESPACE,
  type LiveErrorCode,
  type PublicEvent,
  type PushedEvent,
  type ReadersCount,
  type Resume,
  type ServerToClientEvents,
  type SubscribeAck,
  type SubscribeRequest,
} from './wire.js';

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
/** A refused handshake that names no wait (Retry-After) is tried again after this many seconds, times 1 to 2. */
const REFUSED_HANDSHAKE_WAIT_S = 5;
/** Subscribe errors worth retrying on the same connection; others (invalid, not_found…) would fail again. */
const RETRIED: ReadonlySet<LiveErrorCode> = new Set(['rate_limited', 'unavailable']);

/**
 * A socket to a Dateline node's /live namespace: websocket first, long-polling as the fallback.
 * `baseUrl` is the site (`https://news.example`), or '' for the page's own site in a browser.
 */
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

/** One subscribe and its ack, for a caller that keeps its own state (tests, benchmarks). */
export function subscribe(
  socket: LiveClientSocket,
  request: SubscribeRequest,
  timeoutMs = 5000,
): Promise<SubscribeAck> {
  return socket.timeout(timeoutMs).emitWithAck('subscribe', request);
}

/** Where the follower stands, in a form a page can show ("Reconnecting…") and a program can log. */
export type FollowStatus =
  | { readonly state: 'live' }
  | { readonly state: 'reconnecting' }
  | { readonly state: 'unavailable'; readonly message?: string };

export interface FollowHandlers {
  /** A new event, in revision order, each once: the catch-up's, then each push. */
  readonly onEvent?: (event: PublicEvent) => void;
  /**
   * The server could not replay what was missed (a new follower, a gap too long, a replaced store):
   * draw the story again from this article. Events after its revision follow through onEvent.
   */
  readonly onRedraw?: (article: ArticleView) => void;
  /** Each ack, as it came (after its events went to onEvent, or its article to onRedraw). */
  readonly onAck?: (ack: SubscribeAck) => void;
  /** How many read the story now, as the server counts them across its nodes. */
  readonly onReaders?: (count: number) => void;
  readonly onStatus?: (status: FollowStatus) => void;
}

export interface FollowResume {
  /** The revision already shown (the article's `revision`, or the last event received). */
  readonly afterRevision?: number;
  /** The store's epoch last seen; a different one makes the server send the article to redraw from. */
  readonly epoch?: string;
}

/**
 * Follows one live blog across reconnects: it resubscribes after every (re)connection from the
 * last revision it holds, with the epoch it last saw, and applies each event once, in order. A push
 * that is not the next revision (one was lost between the nodes and this reader) resubscribes from
 * the revision held, which replays what is missing. A subscribe that fails (unanswered, or refused
 * for a while: rate_limited, unavailable) is tried again on the same connection after a jittered,
 * growing wait; a socket the server closed (a slow reader cut off, a node that said goodbye)
 * connects again the same way, since Socket.IO only reconnects by itself after a connection was
 * lost; a handshake refused for too many connections comes back when the server's Retry-After says.
 */
export class LiveBlogFollower {
  revision: number | undefined;
  epoch: string | undefined;
  /** Pushed events count only between an ok ack and the next disconnect or subscribe. */
  private live = false;
  /** Each subscribe the follower sends by itself; an older one's failure does not retry. */
  private attempts = 0;
  private failures = 0;
  /** The highest revision a `resume` named while no subscription was live: checked against the next ok ack. */
  private resumeTo = -1;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly stopListening: () => void;

  constructor(
    readonly socket: LiveClientSocket,
    readonly liveBlogId: string,
    private readonly handlers: FollowHandlers = {},
    resume: FollowResume = {},
    private readonly options: { subscribeTimeoutMs?: number } = {},
  ) {
    this.revision = resume.afterRevision;
    this.epoch = resume.epoch;
    const onEvent = (event: PushedEvent) => {
      if (this.live && event.liveBlogId === liveBlogId) this.pushed(event);
    };
    const onResume = (resume: Resume) => {
      if (resume.liveBlogId === liveBlogId) this.resumeAsked(resume.revision);
    };
    const onReaders = ({ liveBlogId: id, count }: ReadersCount) => {
      if (id === liveBlogId) this.handlers.onReaders?.(count);
    };
    const onConnect = () => this.follow();
    const onDisconnect = (reason: string) => this.dropped(reason);
    const onRefused = (error: Error) => this.refused(error);
    socket.on('event', onEvent);
    socket.on('resume', onResume);
    socket.on('readers', onReaders);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onRefused);
    this.stopListening = () => {
      socket.off('event', onEvent);
      socket.off('resume', onResume);
      socket.off('readers', onReaders);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onRefused);
    };
    if (socket.connected) this.follow();
  }

  /**
   * Applies the ack inside Socket.IO's ack callback, not after an await: the server sends the
   * events that follow the catch-up right behind the ack, often in the same read, and their
   * handlers run before a promise's continuation would, which would apply them ahead of the
   * catch-up's events. Until the ack, pushed events are dropped: the catch-up holds them.
   */
  resubscribe(timeoutMs = this.options.subscribeTimeoutMs ?? 10_000): Promise<SubscribeAck> {
    const request: SubscribeRequest = { liveBlogId: this.liveBlogId, afterRevision: this.revision, epoch: this.epoch };
    this.live = false;
    return new Promise((resolve, reject) => {
      this.socket.timeout(timeoutMs).emit('subscribe', request, (error: Error | null, ack: SubscribeAck) => {
        if (this.closed) return reject(new Error('the follower was closed'));
        if (error) return reject(error);
        if (ack.ok) {
          this.epoch = ack.epoch;
          if ('events' in ack) {
            ack.events.forEach((event) => this.apply(event));
            // The ack's revision may lie past its last event: the newsroom's own revisions are held too.
            this.revision = Math.max(this.revision ?? -1, ack.revision);
          } else {
            // A redraw starts again from the article's revision (also a lower one, from a replaced store).
            this.revision = ack.revision;
            this.handlers.onRedraw?.(ack.article);
          }
          this.live = true;
        }
        this.handlers.onAck?.(ack);
        resolve(ack);
      });
    });
  }

  /** Stops following: no more events, retries or reconnects from this follower (the socket is left as it is). */
  close(): void {
    this.closed = true;
    this.live = false;
    clearTimeout(this.retry);
    this.stopListening();
    if (this.socket.connected) this.socket.emit('unsubscribe', { liveBlogId: this.liveBlogId }, () => undefined);
  }

  private follow(): void {
    if (this.closed) return;
    clearTimeout(this.retry);
    const attempt = ++this.attempts;
    this.resubscribe().then(
      (ack) => {
        if (ack.ok) {
          this.failures = 0;
          this.handlers.onStatus?.({ state: 'live' });
          // A resume that came before this ack named a revision its catch-up may not hold.
          if (this.resumeTo > (this.revision ?? -1)) this.follow();
          this.resumeTo = -1;
          return;
        }
        this.handlers.onStatus?.({ state: 'unavailable', message: ack.error.message });
        if (RETRIED.has(ack.error.code)) this.retryLater(attempt);
      },
      () => {
        if (this.closed) return;
        this.handlers.onStatus?.({ state: 'unavailable' });
        this.retryLater(attempt);
      },
    );
  }

  /** Unless a newer subscribe or a reconnect has taken over. */
  private retryLater(attempt: number): void {
    if (this.closed || attempt !== this.attempts || !this.socket.connected) return;
    this.retry = setTimeout(() => this.follow(), retryDelay(this.failures++));
  }

  private dropped(reason: string): void {
    this.live = false;
    clearTimeout(this.retry);
    if (this.closed) return;
    this.handlers.onStatus?.({ state: 'reconnecting' });
    if (reason === 'io server disconnect') {
      this.retry = setTimeout(() => this.socket.connect(), retryDelay(this.failures++));
    }
  }

  /**
   * A handshake refused for too many new connections from one address is not retried by Socket.IO:
   * come back when the server says (its Retry-After, in the refusal's data), times 1 to 2, so a crowd
   * behind one address spreads out.
   */
  private refused(error: Error & { data?: { retryAfterSeconds?: number } }): void {
    if (this.closed || this.socket.active) return;
    this.handlers.onStatus?.({ state: 'reconnecting' });
    const seconds = error.data?.retryAfterSeconds ?? REFUSED_HANDSHAKE_WAIT_S;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.socket.connect(), (1 + Math.random()) * 1000 * seconds);
  }

  /**
   * The server could not push an event up to `revision` (DESIGN §5): holding less, ask again from the
   * revision held, which replays what is missing; holding it, there is nothing to do. Heard while a
   * subscribe is on its way, it is kept until that ack, whose catch-up may or may not hold the event.
   */
  private resumeAsked(revision: number): void {
    if (this.closed || (this.revision !== undefined && this.revision >= revision)) return;
    if (this.live) this.follow();
    else this.resumeTo = Math.max(this.resumeTo, revision);
  }

  /**
   * A push that skips a revision readers may see means one was lost on the way: ask again from the
   * revision held. The push names the previous one sent (`afterRevision`): the revisions between are
   * the newsroom's, no gap (an older server that does not name it: the revision before the push's).
   */
  private pushed(event: PushedEvent): void {
    const follows = event.afterRevision ?? event.revision - 1;
    if (this.revision !== undefined && follows > this.revision) {
      this.follow();
      return;
    }
    this.apply(event);
  }

  /** Each event once, in order: one at or below the revision held is dropped, so it never moves back. */
  private apply(event: PublicEvent): void {
    if (this.revision !== undefined && event.revision <= this.revision) return;
    this.revision = event.revision;
    this.handlers.onEvent?.(event);
  }
}
