import { bearer, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-probe';

/** The smaller findings of a probe of the API, each answered the way a newsroom would expect. */
describe('the API under probing', () => {
  const t = startedApp();
  let editor: Record<string, string>;

  beforeAll(async () => {
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Osh' }, { headers: editor });
  });

  const stored = () => t.store.readStream(`liveblog-${BLOG}`);
  const post = (body: object, headers: Record<string, string> = {}, as = editor) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(as).set(headers).send(body);
  const latestBody = async () => (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.updates[0].body;

  it.each([
    ['a protocol-relative link', '<a href="//evil.example/x">more</a>'],
    ['a relative link', '<a href="/admin">more</a>'],
    ['a link with a backslash host', '<a href="/\\evil.example">more</a>'],
  ])('drops %s from a body, keeping its text', async (_, link) => {
    await post({ kind: 'report', body: `See ${link}.` }).expect(201);
    expect(await latestBody()).toBe('See <a>more</a>.');
  });

  it('keeps an absolute https link', async () => {
    await post({ kind: 'report', body: 'See <a href="https://www.bbc.co.uk/news">the BBC</a>.' }).expect(201);
    expect(await latestBody()).toBe('See <a href="https://www.bbc.co.uk/news">the BBC</a>.');
  });

  it.each([
    'https://a.example/map.gif"onerror="alert(1)',
    "https://a.example/map.gif'onerror='alert(1)",
    'https://a.example/map gif',
    'https://a.example/<map>.gif',
    'https://a.example\\@evil.example/map.gif',
    'https://user:secret@a.example/map.gif',
    'https:/a.example/map.gif',
    '//a.example/map.gif',
  ])('refuses media.url %s with 400, writing nothing', async (url) => {
    const before = (await stored()).length;
    const response = await post({ kind: 'report', body: 'Map.', media: { url } }).expect(400);
    expect(JSON.stringify(response.body.details)).toContain('media.url');
    expect(await stored()).toHaveLength(before);
  });

  it('accepts a clean https media.url, with a query and an encoded space', async () => {
    const url = 'https://news.bbcimg.co.uk/media/images/4758/kyrgyzstan_map%202.gif?size=640&v=2';
    await post({ kind: 'report', body: 'Map.', media: { url } }).expect(201);
    expect((await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.updates[0].media.url).toBe(url);
  });

  it.each([
    ['12,000 characters', 'x'.repeat(12_000)],
    ['129 characters', 'x'.repeat(129)],
    ['markup', '<script>alert(1)</script>'],
    ['spaces and quotes', 'a "b" c'],
  ])('refuses an X-Correlation-Id of %s with 400 naming it, writing nothing', async (_, id) => {
    const before = (await stored()).length;
    const response = await post({ kind: 'report', body: 'Traced.' }, { 'X-Correlation-Id': id }).expect(400);
    expect(response.body.details).toEqual({ field: 'X-Correlation-Id' });
    expect(await stored()).toHaveLength(before);
  });

  it('records a well-formed X-Correlation-Id', async () => {
    const id = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await post({ kind: 'report', body: 'Traced.' }, { 'X-Correlation-Id': id }).expect(201);
    expect((await stored()).at(-1)!.metadata).toMatchObject({ correlationId: id });
  });

  it('refuses an Idempotency-Key another editor used with 422: never their result, nothing written', async () => {
    const other = bearer(t.token('editor', 'Richard Galpin'));
    const body = { kind: 'report', body: 'Shared key.' };
    const first = await post(body, { 'Idempotency-Key': 'shared-key' }).expect(201);
    const before = (await stored()).length;
    const replayed = await post(body, { 'Idempotency-Key': 'shared-key' }, other).expect(422);
    expect(replayed.body).toMatchObject({ statusCode: 422, details: { field: 'Idempotency-Key' } });
    expect(JSON.stringify(replayed.body)).not.toContain(`"revision":${first.body.revision}`);
    expect(await stored()).toHaveLength(before);
    const retried = await post(body, { 'Idempotency-Key': 'shared-key' }).expect(201);
    expect(retried.body).toEqual(first.body);
    expect(await stored()).toHaveLength(before);
  });

  it.each(['?afterRevision=', '?afterRevision=abc', '?afterRevision=1.5', '?afterRevision=-2', '?limit='])(
    'answers 400 for the change feed query %s',
    async (query) => {
      const response = await t.http.get(`/api/live-blogs/${BLOG}/changes${query}`).expect(400);
      expect(response.body.details.fields[0].field).toMatch(/afterRevision|limit/);
    },
  );

  it.each(['?beforeRevision=', '?limit=', '?limit=2.5'])('answers 400 for the updates query %s', async (query) => {
    await t.http.get(`/api/live-blogs/${BLOG}/updates${query}`).expect(400);
  });

  it('still reads -1 and whole numbers in the change feed query', async () => {
    await t.http.get(`/api/live-blogs/${BLOG}/changes?afterRevision=-1&limit=5`).expect(200);
    await t.http.get(`/api/live-blogs/${BLOG}/updates?beforeRevision=3&limit=2`).expect(200);
  });
});
