import { Injectable } from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';
import type { RecordedEvent } from './event-store.js';

/**
 * Events of streams that are not live blogs (the `accounts` stream), as the store feed delivers them
 * after start-up. The feed's runner publishes here; only those streams' own readers listen, so
 * nothing here reaches a view, a push or a feed, and the readers need not know who runs the feed.
 */
@Injectable()
export class OtherStreamEvents {
  private readonly subject = new Subject<RecordedEvent>();

  get events(): Observable<RecordedEvent> {
    return this.subject.asObservable();
  }

  publish(event: RecordedEvent): void {
    this.subject.next(event);
  }

  complete(): void {
    this.subject.complete();
  }
}
