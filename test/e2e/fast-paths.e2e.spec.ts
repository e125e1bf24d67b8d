import type request from 'supertest';
import { bearer, startedApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';
import { LogLines } from '../support/log-lines.js';

const BLOG = 'fast-paths';
const ARTICLE = `/api/live-blogs/${BLOG}`;
const PAGE = `/live/${BLOG}`;

/** Headers that differ between any two responses, whoever made them. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive']);

/** Status, every header but those, and the body's bytes: what a fast path must give as the route does. */
function answerOf(response: request.Response) {
  const headers = Object.entries(response.headers).filter(([name]) => !PER_RESPONSE.has(name));
  return { status: response.status, headers: Object.fromEntries(headers), body: response.text };
}

/** The article and page of an opened blog, the page rendered once (later GETs come from the cache). */
async function opened(t: TestApp): Promise<void> {
  const editor = bearer(t.token('editor'));
  await givenLiveBlog(
    t,
    { id: BLOG, title: 'Fast paths' },
    { headers: editor, updates: [{ kind: 'report', body: 'Crowds.' }] },
  );
}

// The fast paths (article-fast-path.ts, reader-page-fast-path.ts) answer an anonymous GET without a
// query; a query sends the same request on to the route, whose answer is the one to match.
describe('the fast paths answer as the route does', () => {
  const logs = new LogLines();
  const t = startedApp(() => ({ env: { TRUST_PROXY: '1' }, logs }));
  beforeAll(() => opened(t));

  const get = (path: string, headers: Record<string, string>) => t.http.get(path).set(headers).buffer(true);

  it.each([
    ['the article', ARTICLE],
    ['the cached page', PAGE],
  ])(
    'gives %s with the same status, headers and bytes as the route, 200 and 304, over http and https',
    async (_, path) => {
      await get(path, {}).expect(200);
      for (const proto of ['http', 'https']) {
        const sent = { 'X-Request-Id': `fast-${proto}`, 'X-Forwarded-Proto': proto };
        const fast = await get(path, sent).expect(200);
        const route = await get(`${path}?through=route`, sent).expect(200);
        expect(answerOf(fast)).toEqual(answerOf(route));
        expect(fast.headers['x-request-id']).toBe(`fast-${proto}`);
        expect(fast.headers['strict-transport-security'] !== undefined).toBe(proto === 'https');
        const held = { ...sent, 'If-None-Match': fast.headers.etag! };
        const notModified = await get(path, held).expect(304);
        expect(answerOf(notModified)).toEqual(answerOf(await get(`${path}?through=route`, held).expect(304)));
      }
    },
  );

  it('get the access line written for an answer they give, with the route pattern and the request id', async () => {
    await get(ARTICLE, { 'X-Request-Id': 'fast-logged' }).expect(200);
    const line = await logs.requestLine('fast-logged');
    expect(line).toMatchObject({ route: '/api/live-blogs/:id', res: { statusCode: 200 }, level: 30 });
    expect(line.responseTime).toEqual(expect.any(Number));
  });
});

describe('the fast paths spend the read budget (READ_RATE_LIMIT)', () => {
  const t = startedApp({ env: { READ_RATE_LIMIT: '6', WRITE_RATE_LIMIT: '0' } });

  it('once per request, also when they leave the answer to the route, and answer 429 once it is spent', async () => {
    await opened(t); // one opening and one update spent: four GETs left
    await t.http.get(PAGE).expect(200); // not cached yet: rendered by the route
    await t.http.get(PAGE).expect(200);
    await t.http.get(ARTICLE).expect(200);
    await t.http.get(ARTICLE).expect(200);
    for (const path of [ARTICLE, PAGE]) {
      const refused = await t.http.get(path).set('X-Request-Id', 'over-budget').expect(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.headers['cache-control']).toBe('no-store');
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['x-request-id']).toBe('over-budget');
      expect(refused.headers['content-security-policy']).toContain("default-src 'self'");
      expect(refused.body).toMatchObject({ status: 429, kind: 'rate_limited' });
    }
  });
});
