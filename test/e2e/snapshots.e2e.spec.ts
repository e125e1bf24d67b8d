import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSqliteConnection } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { ProjectionRunner } from '../../src/live-blog/projections/projection-runner.js';
import { Metrics } from '../../src/shared/metrics.js';
import { growLiveBlogs } from '../support/grown-live-blogs.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';
import { startApp, type TestApp } from '../support/app.js';

const REFERENCE = 'kyrgyzstan-2010-04-08';
const GROWN = 'grown-story';
const STORIES = [REFERENCE, GROWN];

/** How a test reaches under the port to change a stored snapshot, as an intruder or a failing disk would. */
interface StoreUnderTest {
  readonly env: NodeJS.ProcessEnv;
  readonly storePath?: string;
  tamper(stream: string, from: string, to: string): Promise<void>;
}

function unsigned(json: string): string {
  return json.replace(/,"at":"[^"]*","signature":"[^"]*"\}\}$/, '}}');
}

function snapshotSuite(open: () => StoreUnderTest) {
  let store: StoreUnderTest;
  let dataDir: string;
  const apps: TestApp[] = [];
  beforeEach(() => {
    store = open();
    // One DATA_DIR for every start: the same checkpoint key signs the articles, so they compare byte for byte.
    dataDir = mkdtempSync(join(tmpdir(), 'dateline-snapshots-'));
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(snapshotEvery: number, seed = false): Promise<TestApp> {
    const env = { ...store.env, DATA_DIR: dataDir, SNAPSHOT_EVERY: String(snapshotEvery) };
    const app = await startApp({ env, storePath: store.storePath, seed });
    apps.push(app);
    return app;
  }
  async function stop(app: TestApp): Promise<void> {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  }
  /** The articles' JSON as served, but for when their checkpoints were signed (the signing time and signature). */
  const articles = async (app: TestApp) =>
    Promise.all(STORIES.map(async (id) => unsigned((await app.http.get(`/api/live-blogs/${id}`).expect(200)).text)));
  const asOf = async (app: TestApp, revision: number) => {
    const auditor = { Authorization: `Bearer ${app.token('auditor')}` };
    const url = `/api/live-blogs/${REFERENCE}/as-of?revision=${revision}`;
    return (await app.http.get(url).set(auditor).expect(200)).text;
  };
  const metric = async (app: TestApp, name: string) => {
    const found = (await app.app.get(Metrics).registry.getSingleMetric(name)?.get())?.values ?? [];
    return Object.fromEntries(found.map(({ labels, value }) => [String(labels.outcome ?? ''), value]));
  };
  /** Given both stories stored, snapshotted at a clean shutdown, and the articles a rebuild from zero serves. */
  async function givenSnapshotted() {
    const first = await start(10, true);
    await growLiveBlogs(first.store, [GROWN], 120);
    // The views hold every event before the shutdown snapshots them.
    await first.app.get(ProjectionRunner).waitUntilProjected((await first.store.readAll()).at(-1)!.checkpoint);
    await stop(first);
    const rebuilt = await start(0);
    const expected = { articles: await articles(rebuilt), asOf: await asOf(rebuilt, 7) };
    await stop(rebuilt);
    return expected;
  }

  it('serves after a restart, folding nothing, the same articles and past views as a rebuild from zero', async () => {
    const expected = await givenSnapshotted();
    // when
    const restarted = await start(10);
    // then
    expect(await metric(restarted, 'dateline_start_events_folded')).toEqual({ '': 0 });
    // The start read the stories' summaries; each story is loaded from its snapshot when first read.
    expect(await metric(restarted, 'dateline_snapshot_loads_total')).toEqual({});
    expect(await articles(restarted)).toEqual(expected.articles);
    expect(await metric(restarted, 'dateline_snapshot_loads_total')).toEqual({ loaded: 2 });
    expect(await asOf(restarted, 7)).toEqual(expected.asOf);
  });

  it('folds only the events stored after a snapshot, and writes on the story it loaded', async () => {
    const expected = await givenSnapshotted();
    const writer = await start(0);
    const editor = { Authorization: `Bearer ${writer.token('editor')}` };
    for (const body of ['One.', 'Two.', 'Three.']) {
      await writer.http.post(`/api/live-blogs/${GROWN}/updates`).set(editor).send({ kind: 'report', body }).expect(201);
    }
    const grown = unsigned((await writer.http.get(`/api/live-blogs/${GROWN}`).expect(200)).text);
    await stop(writer);
    // when
    const restarted = await start(10);
    // then
    expect(await metric(restarted, 'dateline_start_events_folded')).toEqual({ '': 3 });
    expect(await articles(restarted)).toEqual([expected.articles[0], grown]);
    const again = { Authorization: `Bearer ${restarted.token('editor')}` };
    const posted = await restarted.http
      .post(`/api/live-blogs/${GROWN}/updates`)
      .set(again)
      .send({ kind: 'report', body: 'Four.' })
      .expect(201);
    expect(posted.body.revision).toBe(JSON.parse(grown).revision + 1);
  });

  it('rejects a snapshot whose text was changed, rebuilds the story and writes a snapshot anew', async () => {
    const expected = await givenSnapshotted();
    await store.tamper(`liveblog-${REFERENCE}`, 'Bakiyev', 'Nobody');
    // when
    const restarted = await start(10);
    // then
    expect(await articles(restarted)).toEqual(expected.articles);
    expect(await metric(restarted, 'dateline_snapshot_loads_total')).toEqual({ loaded: 1, rejected: 1 });
    await stop(restarted);
    const next = await start(10);
    expect(await articles(next)).toEqual(expected.articles);
    expect(await metric(next, 'dateline_snapshot_loads_total')).toEqual({ loaded: 2 });
  });
}

describe('snapshots of the views in an SQLite file', () => {
  snapshotSuite(() => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-snapshot-store-'));
    const storePath = join(dir, 'events.db');
    return {
      env: {},
      storePath,
      tamper: async (stream, from, to) => {
        const db = openSqliteConnection(storePath);
        db.prepare('UPDATE snapshots SET state = replace(state, ?, ?) WHERE stream = ?').run(from, to, stream);
      },
    };
  });
});

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

await describeWithPostgres('snapshots of the views in PostgreSQL', () => {
  snapshotSuite(() => {
    const schema = schemas.next();
    return {
      env: { EVENT_STORE: `${TEST_POSTGRES_URL}?schema=${schema}` },
      tamper: async (stream, from, to) => {
        const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await client.connect();
        await client.query(`UPDATE "${schema}".snapshots SET state = replace(state, $1, $2) WHERE stream = $3`, [
          from,
          to,
          stream,
        ]);
        await client.end();
      },
    };
  });
});
