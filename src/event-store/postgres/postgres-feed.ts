import { Observable, type Subscriber } from 'rxjs';
import type { RecordedEvent } from '../event-store.js';
import type { FeedPlace } from './postgres-checkpoint.js';

export interface FeedEntry {
  readonly event: RecordedEvent;
  readonly place: FeedPlace;
}

/** One read of the feed. */
export interface FeedPage {
  /** Up to the asked number of safe events after the cursor, in feed order. */
  readonly entries: readonly FeedEntry[];
  /** Whether committed rows lie past the cursor that were not yet safe to read (as of the same snapshot). */
  readonly waiting: boolean;
}

/** What a subscription needs from the store. */
interface FeedSource {
  readPage(after: FeedPlace, maxCount: number): Promise<FeedPage>;
  /** Fires when an append may have committed (a notification, or a reconnect of the listener). */
  readonly wakeUps: Observable<void>;
}

interface FeedHooks {
  /** The store completes the subscriber at once when it is already closed, and when it closes. */
  readonly onOpen: (subscriber: Subscriber<RecordedEvent>) => void;
  /** A read failed (the store restarting, a dropped connection): the next poll tries again from the same place. */
  readonly onReadError: (error: unknown) => void;
  readonly onClose: (subscriber: Subscriber<RecordedEvent>) => void;
}

/** Keeps one catch-up query small enough that a slow subscriber does not hold a connection long. */
const PAGE_SIZE = 500;
/** The fallback when a notification is lost: appends through any node are found within this. */
const POLL_INTERVAL_MS = 250;
/** While an older transaction still runs, rows behind it wait; look again soon, backing off. */
const FIRST_RECHECK_MS = 5;

/**
 * Catches up from the table, then follows it. Every wake-up, poll and recheck runs the same
 * drain, one at a time, from the last delivered place: an event is delivered once, in feed order.
 * A failed read does not end the subscription: the store may be back by the next poll.
 */
export function followFeed(source: FeedSource, start: FeedPlace, hooks: FeedHooks): Observable<RecordedEvent> {
  return new Observable<RecordedEvent>((subscriber) => {
    hooks.onOpen(subscriber);
    if (subscriber.closed) return;
    let after = start;
    let draining = false;
    let dirty = false;
    let recheckMs = FIRST_RECHECK_MS;
    let recheck: NodeJS.Timeout | null = null;

    const deliverPages = async (): Promise<boolean> => {
      for (;;) {
        const { entries, waiting } = await source.readPage(after, PAGE_SIZE);
        for (const { event, place } of entries) {
          if (subscriber.closed) return false;
          after = place;
          subscriber.next(event);
        }
        if (entries.length < PAGE_SIZE) return !subscriber.closed && waiting;
      }
    };
    const drain = async (): Promise<void> => {
      if (draining) {
        dirty = true;
        return;
      }
      draining = true;
      try {
        let waiting = false;
        do {
          dirty = false;
          waiting = await deliverPages();
        } while (dirty && !subscriber.closed);
        if (waiting && !subscriber.closed) scheduleRecheck();
        else recheckMs = FIRST_RECHECK_MS;
      } catch (error) {
        if (!subscriber.closed) hooks.onReadError(error);
      } finally {
        draining = false;
      }
    };
    const scheduleRecheck = () => {
      if (recheck) return;
      recheck = setTimeout(() => {
        recheck = null;
        void drain();
      }, recheckMs);
      recheckMs = Math.min(recheckMs * 2, POLL_INTERVAL_MS);
    };

    const wakeUps = source.wakeUps.subscribe(() => void drain());
    const poll = setInterval(() => void drain(), POLL_INTERVAL_MS);
    poll.unref();
    subscriber.add(() => {
      clearInterval(poll);
      if (recheck) clearTimeout(recheck);
      wakeUps.unsubscribe();
      hooks.onClose(subscriber);
    });
    void drain();
  });
}
