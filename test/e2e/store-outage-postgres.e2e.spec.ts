import { bearer, startApp, type TestApp } from '../support/app.js';
import { sleep } from '../support/live.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'store-outage';
const STORE_TIMEOUT_MS = 1000;
const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

/** A write during an outage: its status, Retry-After and how long it took to be answered. */
async function timedWrite(t: TestApp, body: string) {
  const started = performance.now();
  const response = await t.http
    .post(`/api/live-blogs/${BLOG}/updates`)
    .set(bearer(t.token('editor')))
    .send({ kind: 'report', body });
  return { response, ms: Math.round(performance.now() - started) };
}

await describeWithPostgres('a node whose PostgreSQL store stops answering', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    const server = new URL(TEST_POSTGRES_URL);
    proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
    const viaProxy = new URL(TEST_POSTGRES_URL);
    viaProxy.port = String(proxy.port);
    viaProxy.searchParams.set('schema', schemas.next());
    t = await startApp({ env: { EVENT_STORE: viaProxy.toString(), STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS) } });
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(
      t,
      { id: BLOG, title: 'Outage' },
      { headers: editor, updates: [{ kind: 'report', body: 'Before.' }] },
    );
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.close();
  });

  async function expectOutageAnswers(label: string, body: string, before: unknown) {
    const { response, ms } = await timedWrite(t, body);
    console.log(
      `${label}: write answered ${response.status} in ${ms} ms (STORE_TIMEOUT_MS ${STORE_TIMEOUT_MS}), Retry-After ${response.headers['retry-after']}`,
    );
    expect(response.status).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body.details).toEqual({ retryAfterSeconds: Number(response.headers['retry-after']) });
    expect(ms).toBeLessThan(5 * STORE_TIMEOUT_MS);
    const article = await t.http.get(`/api/live-blogs/${BLOG}`).expect(200);
    expect(article.body).toEqual(before);
    await t.http.get('/health/live').expect(200);
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.store.status).toBe('down');
    await t.http.get('/health').expect(503);
  }

  async function writesAgain() {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(200)) {
      const { response } = await timedWrite(t, 'After.');
      if (response.status === 201) return;
      expect(response.status).toBe(503);
    }
    throw new Error('writes did not come back within 20 s of the store');
  }

  it('answers a write 503 with Retry-After at once when the connection is refused, and writes nothing', async () => {
    const before = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    await proxy.refuse();
    await expectOutageAnswers('store refused', 'During a refusal.', before);
    await proxy.restore();
    await writesAgain();
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.store).toEqual({ status: 'up' });
  });

  it('answers a write 503 within a bounded time when the store holds every byte, and writes nothing', async () => {
    const before = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    proxy.blackhole();
    await expectOutageAnswers('store silent', 'During a silence.', before);
    await proxy.restore();
    await writesAgain();
    const stored = (await t.store.readStream(`liveblog-${BLOG}`)).map((event) => event.data.body).filter(Boolean);
    expect(stored).toEqual(['Before.', 'After.', 'After.']);
  }, 60_000);
});
