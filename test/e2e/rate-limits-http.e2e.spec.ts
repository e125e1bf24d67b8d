import type request from 'supertest';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { sharedPostgresSchema, type SharedStore } from '../support/cluster.js';
import { describeWithPostgres } from '../support/postgres.js';

const BLOG = 'limits';

type Response = request.Response;
const statuses = (responses: Response[]) =>
  responses.reduce<Record<number, number>>((counts, response) => {
    counts[response.status] = (counts[response.status] ?? 0) + 1;
    return counts;
  }, {});

/** A 429 as every limit answers it: the one error shape, and when to retry. */
function expectRetryLater(response: Response): void {
  expect(response.status).toBe(429);
  expect(response.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.body.details.retryAfterSeconds).toBe(retryAfter);
}

const post = (t: TestApp, token: string, body = 'A report.') =>
  t.http.post(`/api/live-blogs/${BLOG}/updates`).set(bearer(token)).send({ kind: 'report', body });

async function opened(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const t = await startApp({ env });
  await t.http
    .post('/api/live-blogs')
    .set(bearer(t.token('admin', 'Setup')))
    .send({ id: BLOG, title: 'Limits' });
  return t;
}

describe('writes per author (WRITE_RATE_LIMIT)', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('lets one editor make 120 writes a minute by default: of 300 sent at once, 180 answer 429 and write nothing', async () => {
    t = await opened();
    const editor = t.token('editor', 'Busy Editor');
    const responses = await Promise.all(Array.from({ length: 300 }, (_, index) => post(t, editor, `Burst ${index}.`)));
    const counts = statuses(responses);
    console.log(`300 writes by one editor at once: ${counts[201]} written, ${counts[429]} answered 429`);
    expect(counts).toEqual({ 201: 120, 429: 180 });
    expectRetryLater(responses.find((response) => response.status === 429)!);
    // The opening and the 120 written, nothing else.
    expect(await t.store.readStream(`liveblog-${BLOG}`)).toHaveLength(121);
    // Another editor has a budget of their own.
    await post(t, t.token('editor', 'Other Editor')).expect(201);
  });

  it('counts per author, whatever address or token they use; 0 turns it off', async () => {
    t = await opened({ WRITE_RATE_LIMIT: '3' });
    const first = t.token('editor', 'Ann');
    for (let index = 0; index < 3; index++) await post(t, first).expect(201);
    expectRetryLater(await post(t, t.token('editor', 'Ann')));
    await t.close();

    t = await opened({ WRITE_RATE_LIMIT: '0' });
    const responses = await Promise.all(Array.from({ length: 150 }, () => post(t, first)));
    expect(statuses(responses)).toEqual({ 201: 150 });
  });
});

describe('requests per client address (READ_RATE_LIMIT)', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('answers 429 past the budget, for reads and 404s alike, but never to the health probe', async () => {
    t = await opened({ READ_RATE_LIMIT: '300', WRITE_RATE_LIMIT: '0' });
    const reads = await Promise.all(
      Array.from({ length: 1000 }, (_, index) =>
        t.http.get(index % 10 === 0 ? '/api/no-such-route' : `/api/live-blogs/${BLOG}`),
      ),
    );
    const counts = statuses(reads);
    console.log(`1,000 anonymous reads from one address at once: ${JSON.stringify(counts)} (budget 300 a minute)`);
    // One request went to opening the story.
    expect((counts[200] ?? 0) + (counts[404] ?? 0)).toBe(299);
    expect(counts[429]).toBe(701);
    expectRetryLater(reads.find((response) => response.status === 429)!);
    await t.http.get('/health').expect(200);
  });

  it('keeps a budget per client address behind a trusted proxy', async () => {
    t = await opened({ READ_RATE_LIMIT: '5', TRUST_PROXY: '1' });
    const from = (address: string) => t.http.get('/api/live-blogs').set('X-Forwarded-For', address);
    for (let index = 0; index < 5; index++) await from('198.51.100.7').expect(200);
    expectRetryLater(await from('198.51.100.7'));
    await from('203.0.113.9').expect(200);
  });

  it('is off at 0', async () => {
    t = await opened({ READ_RATE_LIMIT: '0' });
    const reads = await Promise.all(Array.from({ length: 500 }, () => t.http.get('/api/live-blogs')));
    expect(statuses(reads)).toEqual({ 200: 500 });
  });
});

describe('bad bearer tokens per client address', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('answers 429 after 60 bad-token requests a minute, while good tokens from the same address still work', async () => {
    t = await opened();
    const responses = await Promise.all(Array.from({ length: 300 }, () => post(t, 'not.a.token')));
    const counts = statuses(responses);
    console.log(`300 bad-token requests from one address: ${counts[401]} answered 401, ${counts[429]} answered 429`);
    expect(counts).toEqual({ 401: 60, 429: 240 });
    expectRetryLater(responses.find((response) => response.status === 429)!);
    await post(t, t.token('editor')).expect(201);
  });
});

await describeWithPostgres('limits shared by two nodes on one PostgreSQL database', () => {
  let store: SharedStore;
  let nodes: TestApp[] = [];
  beforeEach(async () => {
    store = sharedPostgresSchema();
    const env = { EVENT_STORE: store.eventStore, WRITE_RATE_LIMIT: '4', READ_RATE_LIMIT: '40' };
    nodes = [await opened(env), await startApp({ env })];
  });
  afterEach(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await store.drop();
  });

  it('spends one author’s writes and one address’s requests on either node', async () => {
    const [a, b] = nodes as [TestApp, TestApp];
    const editor = a.token('editor', 'Shared Editor');
    await post(a, editor).expect(201);
    await post(b, editor).expect(201);
    await post(a, editor).expect(201);
    await post(b, editor).expect(201);
    expectRetryLater(await post(a, editor));
    expectRetryLater(await post(b, editor));

    // 1 opening + 6 writes spent above; 33 reads left between the two nodes.
    const reads = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).http.get('/api/live-blogs')));
    expect(statuses(reads)).toEqual({ 200: 33, 429: 7 });
  });
});
