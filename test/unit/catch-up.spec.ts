import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import type { EventStore } from '../../src/event-store/event-store.js';
import { openSqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import type { SubscribeAck } from '../../src/live-blog/realtime/live-events.js';
import { CatchUp } from '../../src/live-blog/realtime/catch-up.js';
import { streamOf } from '../../src/live-blog/application/stream-names.js';
import { growLiveBlogs } from '../support/grown-live-blogs.js';

const STORY = 'catch-up-crowd';
const READERS = 50;

/** The replay path reads only the store; the views are for readers who redraw, not asked for here. */
const catchUpOn = (store: EventStore) => new CatchUp(store, undefined as never, undefined as never);

const revisionsIn = (ack: SubscribeAck) =>
  ack.ok && 'events' in ack ? ack.events.map((event) => event.revision) : `not a replay: ${JSON.stringify(ack)}`;

describe('the catch-up of a crowd resuming from one page', () => {
  it('reads the gap from the store once and gives every reader all of it', async () => {
    // Given a story at revision 10 (opened, ten updates)
    const store = await openSqliteEventStore(':memory:');
    await growLiveBlogs(store, [STORY], 10);
    const reads = jest.spyOn(store, 'readStream');
    const catchUp = catchUpOn(store);

    // When fifty readers whose page showed revision 5 subscribe at once
    const request = { liveBlogId: STORY, afterRevision: 5, epoch: store.epoch };
    const acks = await Promise.all(Array.from({ length: READERS }, () => catchUp.ackFor(request)));

    // Then each is given revisions 6 to 10, and the store was read once for all of them
    for (const ack of acks) expect(revisionsIn(ack!)).toEqual([6, 7, 8, 9, 10]);
    expect(reads).toHaveBeenCalledTimes(1);
    await store.close();
  });

  it('reads again once the story has moved on, so a later reader misses nothing', async () => {
    // Given a crowd caught up from revision 5 of a story at revision 10
    const store = await openSqliteEventStore(':memory:');
    await growLiveBlogs(store, [STORY], 10);
    const catchUp = catchUpOn(store);
    const request = { liveBlogId: STORY, afterRevision: 5, epoch: store.epoch };
    await catchUp.ackFor(request);

    // When another update is written and a reader from that page arrives
    await appendOneMore(store);
    const ack = await catchUp.ackFor(request);

    // Then its catch-up holds the new update too
    expect(revisionsIn(ack!)).toEqual([6, 7, 8, 9, 10, 11]);
    await store.close();
  });
});

/** Copies the story's last event as revision 11 (the replay checks types, not the hash chain). */
async function appendOneMore(store: EventStore): Promise<void> {
  const stream = streamOf(STORY);
  const [last] = await store.readStream(stream, { fromRevision: 10, maxCount: 1 });
  const data = { ...(last!.data as Record<string, unknown>), updateId: 'one-more' };
  await store.append(stream, [{ eventId: randomUUID(), type: last!.type, data, metadata: last!.metadata }], {
    expectedRevision: 10,
  });
}
