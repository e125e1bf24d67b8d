import type request from 'supertest';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'problem-desk';
const PROBLEM_TYPE = /^application\/problem\+json/;

type Response = request.Response;

/**
 * Every error answer has one shape (RFC 9457, DESIGN §4): the standard members, the kind, and the
 * older members kept for clients written against them.
 */
function expectProblem(response: Response, status: number, kind: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(PROBLEM_TYPE);
  expect(response.body).toMatchObject({
    type: `https://dateline.invalid/problems/${kind}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
    kind,
    statusCode: status,
    error: response.body.title,
    message: response.body.detail,
  });
  expect(response.body.detail.length).toBeGreaterThan(0);
}

/** A 400: the same members whatever found the fault, and one list naming the field. */
function expectInvalid(response: Response, field: string): void {
  expectProblem(response, 400, 'invalid');
  expect(Object.keys(response.body).sort()).toEqual(
    ['type', 'title', 'status', 'detail', 'kind', 'errors', 'statusCode', 'error', 'message', 'details'].sort(),
  );
  expect(response.body.title).toBe('Bad Request');
  expect(response.body.errors).toEqual(expect.arrayContaining([{ field, detail: expect.stringMatching(/\S/) }]));
  for (const error of response.body.errors) expect(Object.keys(error).sort()).toEqual(['detail', 'field']);
}

describe('one error contract: RFC 9457 problem details', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  const blog = `/api/live-blogs/${BLOG}`;
  const storedEvents = () => t.store.readStream(`liveblog-${BLOG}`);

  beforeAll(async () => {
    t = await startApp({ env: { READ_RATE_LIMIT: '0' } });
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Problems' }, { headers: editor });
    await t.http.post(`${blog}/updates`).set(editor).send({ kind: 'report', body: 'One.' }).expect(201);
  });
  afterAll(() => t.close());

  describe('six malformed requests, found by six different checks, answer 400 with the same members', () => {
    it('an unknown update kind (the body validation)', async () => {
      const response = await t.http.post(`${blog}/updates`).set(editor).send({ kind: 'rumour', body: 'x' });
      expectInvalid(response, 'kind');
    });

    it('a lone surrogate in a text (the JSON body check)', async () => {
      const response = await t.http.post(`${blog}/updates`).set(editor).send({ kind: 'report', body: 'a\udfffb' });
      expectInvalid(response, 'body');
    });

    it('a malformed If-Match (a header)', async () => {
      const response = await t.http
        .post(`${blog}/updates`)
        .set(editor)
        .set('If-Match', 'yesterday')
        .send({ kind: 'report', body: 'x' });
      expectInvalid(response, 'If-Match');
    });

    it('a non-numeric limit (a query number)', async () => {
      expectInvalid(await t.http.get(`${blog}/updates?limit=ten`), 'limit');
    });

    it('a negative casualty count (a nested body field)', async () => {
      const response = await t.http
        .post(`${blog}/casualty-figures`)
        .set(editor)
        .send({ dead: { count: -1, qualifier: 'exact' }, source: 'Health ministry' });
      expectInvalid(response, 'dead.count');
    });

    it('a control character in a headline (the text rules)', async () => {
      const response = await t.http.put(`${blog}/headline`).set(editor).send({ title: 'ring\u0007' });
      expectInvalid(response, 'title');
    });

    it('wrote none of them', async () => {
      expect(await storedEvents()).toHaveLength(2);
    });
  });

  it('a body that is not JSON at all: 400 naming the body', async () => {
    const response = await t.http.post(`${blog}/updates`).set(editor).type('json').send('{"kind": ');
    expectInvalid(response, '(body)');
  });

  it('says "no such blog" one way, on every route that can', async () => {
    const answers = await Promise.all([
      t.http.get('/api/live-blogs/no-such-story'),
      t.http.get('/api/live-blogs/no-such-story/updates'),
      t.http.get('/api/live-blogs/no-such-story/changes'),
      t.http.get('/api/live-blogs/no-such-story/checkpoint'),
      t.http.get('/api/live-blogs/no-such-story/events').set(bearer(t.token('auditor'))),
      t.http.get('/api/newsroom/live-blogs/no-such-story/activity').set(editor),
      t.http.post('/api/live-blogs/no-such-story/updates').set(editor).send({ kind: 'report', body: 'x' }),
    ]);
    for (const response of answers) {
      expectProblem(response, 404, 'not_found');
      expect(response.body.detail).toBe('no live blog "no-such-story"');
    }
    const notASlug = await t.http.get('/api/live-blogs/Not%20A%20Slug');
    expectProblem(notASlug, 404, 'not_found');
    expect(notASlug.body.detail).toBe('no live blog "Not A Slug"');
  });

  it('412: the current revision as a member and as the ETag', async () => {
    const response = await t.http
      .post(`${blog}/updates`)
      .set(editor)
      .set('If-Match', '"0"')
      .send({ kind: 'report', body: 'Late.' });
    expectProblem(response, 412, 'stale');
    expect(response.body).toMatchObject({ title: 'Precondition Failed', currentRevision: 1 });
    expect(response.body.details).toEqual({ currentRevision: 1 });
    expect(response.headers.etag).toBe('"1"');
  });

  it('422: an Idempotency-Key reused for another request names the header', async () => {
    const send = (body: string) =>
      t.http.post(`${blog}/updates`).set(editor).set('Idempotency-Key', 'once').send({ kind: 'report', body });
    await send('First.').expect(201);
    const response = await send('Something else.');
    expectProblem(response, 422, 'unprocessable');
    expect(response.body.errors).toEqual([{ field: 'Idempotency-Key', detail: response.body.detail }]);
  });

  it('401 and 403 from the guard, and a route that does not exist, in the same shape', async () => {
    const post = () => t.http.post(`${blog}/updates`).send({ kind: 'report', body: 'x' });
    expectProblem(await post(), 401, 'unauthenticated');
    const reader = await post().set(bearer(t.token('auditor')));
    expectProblem(reader, 403, 'forbidden');
    expectProblem(await t.http.get('/api/no-such-route'), 404, 'not_found');
  });
});

describe('429 through the same shape', () => {
  let t: TestApp;
  afterEach(() => t.close());

  const expectRateLimited = (response: Response) => {
    expectProblem(response, 429, 'rate_limited');
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(response.body.retryAfterSeconds).toBe(retryAfter);
    expect(response.body.details).toEqual({ retryAfterSeconds: retryAfter });
  };

  it('from the per-address limit, which answers before any route', async () => {
    t = await startApp({ env: { READ_RATE_LIMIT: '2' } });
    await t.http.get('/api/live-blogs').expect(200);
    await t.http.get('/api/live-blogs').expect(200);
    expectRateLimited(await t.http.get('/api/live-blogs'));
  });

  it('from the per-author write budget, which the guard spends', async () => {
    t = await startApp({ env: { WRITE_RATE_LIMIT: '1' } });
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Problems' }, { headers: editor });
    expectRateLimited(
      await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send({ kind: 'report', body: 'x' }),
    );
  });
});

describe('the OpenAPI document describes the problem shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('as a schema, referenced by the 4xx answers of the API', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body;
    const schema = document.components.schemas.ProblemDetails;
    expect(schema.properties).toEqual(
      expect.objectContaining({
        type: expect.any(Object),
        title: expect.any(Object),
        status: expect.any(Object),
        detail: expect.any(Object),
        errors: expect.any(Object),
      }),
    );
    const post = document.paths['/api/live-blogs/{id}/updates'].post;
    expect(post.responses['400'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/ProblemDetails',
    );
  });
});
