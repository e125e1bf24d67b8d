import type { EventStore, RecordedEvent } from '../event-store/index.js';

const PAGE_SIZE = 1000;

/**
 * A stream's events from one revision to another (both inclusive), a page at a time, so a long
 * story is verified holding one page. Filtered as well as limited: where a row is missing, a
 * count alone would run past the end. What is done with the events gives the event loop its
 * turns (LoopTurns): SQLite reads synchronously.
 */
export async function* streamPages(
  store: EventStore,
  stream: string,
  fromRevision = 0,
  toRevision = Number.MAX_SAFE_INTEGER,
): AsyncGenerator<RecordedEvent[]> {
  for (let next = fromRevision; next <= toRevision; ) {
    const page = await store.readStream(stream, { fromRevision: next, maxCount: PAGE_SIZE });
    const inRange = page.filter((event) => event.revision <= toRevision);
    if (inRange.length > 0) yield inRange;
    if (page.length < PAGE_SIZE || inRange.length < page.length) return;
    next = page.at(-1)!.revision + 1;
  }
}
