import { openSqliteEventStore, type SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { CommandHandler, type CommandRequest } from '../../src/live-blog/application/command-handler.js';
import { WriteStates } from '../../src/live-blog/application/write-states.js';
import { LiveBlogConflict } from '../../src/live-blog/domain/index.js';
import { Metrics } from '../../src/shared/metrics.js';
import { EDITOR } from '../support/given.js';
import { systemClock, StaleRevision } from '../../src/kernel/index.js';

const BLOG = 'osh-unrest';
const context = { author: EDITOR };
const post = (updateId: string): CommandRequest => ({ type: 'PostUpdate', updateId, kind: 'report', body: 'Gunfire.' });

/** One node's command path: its own cached write states, on the store every node shares. */
function node(store: SqliteEventStore): CommandHandler {
  const views = { waitUntilProjected: async () => {} };
  return new CommandHandler(
    store,
    new WriteStates(store, store.snapshots(), { liveBlogsInMemory: 1000 }),
    views,
    new Metrics(),
    systemClock,
  );
}

describe("the command path's cached state", () => {
  let store: SqliteEventStore;
  let a: CommandHandler;
  let b: CommandHandler;
  beforeEach(async () => {
    store = await openSqliteEventStore(':memory:');
    [a, b] = [node(store), node(store)];
    await a.execute(BLOG, { type: 'OpenLiveBlog', title: 'Unrest in Osh', language: 'en' }, context);
    await a.execute(BLOG, post('u1'), context);
  });
  afterEach(() => store.close());

  it('answers from the store when another node wrote since: appends on its head, one chain', async () => {
    // given another node posts after this one cached the blog
    await b.execute(BLOG, post('u2'), context);
    // when
    const result = await a.execute(BLOG, post('u3'), context);
    // then
    expect(result).toMatchObject({ revision: 3, appended: true });
    const stored = await store.readStream(`liveblog-${BLOG}`);
    expect(stored.map((event) => event.data.updateId)).toEqual([undefined, 'u1', 'u2', 'u3']);
    stored.slice(1).forEach((event, index) => expect(event.metadata.prevHash).toBe(stored[index]!.metadata.hash));
  });

  it('refuses what the store holds though its cache does not: a repeated update id, a stale If-Match', async () => {
    // given
    await b.execute(BLOG, post('u2'), context);
    // when, then
    await expect(a.execute(BLOG, post('u2'), context)).rejects.toThrow(LiveBlogConflict);
    await expect(a.execute(BLOG, post('u4'), { ...context, expectedRevision: 1 })).rejects.toThrow(StaleRevision);
  });

  it("accepts an If-Match on the store's head that its cache has not seen yet", async () => {
    // given
    await b.execute(BLOG, post('u2'), context);
    // when
    const result = await a.execute(BLOG, post('u3'), { ...context, expectedRevision: 2 });
    // then
    expect(result).toMatchObject({ revision: 3, appended: true });
  });

  it('corrects an update only another node has seen posted', async () => {
    // given
    await b.execute(BLOG, post('u2'), context);
    // when
    const correction: CommandRequest = { type: 'CorrectUpdate', updateId: 'u2', body: 'Shots.', reason: 'wording' };
    const result = await a.execute(BLOG, correction, context);
    // then
    expect(result).toMatchObject({ revision: 3, appended: true });
  });
});
