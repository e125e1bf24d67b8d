import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSqliteConnection } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'feed-recovery';

async function metric(t: TestApp, name: string): Promise<number> {
  const text = (await t.http.get('/metrics').expect(200)).text;
  return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
}

/** Opens a blog, makes the store fail under the running feed, heals it, and checks a later write reaches the views. */
async function expectViewsCatchUp(t: TestApp, label: string, fail: () => Promise<void>, heal: () => Promise<void>) {
  const editor = bearer(t.token('editor'));
  await givenLiveBlog(t, { id: BLOG, title: 'Feed recovery' }, { headers: editor });
  await fail();
  await heal();
  const healedAt = performance.now();
  const posted = await t.http
    .post(`/api/live-blogs/${BLOG}/updates`)
    .set(editor)
    .send({ kind: 'report', body: 'Written once the store was back.' })
    .expect(201);
  // The 201 waited (up to 5 s) for this node's views to hold the write; the GET shows whether they do.
  const view = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
  console.log(
    `${label}: views held the write ${Math.round(performance.now() - healedAt)} ms after the store was back; ` +
      `feed errors ${await metric(t, 'dateline_feed_errors_total')}`,
  );
  expect(view.revision).toBe(posted.body.revision);
  expect(JSON.stringify(view.updates)).toContain('Written once the store was back.');
}

describe('the views after the SQLite feed fails', () => {
  let folder: string;
  let t: TestApp;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-feed-'));
    t = await startApp({ storePath: join(folder, 'events.db') });
  });
  afterEach(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('follow the feed again from the last event folded, and catch up', async () => {
    const outside = openSqliteConnection(join(folder, 'events.db'));
    await expectViewsCatchUp(
      t,
      'sqlite',
      async () => {
        // Another connection moves the table away: the feed's next read throws "no such table".
        outside.exec('ALTER TABLE events RENAME TO events_away');
        await waitForMetric(t, 'dateline_feed_errors_total', 1);
      },
      async () => void outside.exec('ALTER TABLE events_away RENAME TO events'),
    );
  });
});

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

await describeWithPostgres('the views after the PostgreSQL connections are killed', () => {
  const applicationName = `dateline_feed_recovery_${process.pid}`;
  let t: TestApp;
  let admin: pg.Client;

  beforeEach(async () => {
    const url = new URL(TEST_POSTGRES_URL);
    url.searchParams.set('schema', schemas.next());
    url.searchParams.set('application_name', applicationName);
    t = await startApp({ env: { EVENT_STORE: url.toString() } });
    admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
    await t.close();
  });

  it('catch up once the store answers again', async () => {
    await expectViewsCatchUp(
      t,
      'postgres',
      async () => {
        // Every connection of this app, the feed's LISTEN connection and the pool's, as an operator's restart would.
        const { rows } = await admin.query<{ killed: boolean }>(
          'SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1',
          [applicationName],
        );
        expect(rows.filter((row) => row.killed).length).toBeGreaterThan(0);
      },
      async () => undefined,
    );
  });
});

async function waitForMetric(t: TestApp, name: string, atLeast: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await metric(t, name)) < atLeast) {
    if (Date.now() > deadline) throw new Error(`${name} stayed below ${atLeast}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
