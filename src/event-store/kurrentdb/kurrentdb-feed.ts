import {
  START,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import { Observable, type Subscriber } from 'rxjs';
import type { Checkpoint, RecordedEvent } from '../event-store.js';
import { isAfter, parseCheckpoint, toRecordedEvent, type StreamNames } from './kurrentdb-mapping.js';

/** After the server or the network drops a subscription, the wait before following again. */
const RESUME_DELAY_MS = 1000;

/**
 * `$all`, filtered on the server to Dateline's streams, as a catch-up subscription that starts
 * strictly after `after`. When the subscription drops (server restart, leader change, network),
 * it resumes after the last event it delivered: a node whose feed silently stopped would go on
 * serving a frozen page. An event Dateline cannot read ends the feed with an error instead.
 * `live` holds the subscribers until they end, so closing the store can complete them.
 */
export function followAll(
  client: KurrentDBClient,
  names: StreamNames,
  after: Checkpoint | undefined,
  live: Set<Subscriber<RecordedEvent>>,
): Observable<RecordedEvent> {
  if (after !== undefined) parseCheckpoint(after); // refuse a foreign checkpoint at once, before subscribing
  return new Observable<RecordedEvent>((subscriber) => {
    let last = after;
    let current: AllStreamSubscription | undefined;
    let resume: NodeJS.Timeout | undefined;
    const deliver = (resolved: AllStreamResolvedEvent) => {
      const record = resolved.event;
      if (!record) return;
      const event = toRecordedEvent(record, names.inDateline(record.streamId));
      // The server starts after fromPosition; the check keeps "once each" across resumptions too.
      if (!isAfter(event, last)) return;
      last = event.checkpoint;
      subscriber.next(event);
    };
    const follow = () => {
      const subscription = client.subscribeToAll({
        fromPosition: last === undefined ? START : parseCheckpoint(last),
        filter: streamNameFilter({ regex: names.feedPattern() }),
      });
      current = subscription;
      subscription.on('data', (resolved: AllStreamResolvedEvent) => {
        try {
          deliver(resolved);
        } catch (error) {
          subscriber.error(error);
        }
      });
      subscription.on('error', () => {
        subscription.removeAllListeners('data');
        if (!subscriber.closed) resume = setTimeout(follow, RESUME_DELAY_MS);
      });
      subscription.on('end', () => subscriber.complete());
    };
    live.add(subscriber);
    follow();
    return () => {
      live.delete(subscriber);
      clearTimeout(resume);
      void current?.unsubscribe().catch(() => undefined);
    };
  });
}
