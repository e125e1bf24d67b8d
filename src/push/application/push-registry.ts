import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { emptyPushBook, evolvePush, type PushBook } from '../domain/push-events.js';
import { PUSH_STREAM, toPushEvent } from './push-stream.js';

const PAGE_SIZE = 500;

/**
 * This node's copy of every push subscription, read from the `push-subscriptions` stream. Brought
 * up to date before each use (a short read when nothing changed), so every node sees what the store holds.
 */
@Injectable()
export class PushRegistry {
  private current: PushBook = emptyPushBook;
  private reading: Promise<PushBook> = Promise.resolve(emptyPushBook);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  get book(): PushBook {
    return this.current;
  }

  /** Reads whatever the stream holds past what is folded; calls queue, so each event is folded once. */
  catchUp(): Promise<PushBook> {
    this.reading = this.reading.catch(() => this.current).then(() => this.readNewEvents());
    return this.reading;
  }

  private async readNewEvents(): Promise<PushBook> {
    for (;;) {
      const fromRevision = this.current.revision + 1;
      const page = await this.store.readStream(PUSH_STREAM, { fromRevision, maxCount: PAGE_SIZE });
      for (const event of page) this.current = evolvePush(this.current, toPushEvent(event), event);
      if (page.length < PAGE_SIZE) return this.current;
    }
  }
}
