import { openSqliteEventStore, type SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import type { StoredSnapshot } from '../../src/event-store/snapshots.js';
import { envelope, foldStored, toStoredEvents } from '../../src/live-blog/application/envelope.js';
import {
  loadLiveBlog,
  parseSummaries,
  serialiseSummaries,
  summaryOf,
  toSnapshot,
  type HeldLiveBlog,
} from '../../src/live-blog/application/live-blog-snapshots.js';
import { streamOf } from '../../src/live-blog/application/stream-names.js';
import type { LiveBlogEvent, OpenedBlog } from '../../src/live-blog/domain/index.js';
import { foldHistory, initialState } from '../../src/live-blog/domain/index.js';
import { toArticleView } from '../../src/live-blog/projections/article.view.js';
import * as f from '../support/factories.js';
import { EDITOR, history, minutesAfterStart } from '../support/given.js';

const BLOG = 'osh-unrest';
const STREAM = streamOf(BLOG);

/** Posts, with corrections, retractions, pins, key events, figures, timeline and places among them. */
function storyEvents(from: number, count: number): LiveBlogEvent[] {
  const events: LiveBlogEvent[] = from === 0 ? [f.opened()] : [];
  for (let index = Math.max(from, 1); index < from + count; index++) {
    const previous = `u${index - 1}`;
    const kinds = [
      () => f.corrected({ updateId: previous }),
      () => f.retracted({ updateId: previous }),
      () => f.keyEventMarked({ updateId: previous }),
      () => f.figures({ dead: { count: index, qualifier: 'exact' } }),
      () => f.timelineEntry({ entryId: `t${index}`, period: `Day ${index}`, text: 'Clashes.' }),
      () => f.locationUpdated({ place: `Place ${index % 3}`, status: 'calm' }),
    ];
    events.push(index % 4 === 0 ? kinds[(index / 4) % kinds.length]!() : f.posted({ updateId: `u${index}` }));
  }
  return events;
}

async function append(store: SqliteEventStore, events: LiveBlogEvent[], head: HeldLiveBlog): Promise<HeldLiveBlog> {
  let prevHash = head.lastHash;
  const batch = events.map((event, offset) => {
    const at = minutesAfterStart(head.state.revision + 1 + offset);
    const [enveloped] = envelope([event], { prevHash, at }, { author: EDITOR });
    prevHash = enveloped!.metadata.hash;
    return enveloped!;
  });
  const revision = head.state.revision;
  await store.append(STREAM, batch, { expectedRevision: revision === -1 ? 'no_stream' : revision });
  const stored = toStoredEvents(await store.readStream(STREAM));
  return { state: foldStored(initialState, stored), position: stored.at(-1)!.position, lastHash: prevHash };
}

const article = (held: HeldLiveBlog) => JSON.stringify(toArticleView(BLOG, held.state as OpenedBlog, 1000));

describe("a story's snapshot", () => {
  let store: SqliteEventStore;
  let head: HeldLiveBlog;
  let snapshot: StoredSnapshot;
  beforeEach(async () => {
    store = await openSqliteEventStore(':memory:');
    head = await append(store, storyEvents(0, 300), { state: initialState, position: 0, lastHash: '' });
    snapshot = toSnapshot(BLOG, { ...head, state: head.state as OpenedBlog });
  });
  afterEach(() => store.close());

  it('loads as the fold from zero holds the story, reading no event after it', async () => {
    await store.snapshots().save([snapshot], null);
    // when
    const loaded = await loadLiveBlog(store, store.snapshots(), BLOG);
    // then
    expect({ snapshot: loaded.snapshot, eventsRead: loaded.eventsRead }).toEqual({ snapshot: 'loaded', eventsRead: 0 });
    expect(article(loaded.held)).toEqual(article(head));
    expect({ position: loaded.held.position, lastHash: loaded.held.lastHash }).toEqual({
      position: head.position,
      lastHash: head.lastHash,
    });
  });

  it('older than the stream: folds only the events after it', async () => {
    await store.snapshots().save([snapshot], null);
    const grown = await append(store, storyEvents(300, 7), head);
    // when
    const loaded = await loadLiveBlog(store, store.snapshots(), BLOG);
    // then
    expect({ snapshot: loaded.snapshot, eventsRead: loaded.eventsRead }).toEqual({ snapshot: 'loaded', eventsRead: 7 });
    expect(article(loaded.held)).toEqual(article(grown));
    expect(loaded.held.lastHash).toBe(grown.lastHash);
  });

  it.each([
    ['its text changed', (s: StoredSnapshot) => ({ ...s, state: s.state.replace('Further', 'Fewer') })],
    ['another format', (s: StoredSnapshot) => ({ ...s, format: s.format + 1 })],
    // made as a writer who knows the digest rule would make it: only the stored event's hash gives it away
    [
      'a chain hash the stored event does not have',
      () => toSnapshot(BLOG, { ...head, state: head.state as OpenedBlog, lastHash: 'f'.repeat(64) }),
    ],
  ])('with %s is rejected and the story folded from zero', async (_, alter) => {
    const stored = alter(snapshot);
    await store.snapshots().save([stored], null);
    // when
    const loaded = await loadLiveBlog(store, store.snapshots(), BLOG);
    // then
    expect({ snapshot: loaded.snapshot, eventsRead: loaded.eventsRead }).toEqual({
      snapshot: 'rejected',
      eventsRead: 300,
    });
    expect(article(loaded.held)).toEqual(article(head));
  });

  it('is not written once the stream has moved past it', async () => {
    await append(store, storyEvents(300, 1), head);
    // when
    const written = await store.snapshots().save([snapshot], null);
    // then
    expect(written).toBe(0);
    expect(await store.snapshots().read(STREAM)).toBeNull();
  });
});

describe("a story's summary", () => {
  const LATER = '2010-04-08T18:15:00.000Z';
  const scheduled = {
    type: 'UpdateScheduled',
    data: { updateId: 's1', publishAt: LATER, kind: 'statement', body: 'Draft text of the statement.' },
  } as LiveBlogEvent;
  const held = (): HeldLiveBlog => ({
    state: foldHistory(history(f.opened(), scheduled)),
    position: 2,
    lastHash: 'h2',
  });

  it('keeps when each scheduled update is due, and no draft text (a redaction must reach every copy of it)', () => {
    // when
    const summary = summaryOf(held());
    // then
    expect(summary.opened?.scheduled).toEqual([{ updateId: 's1', publishAt: LATER }]);
    expect(JSON.stringify(summary)).not.toContain('Draft text');
  });

  it('reads back as written, and not at all once its text was changed', () => {
    const written = serialiseSummaries([[BLOG, summaryOf(held())]]);
    // then
    expect(parseSummaries(written)).toEqual(new Map([[BLOG, summaryOf(held())]]));
    expect(parseSummaries(written.replace('h2', 'h3'))).toBeNull();
    expect(parseSummaries(null)).toBeNull();
  });
});
