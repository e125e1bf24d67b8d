import { bearer, startApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'hygiene-desk';

type Route = { path: string; method: 'post' | 'put'; body: Record<string, unknown>; fields: string[] };
const media = { url: 'https://a.example/m.jpg', caption: 'C', credit: 'R' };
const blog = `/api/live-blogs/${BLOG}`;

/** Every write route with a valid body, and the text fields of that body a reader may see. */
const ROUTES: ReadonlyArray<Route> = [
  {
    method: 'post',
    path: '/api/live-blogs',
    body: { id: 'new-desk', title: 'T', summary: 'S' },
    fields: ['title', 'summary'],
  },
  {
    method: 'post',
    path: `${blog}/updates`,
    body: { kind: 'report', body: 'B', byline: 'Y', attribution: 'A', location: 'L', sources: 'S', media },
    fields: ['body', 'byline', 'attribution', 'location', 'sources', 'media.caption', 'media.credit'],
  },
  {
    method: 'post',
    path: `${blog}/updates/u1/corrections`,
    body: { body: 'N', reason: 'R' },
    fields: ['body', 'reason'],
  },
  { method: 'post', path: `${blog}/updates/u1/retraction`, body: { reason: 'R' }, fields: ['reason'] },
  { method: 'put', path: `${blog}/headline`, body: { title: 'New title' }, fields: ['title'] },
  { method: 'put', path: `${blog}/summary`, body: { summary: 'New summary' }, fields: ['summary'] },
  {
    method: 'post',
    path: `${blog}/casualty-figures`,
    body: { dead: { count: 1, qualifier: 'exact' }, source: 'S', scope: 'C', note: 'N' },
    fields: ['source', 'scope', 'note'],
  },
  { method: 'post', path: `${blog}/timeline`, body: { period: 'March 2005', text: 'T' }, fields: ['period', 'text'] },
  { method: 'put', path: `${blog}/locations/Osh`, body: { status: 'Calm' }, fields: ['status'] },
  { method: 'post', path: `${blog}/close`, body: { reason: 'R' }, fields: ['reason'] },
];

const CASES = ROUTES.flatMap((route) =>
  route.fields.map((field) => [`${route.method.toUpperCase()} ${route.path}`, field, route] as const),
);

/** `{a: {b: 1}}` with `'a.b'` set to `value`. */
function withField(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy;
}

/** The fields a 400 names, in either of its shapes (`details.field` or `details.fields[]`). */
function namedFields(body: { details?: { field?: string; fields?: { field: string }[] } }): string[] {
  const listed = (body.details?.fields ?? []).map((error) => error.field);
  return [body.details?.field, ...listed].filter((field): field is string => !!field);
}

describe('input hygiene: what can never be valid text is refused in every field, never a 500', () => {
  let t: TestApp;
  let editor: Record<string, string>;

  beforeAll(async () => {
    // Hundreds of writes by one editor in a minute: the write budget is tested in rate-limits-http.
    t = await startApp({ env: { WRITE_RATE_LIMIT: '0' } });
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Desk' }, { headers: editor });
    const first = { updateId: 'u1', kind: 'report', body: 'First.' };
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send(first).expect(201);
  });
  afterAll(() => t.close());

  const eventCount = async () => (await t.store.readAll({ maxCount: 100_000 })).length;
  const send = (route: Route, body: unknown, headers: Record<string, string> = {}) =>
    t.http[route.method](route.path)
      .set(editor)
      .set(headers)
      .send(body as object);

  /** Sends the body with the text placed in the field; expects 400 naming the field and nothing written. */
  async function expectRefused(route: Route, field: string, text: string, headers: Record<string, string> = {}) {
    const before = await eventCount();
    const response = await send(route, withField(route.body, field, text), headers);
    const refusal = { status: response.status, fields: namedFields(response.body) };
    expect(refusal).toEqual({ status: 400, fields: expect.arrayContaining([field]) });
    expect(await eventCount()).toBe(before);
  }

  it.each(CASES)('%s: a lone surrogate in %s answers 400 naming it', async (_, field, route) => {
    await expectRefused(route, field, 'Bishkek \ud800 today');
  });

  it.each(CASES)('%s: a lone surrogate in %s with an Idempotency-Key answers 400', async (_, field, route) => {
    await expectRefused(route, field, '\udfff', { 'Idempotency-Key': `surrogate-${route.path}-${field}` });
  });

  it('a lone surrogate in an unknown field, with an Idempotency-Key, answers 400 naming it', async () => {
    const route = ROUTES[1]!;
    await expectRefused(route, 'colour', '\ud800', { 'Idempotency-Key': 'unknown-field' });
  });

  it('a lone surrogate in a key answers 400', async () => {
    const before = await eventCount();
    const body = { ...ROUTES[1]!.body, 'k\ud800': 1 };
    const response = await send(ROUTES[1]!, body, { 'Idempotency-Key': 'surrogate-key' });
    expect(response.status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ['arrays', (depth: number) => '['.repeat(depth) + ']'.repeat(depth)],
    ['objects', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
  ])('JSON nested 3,000 levels deep in %s answers 400 and the server still answers', async (_, nested) => {
    for (const headers of [{}, { 'Idempotency-Key': 'deep' }]) {
      const body = `{"kind":"report","body":"x","media":${nested(3000)}}`;
      const response = await t.http.post(ROUTES[1]!.path).set(editor).set(headers).type('json').send(body);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/nested/);
    }
    await t.http.get(`/api/live-blogs/${BLOG}`).expect(200);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a bell', 'ring\u0007'],
    ['an escape sequence', '\u001b[31mred'],
    ['DEL', 'x\u007f'],
    ['a C1 control', 'next\u0085line'],
    ['a right-to-left override', 'txt.\u202eexe'],
    ['a left-to-right isolate', '\u2066isolated\u2069'],
    ['a noncharacter', 'x\uffff'],
  ])('refuses %s in every text field with 400 naming it', async (_, text) => {
    for (const [, field, route] of CASES) await expectRefused(route, field, text);
  });

  it.each([
    ['zero-width spaces only', '\u200b\u200b'],
    ['a byte order mark and spaces', ' \ufeff '],
    ['joiners and a soft hyphen', '\u200d\u00ad\u2060'],
    ['no-break spaces', '\u00a0\u202f'],
  ])('refuses text of %s as empty in every text field', async (_, text) => {
    for (const [, field, route] of CASES) await expectRefused(route, field, text);
  });

  it('refuses a body whose markup holds no visible text', async () => {
    await expectRefused(ROUTES[1]!, 'body', '<p>\u200b</p><p> </p>');
    await expectRefused(ROUTES[2]!, 'body', '<b></b>');
  });

  it('keeps HTML in a plain-text field as the text it is: stored verbatim, never interpreted', async () => {
    const title = 'Q&A: why <b>Bishkek</b> fell <script>x</script>';
    await t.http.put(`/api/live-blogs/${BLOG}/headline`).set(editor).send({ title }).expect(201);
    expect((await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.title).toBe(title);
  });

  it('accepts well-formed text from every script, with emoji, combining marks and joiners', async () => {
    const route = ROUTES[1]!;
    const body = 'Бишкек: 👩‍👧 ойлор, مرحبا, e\u0301, 中文, tab\tand\nnew line';
    const response = await send(route, withField(route.body, 'body', body)).expect(201);
    const view = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    expect(view.updates[0]).toMatchObject({ revision: response.body.revision, body });
  });
});
