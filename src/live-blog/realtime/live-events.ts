/**
 * The socket API of namespace /live (DESIGN §5), as types shared by the gateway and the client
 * helper: both sides compile against the same map, so a renamed field breaks the build, not a page.
 */
import type { ErrorKind } from '../../kernel/index.js';
import type { SignedCheckpoint } from '../../signing/pure.js';
import type { LiveBlogEvent } from '../domain/index.js';
import type { ArticleView } from '../projections/article.view.js';

export const LIVE_NAMESPACE = '/live';

/** The largest socket message a reader may send on /live (DESIGN §6): a larger one closes its connection. */
export const LIVE_MESSAGE_LIMIT = 16_384;

/** One stored event as readers see it: never a retracted body from a catch-up. */
export interface PublicEvent {
  readonly liveBlogId: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly at: string;
  readonly data: Record<string, unknown>;
}

type Withheld = { readonly updateId: string; readonly retracted: true };
type DataOf<T extends LiveBlogEvent['type']> = Extract<LiveBlogEvent, { readonly type: T }>['data'];

/**
 * A public event's `type` and `data` as readers get them (./public-events.ts): why an update was
 * retracted or redacted is left out, a redaction carries its placeholder `text`, and the text of an
 * update retracted since is withheld (`{updateId, retracted: true}`). Narrow a PublicEvent with `typedEvent`.
 */
export type PublicEventData =
  | Exclude<LiveBlogEvent, { readonly type: 'UpdatePosted' | 'UpdateCorrected' | 'UpdateRetracted' | 'UpdateRedacted' }>
  | {
      readonly type: 'UpdatePosted';
      readonly data: (DataOf<'UpdatePosted'> & { readonly retracted?: undefined }) | Withheld;
    }
  | {
      readonly type: 'UpdateCorrected';
      readonly data: (DataOf<'UpdateCorrected'> & { readonly retracted?: undefined }) | Withheld;
    }
  | { readonly type: 'UpdateRetracted'; readonly data: Omit<DataOf<'UpdateRetracted'>, 'reason'> }
  | {
      readonly type: 'UpdateRedacted';
      readonly data: Omit<DataOf<'UpdateRedacted'>, 'reason'> & { readonly text: string };
    };

/** A public event with its data typed by its `type` (the server sends only these types). */
export type TypedPublicEvent = Omit<PublicEvent, 'type' | 'data'> & PublicEventData;

/**
 * A pushed event also carries the signed checkpoint of the chain ending at its revision, and the
 * revision of the story's previous event readers were sent (`afterRevision`; -1 before the first):
 * the revisions between are the newsroom's own (DESIGN §3b), so only one above the revision a reader
 * holds is a gap. Optional to a client, which may hear from an older node during a rolling deploy.
 */
export interface PushedEvent extends PublicEvent {
  readonly checkpoint: SignedCheckpoint;
  readonly afterRevision?: number;
}

export interface SubscribeRequest {
  readonly liveBlogId: string;
  /** The revision the page already shows (the article view's `revision`, or the last event received). */
  readonly afterRevision?: number;
  /** The store's epoch the page last saw; a different one means the page must redraw. */
  readonly epoch?: string;
}

export type LiveErrorCode = 'invalid' | 'not_found' | 'rate_limited' | 'too_many_subscriptions' | 'unavailable';

/**
 * Each code's kind, from the one list every error answer uses (HTTP problem details' `kind`,
 * DESIGN §4): a code is its kind, but for `too_many_subscriptions`, a `conflict` with the
 * subscriptions the socket already holds (retrying does not help; unsubscribing does).
 */
const KIND_OF_LIVE_ERROR: Readonly<Record<LiveErrorCode, ErrorKind>> = {
  invalid: 'invalid',
  not_found: 'not_found',
  rate_limited: 'rate_limited',
  too_many_subscriptions: 'conflict',
  unavailable: 'unavailable',
};

export interface LiveError {
  readonly ok: false;
  /**
   * `code` says what happened; `kind` which of the error kinds it is. This server sends both;
   * `kind` is optional to a client, which may hear from an older node during a rolling deploy.
   */
  readonly error: { readonly code: LiveErrorCode; readonly kind?: ErrorKind; readonly message: string };
}

export function liveError(code: LiveErrorCode, message: string): LiveError {
  return { ok: false, error: { code, kind: KIND_OF_LIVE_ERROR[code], message } };
}

/** A new reader, or one whose gap cannot be replayed safely: redraw from the article. */
export interface SubscribedWithArticle {
  readonly ok: true;
  readonly epoch: string;
  readonly revision: number;
  readonly article: ArticleView;
  /** Present (false) when the reader asked to resume and could not. */
  readonly recovered?: false;
}

/** A reconnecting reader: exactly the events after its `afterRevision`. */
export interface SubscribedWithEvents {
  readonly ok: true;
  readonly epoch: string;
  readonly revision: number;
  readonly events: PublicEvent[];
  readonly recovered: true;
}

export type SubscribeAck = SubscribedWithArticle | SubscribedWithEvents | LiveError;
export type UnsubscribeAck = { readonly ok: true } | LiveError;

export interface ReadersCount {
  readonly liveBlogId: string;
  readonly count: number;
}

/**
 * The server is about to close this socket: a reader too far behind (`slow_consumer`), or a node
 * that is stopping (`shutdown`). Either way the client reconnects, after a random pause, and resumes.
 */
export interface Goodbye {
  readonly reason: 'slow_consumer' | 'shutdown';
  readonly message: string;
}

/**
 * A push of this story failed on this node (DESIGN §5): events up to `revision` may not all have
 * reached the socket. A reader holding less subscribes again with the revision it holds, which
 * replays exactly what it lacks; one holding `revision` or more has nothing to do.
 */
export interface Resume {
  readonly liveBlogId: string;
  readonly revision: number;
}

export interface ServerToClientEvents {
  event: (event: PushedEvent) => void;
  resume: (resume: Resume) => void;
  readers: (readers: ReadersCount) => void;
  goodbye: (goodbye: Goodbye) => void;
}

export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (reply: SubscribeAck) => void) => void;
  unsubscribe: (request: { liveBlogId: string }, ack: (reply: UnsubscribeAck) => void) => void;
}
