import type { EventStore } from '../../src/event-store/event-store.js';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { envelope } from '../../src/live-blog/application/envelope.js';
import { WriteStates } from '../../src/live-blog/application/write-states.js';
import type { LiveBlogEvent } from '../../src/live-blog/domain/index.js';
import * as f from '../support/factories.js';
import { EDITOR } from '../support/given.js';

const BLOG = 'osh-unrest';
const STREAM = `liveblog-${BLOG}`;

/** Appends as another node would: straight to the store, extending the chain from `prevHash`. */
async function appendElsewhere(
  store: EventStore,
  events: LiveBlogEvent[],
  prevHash: string,
  expectedRevision: number,
  stream = STREAM,
) {
  const batch = envelope(events, { prevHash, at: '2010-04-08T06:00:00Z' }, { author: EDITOR });
  await store.append(stream, batch, { expectedRevision: expectedRevision === -1 ? 'no_stream' : expectedRevision });
  return batch.at(-1)!.metadata.hash;
}

describe('the write side state', () => {
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = await openSqliteEventStore(':memory:');
  });
  afterEach(() => store.close());

  it('starts with no stream: revision -1, an empty chain', async () => {
    // when
    const loaded = await new WriteStates(store, store.snapshots(), { liveBlogsInMemory: 1000 }).load(BLOG);
    // then
    expect(loaded).toEqual({ state: { status: 'none', revision: -1 }, position: 0, lastHash: '' });
  });

  it('extends its cached state with what another writer stored since', async () => {
    // given
    const states = new WriteStates(store, store.snapshots(), { liveBlogsInMemory: 1000 });
    const firstHash = await appendElsewhere(store, [f.opened(), f.posted()], '', -1);
    const before = await states.load(BLOG);
    const lastHash = await appendElsewhere(store, [f.posted({ updateId: 'u2' })], firstHash, 1);
    // when
    const after = await states.load(BLOG);
    // then
    expect(before).toMatchObject({ state: { status: 'live', revision: 1 }, lastHash: firstHash });
    expect(after).toMatchObject({ state: { status: 'live', revision: 2 }, lastHash });
    expect(after.state.status !== 'none' && after.state.updates.map((update) => update.updateId)).toEqual(['u1', 'u2']);
    expect(after.position).toBe((await store.readAll()).at(-1)!.position);
  });

  it('keeps LIVE_BLOGS_IN_MEMORY stories, and loads a dropped one again from the store', async () => {
    // given
    const states = new WriteStates(store, store.snapshots(), { liveBlogsInMemory: 1 });
    await appendElsewhere(store, [f.opened(), f.posted()], '', -1);
    await appendElsewhere(store, [f.opened()], '', -1, 'liveblog-another-story');
    await states.load(BLOG);
    // when
    await states.load('another-story');
    // then
    expect(states.cached('another-story')).toBeDefined();
    expect(states.cached(BLOG)).toBeUndefined();
    expect(await states.load(BLOG)).toMatchObject({ state: { status: 'live', revision: 1 } });
  });
});
