import { startApp } from '../support/app.js';
import {
  postUpdate,
  readJson,
  sharedPostgresSchema,
  startCluster,
  write,
  type Cluster,
  type SharedStore,
} from '../support/cluster.js';
import { connectReader, range, waitFor, type Reader } from '../support/live.js';
import { describeWithPostgres } from '../support/postgres.js';

const BLOG = 'shared-state';
const STORY = 'kyrgyzstan-2010-04-08';
/** Real processes: starting two, or waiting on them, takes seconds on a busy machine. */
const NODES_TEST_MS = 90_000;

await describeWithPostgres('what two nodes on one PostgreSQL database share besides events', () => {
  let store: SharedStore;
  let cluster: Cluster | undefined;
  const readers: Reader[] = [];
  beforeEach(() => {
    store = sharedPostgresSchema();
  });
  afterEach(async () => {
    readers.splice(0).forEach((reader) => reader.close());
    await cluster?.close();
    cluster = undefined;
    await store.drop();
  }, NODES_TEST_MS);
  const start = async (options: Parameters<typeof startCluster>[2] = {}) => {
    cluster = await startCluster(store, 2, options);
    return cluster.nodes;
  };
  const reader = async (url: string) => {
    const connected = await connectReader(url);
    readers.push(connected);
    return connected;
  };
  const lastCount = (subject: Reader) => subject.readers.at(-1)?.count;

  it(
    'tells readers on every node the story’s readers on all nodes, and forgets a killed node',
    async () => {
      const [a, b] = await start();
      expect((await write(a!, cluster!.editorToken, '', { id: BLOG, title: 'Shared counts' })).status).toBe(201);
      const onA = await reader(a!.url);
      const onB = [await reader(b!.url), await reader(b!.url)];
      for (const subject of [onA, ...onB]) expect(await subject.subscribe(BLOG)).toMatchObject({ ok: true });
      await waitFor(
        () => [onA, ...onB].every((subject) => lastCount(subject) === 3),
        5000,
        'a count of 3 on both nodes',
      );

      await a!.kill();
      // The killed node said no goodbye: its reader stops counting once its heartbeat is stale (5 s).
      await waitFor(() => onB.every((subject) => lastCount(subject) === 2), 10_000, 'a count of 2 after the kill');
      expect((await postUpdate(b!, cluster!.editorToken, BLOG, 'still-live')).status).toBe(201);
    },
    NODES_TEST_MS,
  );

  it(
    'keeps one subscribe budget per client address across nodes',
    async () => {
      const [a, b] = await start({ env: { LIVE_REQUESTS_PER_ADDRESS: '30' } });
      expect((await write(a!, cluster!.editorToken, '', { id: BLOG, title: 'Shared budgets' })).status).toBe(201);
      const codes = async (subject: Reader, times: number) =>
        (await Promise.all(range(1, times).map(() => subject.subscribe(BLOG)))).map((ack) =>
          ack.ok ? 'ok' : ack.error.code,
        );
      expect(await codes(await reader(a!.url), 20)).toEqual(Array(20).fill('ok'));
      expect(await codes(await reader(b!.url), 10)).toEqual(Array(10).fill('ok'));
      expect(await codes(await reader(b!.url), 2)).toEqual(['rate_limited', 'rate_limited']);
      expect(await codes(await reader(a!.url), 1)).toEqual(['rate_limited']);
    },
    NODES_TEST_MS,
  );

  it(
    'imports the reference story once when two seeding nodes start at the same moment',
    async () => {
      const single = await startApp({ seed: true });
      const expected = (await single.http.get(`/api/live-blogs/${STORY}`).expect(200)).body.revision as number;
      await single.close();

      const [a, b] = await start({ env: { SEED: 'true' }, together: true });
      for (const node of [a!, b!]) {
        expect((await readJson<{ revision: number }>(node, `/api/live-blogs/${STORY}`)).revision).toBe(expected);
      }
      const list = await readJson<{ id: string }[]>(b!, '/api/live-blogs');
      expect(list.map((blog) => blog.id)).toEqual([STORY]);
    },
    NODES_TEST_MS,
  );
});
