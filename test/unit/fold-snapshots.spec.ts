import { AuditService } from '../../src/audit/audit.service.js';
import { FoldSnapshots, SNAPSHOT_EVERY } from '../../src/audit/fold-snapshots.js';
import type { EventStore, ReadStreamOptions } from '../../src/event-store/event-store.js';
import { openSqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { envelope } from '../../src/live-blog/application/envelope.js';
import { streamOf } from '../../src/live-blog/application/stream-names.js';
import { foldHistory, initialState, type LiveBlogEvent } from '../../src/live-blog/domain/index.js';
import { corrected, opened, posted } from '../support/factories.js';
import { EDITOR, minutesAfterStart } from '../support/given.js';

const BLOG = 'snapshots';
const EVENTS = 2500;

/** A story of EVENTS events: posts, with a correction of the previous post every seventh event. */
function storyEvents(): LiveBlogEvent[] {
  const events: LiveBlogEvent[] = [opened()];
  for (let index = 1; index < EVENTS; index++) {
    events.push(index % 7 === 0 ? corrected({ updateId: `u${index - 1}` }) : posted({ updateId: `u${index}` }));
  }
  return events;
}

/** The store, with each readStream's starting revision noted (what a question had to read). */
async function storeWithStory(): Promise<{ store: EventStore; readFrom: number[] }> {
  const store = await openSqliteEventStore(':memory:');
  let prevHash = '';
  const events = storyEvents();
  for (let from = 0; from < events.length; from += 500) {
    const batch = events.slice(from, from + 500).flatMap((event, offset) => {
      const [enveloped] = envelope([event], { prevHash, at: minutesAfterStart(from + offset) }, { author: EDITOR });
      prevHash = enveloped!.metadata.hash;
      return [enveloped!];
    });
    await store.append(streamOf(BLOG), batch, { expectedRevision: from === 0 ? 'no_stream' : from - 1 });
  }
  const readFrom: number[] = [];
  const readStream = store.readStream.bind(store);
  store.readStream = (stream: string, options?: ReadStreamOptions) => {
    readFrom.push(options?.fromRevision ?? 0);
    return readStream(stream, options);
  };
  return { store, readFrom };
}

describe('as-of from fold snapshots', () => {
  it('answers a past revision and a past instant as a fold from the first event does, reading only past the nearest snapshot', async () => {
    const { store, readFrom } = await storeWithStory();
    const warmed = new AuditService(store);
    await warmed.asOf(BLOG, {}); // folds the whole story once, leaving snapshots at 999 and 1999
    const points = [
      { revision: 998 },
      { revision: 999 },
      { revision: 1000 },
      { revision: 2345 },
      { at: minutesAfterStart(2100) },
    ];
    for (const point of points) {
      readFrom.length = 0;
      const fromSnapshot = await warmed.asOf(BLOG, point);
      const last = point.revision ?? 2100;
      const nearestSnapshotEnd = Math.floor((last + 1) / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
      expect(readFrom.filter((from) => from < nearestSnapshotEnd)).toEqual([]);
      expect(fromSnapshot).toEqual(await new AuditService(store).asOf(BLOG, point));
    }
    await store.close();
  });

  it('drops a blog snapshots once an event that rewrites history (a redaction) follows them', () => {
    const snapshots = new FoldSnapshots();
    const events = storyEvents()
      .slice(0, SNAPSHOT_EVERY)
      .map((event, revision) => ({ ...event, revision, at: minutesAfterStart(revision), author: EDITOR }));
    const state = foldHistory(events, initialState);
    snapshots.remember(BLOG, state, snapshots.generation(BLOG));
    snapshots.check(BLOG, [], SNAPSHOT_EVERY - 1);
    expect(snapshots.nearest(BLOG, 1500, Number.POSITIVE_INFINITY)).toBe(state);
    expect(snapshots.nearest(BLOG, 1500, Date.parse(minutesAfterStart(500)))).toBeUndefined();
    snapshots.check(BLOG, ['UpdatePosted'], 1200);
    expect(snapshots.nearest(BLOG, 1500, Number.POSITIVE_INFINITY)).toBe(state);
    const begun = snapshots.generation(BLOG); // a fold begins before the redaction is seen…
    snapshots.check(BLOG, ['UpdatePosted', 'UpdateRedacted'], 1300);
    expect(snapshots.nearest(BLOG, 1500, Number.POSITIVE_INFINITY)).toBeUndefined();
    snapshots.remember(BLOG, state, begun); // …and ends after it: what it folded may hold redacted text
    expect(snapshots.nearest(BLOG, 1500, Number.POSITIVE_INFINITY)).toBeUndefined();
    snapshots.remember(BLOG, state, snapshots.generation(BLOG));
    expect(snapshots.nearest(BLOG, 1500, Number.POSITIVE_INFINITY)).toBe(state);
  });
});
