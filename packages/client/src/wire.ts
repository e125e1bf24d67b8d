/**
 * What a Dateline server sends over its sockets (DESIGN §5, the AsyncAPI document /asyncapi.json),
 * as the server's own types: the socket API, the article view a subscribe ack carries, the events it
 * pushes. They are imported from the server's sources and bundled into this package's declarations
 * when it is built, so one definition serves both sides: a renamed field breaks this package's
 * build, not a reader's app. The HTTP calls' types come from the OpenAPI document instead
 * (./openapi.ts, ./client.ts). Only types cross, the one constant of the socket API (live-events.ts
 * holds nothing else), and typedEvent below.
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
} from '../../../src/live-blog/projections/article.view.js';
export type { SignedCheckpoint } from '../../../src/signing/checkpoint.js';

/** A PublicEvent with its data typed by its type, to read it with a `switch (event.type)`. */
export function typedEvent(event: PublicEvent): TypedPublicEvent {
  return event as unknown as TypedPublicEvent;
}
