import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../../event-store/index.js';
import { PUSH_EVENT_TYPES, type PushEvent } from '../domain/push-events.js';

/**
 * Subscriptions live in this one stream, the sender's place in the feed in `push-log`. Neither is a
 * `liveblog-` stream, so no view, socket, change feed, feed, webhook or audit of a story reads them.
 */
export const PUSH_STREAM = 'push-subscriptions';
export const PUSH_LOG_STREAM = 'push-log';

export function pushEnvelope(event: PushEvent): EventToAppend {
  return { eventId: randomUUID(), type: event.type, data: { ...event.data }, metadata: { schemaVersion: 1 } };
}

/** The stored event as a push event; anything else in the stream is a fault worth stopping for. */
export function toPushEvent(recorded: RecordedEvent): PushEvent {
  if (!PUSH_EVENT_TYPES.has(recorded.type)) {
    throw new Error(`event ${recorded.eventId} in ${recorded.stream} is not a push subscription event`);
  }
  return { type: recorded.type, data: recorded.data } as PushEvent;
}
