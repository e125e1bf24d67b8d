import type { RecordedEvent } from '../../src/event-store/event-store.js';
import {
  CLUSTER_SECRET,
  postUpdate,
  readJson,
  startCluster,
  write,
  type Cluster,
  type SharedStore,
} from '../support/cluster.js';
import { connectReader, range, revisionsOf, type Reader } from '../support/live.js';
import { signToken } from '../support/tokens.js';

const BLOG = 'several-nodes';
/** Real processes: starting two, or waiting on them, takes seconds on a busy machine. */
const NODES_START_MS = 90_000;
const NODES_TEST_MS = 60_000;
const auditor = signToken(CLUSTER_SECRET, {
  sub: 'auditor',
  name: 'Ann Auditor',
  role: 'auditor',
});

/** What several nodes on one shared store promise, whichever store it is. */
export const severalNodesCases = (shared: () => SharedStore) => () => {
  let store: SharedStore;
  let cluster: Cluster;
  const readers: Reader[] = [];
  beforeEach(async () => {
    store = shared();
    cluster = await startCluster(store, 2);
    const opened = await write(cluster.nodes[0]!, cluster.editorToken, '', { id: BLOG, title: 'Several nodes' });
    expect(opened.status).toBe(201);
  }, NODES_START_MS);
  afterEach(async () => {
    readers.splice(0).forEach((reader) => reader.close());
    await cluster.close();
    await store.drop();
  }, NODES_START_MS);
  const reader = async (node: number) => {
    const connected = await connectReader(cluster.nodes[node]!.url);
    readers.push(connected);
    return connected;
  };
  const post = (node: number, updateId: string) =>
    postUpdate(cluster.nodes[node]!, cluster.editorToken, BLOG, updateId);

  it(
    'pushes what an editor posts on node A to readers on node B, in order, once',
    async () => {
      const [first, second] = [await reader(1), await reader(1)];
      await first.subscribe(BLOG);
      await second.subscribe(BLOG);
      for (const index of range(1, 12)) expect((await post(0, `a-${index}`)).status).toBe(201);
      await first.waitForRevision(12);
      await second.waitForRevision(12);
      // The barrier: once this later event has arrived, any repeat of an earlier one would have too.
      expect((await post(0, 'barrier')).status).toBe(201);
      await first.waitForRevision(13);
      await second.waitForRevision(13);
      expect(revisionsOf(first.events)).toEqual(range(1, 13));
      expect(revisionsOf(second.events)).toEqual(range(1, 13));
      expect(first.events.map((event) => event.data.updateId)).toEqual([
        ...range(1, 12).map((index) => `a-${index}`),
        'barrier',
      ]);
    },
    NODES_TEST_MS,
  );

  it(
    'resumes a reader that moves from node A to node B with exactly the events it missed',
    async () => {
      const before = await reader(0);
      const ack = await before.subscribe(BLOG);
      if (!ack.ok) throw new Error(ack.error.message);
      for (const index of range(1, 3)) await post(0, `seen-${index}`);
      await before.waitForRevision(3);
      before.close();
      for (const index of range(1, 4)) await post(index % 2, `missed-${index}`);

      const after = await reader(1);
      const resumed = await after.subscribe(BLOG, { afterRevision: before.events.at(-1)!.revision, epoch: ack.epoch });
      expect(resumed).toMatchObject({ ok: true, recovered: true, revision: 7 });
      expect(revisionsOf('events' in resumed ? resumed.events : [])).toEqual(range(4, 7));
      await post(0, 'after-the-move');
      await after.waitForRevision(8);
      expect(revisionsOf(after.events)).toEqual([8]);
      expect(revisionsOf(before.events)).toEqual(range(1, 3));
    },
    NODES_TEST_MS,
  );

  it(
    'loses and repeats nothing when editors write on both nodes at once',
    async () => {
      const watchers = [await reader(0), await reader(1)];
      for (const watcher of watchers) await watcher.subscribe(BLOG);
      const editors = range(0, 3).map(async (editor) => {
        const statuses: number[] = [];
        for (const index of range(1, 10)) statuses.push((await post(editor % 2, `e${editor}-${index}`)).status);
        return statuses;
      });
      const statuses = (await Promise.all(editors)).flat();
      expect(statuses).toEqual(Array(40).fill(201));

      const stored = await readJson<{ events: RecordedEvent[] }>(
        cluster.nodes[1]!,
        `/api/live-blogs/${BLOG}/events?limit=1000`,
        auditor,
      );
      const posted = stored.events
        .filter((event) => event.type === 'UpdatePosted')
        .map((event) => String(event.data.updateId));
      expect(posted).toHaveLength(40);
      expect(new Set(posted).size).toBe(40);
      await post(1, 'barrier');
      for (const watcher of watchers) {
        await watcher.waitForRevision(41);
        expect(revisionsOf(watcher.events)).toEqual(range(1, 41));
        expect(watcher.events.slice(0, 40).map((event) => event.data.updateId)).toEqual(posted);
      }
    },
    NODES_TEST_MS,
  );
};
