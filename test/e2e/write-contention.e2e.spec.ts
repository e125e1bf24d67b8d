import { bearer, startApp, type TestApp, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

/**
 * Writes without If-Match sent together to one story, spread over `nodes` (one app each): every one
 * lands (201), each is acknowledged once (distinct revisions), and the stream holds each body once.
 */
async function contend(nodes: TestApp[], story: string, editors: number, writesEach: number) {
  const tokens = Array.from({ length: editors }, (_, index) =>
    bearer(nodes[0]!.token('editor', `Editor ${index + 1}`)),
  );
  await givenLiveBlog(nodes[0]!, { id: story, title: 'Contention' }, { headers: tokens[0]! });
  const before = (await nodes[0]!.store.readStream(`liveblog-${story}`)).length;
  const writes = tokens.flatMap((token, editor) =>
    Array.from({ length: writesEach }, (_, write) => ({ token, body: `Editor ${editor}, write ${write}` })),
  );
  const responses = await Promise.all(
    writes.map(({ token, body }, index) =>
      nodes[index % nodes.length]!.http.post(`/api/live-blogs/${story}/updates`)
        .set(token)
        .send({ kind: 'report', body }),
    ),
  );
  const landed = responses.filter((response) => response.status === 201).length;
  const refused = responses.filter((response) => response.status !== 201).map((response) => response.status);
  console.log(
    `${writes.length} concurrent writes (${editors} editors × ${writesEach}, ${nodes.length} node(s)): ${landed} landed, refused`,
    refused,
  );
  expect(refused).toEqual([]);
  const revisions = responses.map((response) => response.body.revision as number).sort((a, b) => a - b);
  expect(revisions).toEqual(Array.from({ length: writes.length }, (_, index) => before + index));
  const events = await nodes[0]!.store.readStream(`liveblog-${story}`);
  expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));
  const bodies = events.slice(before).map((event) => event.data.body as string);
  expect(bodies.sort()).toEqual(writes.map((write) => write.body).sort());
}

describe('writes without If-Match under contention on one node (SQLite)', () => {
  const t = startedApp();

  it('40 writes by 4 editors at once all land, each acknowledged once', () => contend([t], 'contended-40', 4, 10));
  it('20 editors × 10 writes at once all land, each acknowledged once', () => contend([t], 'contended-200', 20, 10));
});

await describeWithPostgres('writes without If-Match under contention on PostgreSQL', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('40 writes by 4 editors at once on one node all land', async () => {
    apps.push(await startApp({ env: { EVENT_STORE: `${TEST_POSTGRES_URL}?schema=${schemas.next()}` } }));
    await contend(apps, 'contended-pg-40', 4, 10);
  });

  it('20 editors × 10 writes at once, spread over two nodes, all land', async () => {
    const env = { EVENT_STORE: `${TEST_POSTGRES_URL}?schema=${schemas.next()}` };
    apps.push(...(await Promise.all([startApp({ env }), startApp({ env })])));
    await contend(apps, 'contended-pg-200', 20, 10);
  }, 60_000);
});
