import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';
import { seedIfEmpty } from '../../src/live-blog/import/seed.js';
import { startApp, type TestApp } from '../support/app.js';

const schemas = new TestSchemas();
const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});
afterAll(() => schemas.dropAll());

async function start(options: Parameters<typeof startApp>[0]): Promise<TestApp> {
  const app = await startApp(options);
  apps.push(app);
  return app;
}

await describeWithPostgres('seeding one PostgreSQL store', () => {
  it('imports the reference story once when two nodes start on it at once', async () => {
    const env = { EVENT_STORE: `${TEST_POSTGRES_URL}?schema=${schemas.next()}` };
    const [nodeA, nodeB] = await Promise.all([start({ env }), start({ env })]);
    // Both find the store empty and import line by line in step: each line's append races the other node's.
    await Promise.all([seedIfEmpty(nodeA.app), seedIfEmpty(nodeB.app)]);
    const embedded = await start({ seed: true });
    const expected = await embedded.store.readAll();
    const stored = await nodeA.store.readAll();

    expect(stored.length).toBeGreaterThan(30);
    expect(stored.map((e) => [e.stream, e.revision, e.eventId])).toEqual(
      expected.map((e) => [e.stream, e.revision, e.eventId]),
    );
    const [liveBlogId] = stored[0].stream.split('liveblog-').slice(1);
    const auditor = { Authorization: `Bearer ${nodeB.token('auditor')}` };
    const integrity = await nodeB.http.get(`/api/live-blogs/${liveBlogId}/integrity`).set(auditor).expect(200);
    expect(integrity.body).toMatchObject({ ok: true, checked: stored.length });
  });
});
