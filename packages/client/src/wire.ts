/**
 * What a Dateline server sends and takes, as the server's own types: its socket API (DESIGN §5), its
 * article view and change feed, its write bodies. They are imported from the server's sources and
 * bundled into this package's declarations when it is built, so one definition serves both sides:
 * a renamed field breaks this package's build, not a reader's app. Only types cross, the one
 * constant of the socket API (live-events.ts holds nothing else), and typedEvent below.
 */
import type { PublicEvent, TypedPublicEvent } from '../../../src/live-blog/realtime/live-events.js';

export {
  type ClientToServerEvents,
  type Goodbye,
  LIVE_NAMESPACE,
  type LiveError,
  type LiveErrorCode,
  type PublicEvent,
  type PublicEventData,
  type PushedEvent,
  type ReadersCount,
  type Resume,
  type ServerToClientEvents,
  type SubscribeAck,
  type SubscribedWithArticle,
  type SubscribedWithEvents,
  type SubscribeRequest,
  type TypedPublicEvent,
  type UnsubscribeAck,
} from '../../../src/live-blog/realtime/live-events.js';
export type {
  ArticleView,
  KeyEvent,
  PublicUpdate,
  UpdatesPage,
} from '../../../src/live-blog/projections/article.view.js';
export type { PublishedArticle } from '../../../src/live-blog/projections/article-views.js';
export type { ChangesPage } from '../../../src/live-blog/realtime/change-feed.js';
export type { SignedCheckpoint } from '../../../src/signing/checkpoint.js';
export type { AuditorView } from '../../../src/audit/auditor-view.js';

/** A PublicEvent with its data typed by its type, to read it with a `switch (event.type)`. */
export function typedEvent(event: PublicEvent): TypedPublicEvent {
  return event as unknown as TypedPublicEvent;
}
