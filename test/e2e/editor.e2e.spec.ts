import { bearer, startApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-unrest';

describe('editors: writing a live blog over HTTP', () => {
  let t: TestApp;
  let editor: Record<string, string>;

  beforeEach(async () => {
    t = await startApp();
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Unrest in Osh', at: '2010-04-08T06:00:00Z' }, { headers: editor });
  });
  afterEach(() => t.close());

  const article = async () => (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
  const storedEvents = () => t.store.readStream(`liveblog-${BLOG}`);
  const post = (body: object, headers: Record<string, string> = {}) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).set(headers).send(body);

  it('posts an update: 201 with revision and ETag, and the next GET shows it first', async () => {
    await post({ kind: 'report', body: 'First report.' }).expect(201);
    const response = await post({
      kind: 'breaking',
      body: 'Gunfire heard after nightfall.',
      byline: 'Rayhan Demytrie',
    }).expect(201);
    expect(response.body).toEqual({ liveBlogId: BLOG, revision: 2, position: expect.any(Number) });
    expect(response.headers.etag).toBe('"2"');
    const view = await article();
    expect(view.revision).toBe(2);
    expect(view.updates[0]).toMatchObject({
      kind: 'breaking',
      body: 'Gunfire heard after nightfall.',
      byline: 'Rayhan Demytrie',
      revision: 2,
    });
    expect(view.updates[1].body).toBe('First report.');
  });

  it('records the token holder as the author, with a hash chain over the stream', async () => {
    await post({ kind: 'report', body: 'One.' }).expect(201);
    const [opened, posted] = await storedEvents();
    expect(posted!.metadata).toMatchObject({
      author: { id: 'rayhan-demytrie', name: 'Rayhan Demytrie', role: 'editor' },
      schemaVersion: 2,
      salts: { body: expect.stringMatching(/^[0-9a-f]{32}$/) },
      prevHash: opened!.metadata.hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(opened!.metadata.prevHash).toBe('');
  });

  it('refuses a stale If-Match with 412 and the current revision, writing nothing', async () => {
    await post({ kind: 'report', body: 'One.' }, { 'If-Match': '"0"' }).expect(201);
    const stale = await post({ kind: 'report', body: 'Two.' }, { 'If-Match': '"0"' }).expect(412);
    expect(stale.body).toMatchObject({ statusCode: 412, details: { currentRevision: 1 } });
    expect(stale.headers.etag).toBe('"1"');
    expect(await storedEvents()).toHaveLength(2);
    expect((await article()).updates.map((update: { body: string }) => update.body)).toEqual(['One.']);
  });

  it('answers a retried Idempotency-Key with the original result and appends once', async () => {
    const first = await post({ kind: 'report', body: 'Once.' }, { 'Idempotency-Key': 'k-1' }).expect(201);
    const retry = await post({ kind: 'report', body: 'Once.' }, { 'Idempotency-Key': 'k-1' }).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await storedEvents()).toHaveLength(2);
  });

  it('refuses an Idempotency-Key reused for a different request with 422, writing nothing', async () => {
    await post({ kind: 'report', body: 'Once.' }, { 'Idempotency-Key': 'k-2' }).expect(201);
    const reused = await post({ kind: 'report', body: 'Something else.' }, { 'Idempotency-Key': 'k-2' }).expect(422);
    expect(reused.body).toMatchObject({ statusCode: 422, details: { field: 'Idempotency-Key' } });
    expect(await storedEvents()).toHaveLength(2);
  });

  it('refuses a body that is not JSON with 415', async () => {
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(editor)
      .set('Content-Type', 'text/plain')
      .send('Gunfire.')
      .expect(415);
    expect(await storedEvents()).toHaveLength(1);
  });

  it('decides again when another writer got in first, so concurrent posts all land', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) => post({ kind: 'report', body: `Post ${index}` })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((response) => response.body.revision)).size).toBe(8);
    expect((await article()).updates).toHaveLength(8);
  });

  it.each([
    [{ body: 'No kind.' }, 'kind'],
    [{ kind: 'rumour', body: 'Bad kind.' }, 'kind'],
    [{ kind: 'report' }, 'body'],
    [{ kind: 'report', body: 'x', colour: 'red' }, 'colour'],
    [{ kind: 'report', body: 'x', media: { url: 'http://example.com/a.jpg' } }, 'media.url'],
    [{ kind: 'report', body: 'x', at: 'yesterday' }, 'at'],
  ])('answers 400 naming the field for %j, and writes nothing', async (body, field) => {
    const response = await post(body).expect(400);
    expect(response.body.details.fields.map((error: { field: string }) => error.field)).toContain(field);
    expect(await storedEvents()).toHaveLength(1);
  });

  it('answers 400 naming the field when the domain refuses: an at earlier than the story’s last', async () => {
    const response = await post({ kind: 'report', body: 'Back-dated.', at: '2010-04-08T05:00:00Z' }).expect(400);
    expect(response.body.details).toEqual({ field: 'at' });
    expect(await storedEvents()).toHaveLength(1);
  });

  it('answers 400 for casualty counts that are not whole non-negative numbers', async () => {
    const figures = (dead: object) =>
      t.http.post(`/api/live-blogs/${BLOG}/casualty-figures`).set(editor).send({ dead, source: 'Health ministry' });
    const negative = await figures({ count: -1, qualifier: 'exact' }).expect(400);
    expect(negative.body.details.fields[0].field).toBe('dead.count');
    await figures({ count: 7.5, qualifier: 'exact' }).expect(400);
    await figures({ count: 75, qualifier: 'roughly' }).expect(400);
    await figures({ count: 75, qualifier: 'exact' }).expect(201);
    expect((await article()).casualties).toMatchObject({
      dead: { count: 75, qualifier: 'exact' },
      injured: null,
      source: 'Health ministry',
    });
  });

  it('removes markup that could run in a reader’s page and keeps the safe subset', async () => {
    await post({
      kind: 'report',
      body: '<p>Crowds <b>gathered</b><script>alert(1)</script><img src=x onerror=alert(2)></p>',
    }).expect(201);
    expect((await article()).updates[0].body).toBe('<p>Crowds <b>gathered</b></p>');
  });

  it('refuses a body over the size limit with 413 in the one error shape', async () => {
    const response = await post({ kind: 'report', body: 'x'.repeat(70 * 1024) }).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(editor)
      .set('Content-Type', 'application/json')
      .send('{"kind": ')
      .expect(400);
    expect(response.body.statusCode).toBe(400);
  });

  it('needs a token (401), the editor role (403), and a valid signature (401)', async () => {
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).send({ kind: 'report', body: 'x' }).expect(401);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(t.token('auditor')))
      .send({ kind: 'report', body: 'x' })
      .expect(403);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(`${t.token('editor')}x`))
      .send({ kind: 'report', body: 'x' })
      .expect(401);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(t.token('admin')))
      .send({ kind: 'report', body: 'x' })
      .expect(201);
    expect(await storedEvents()).toHaveLength(2);
  });

  it('corrects, pins and retracts: the public view applies corrections and never shows a retracted update', async () => {
    await post({ kind: 'report', body: 'Shots in Naryn.', updateId: 'u1' }).expect(201);
    await post({ kind: 'report', body: 'Crowds in Osh.', updateId: 'u2' }).expect(201);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/u1/corrections`)
      .set(editor)
      .send({ body: 'Shots in Talas.', reason: 'The town was Talas' })
      .expect(201);
    await t.http.put(`/api/live-blogs/${BLOG}/updates/u2/pin`).set(editor).send({}).expect(201);
    expect((await article()).pinned).toEqual(['u2']);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/u2/retraction`)
      .set(editor)
      .send({ reason: 'Unconfirmed' })
      .expect(201);
    const view = await article();
    expect(view.updates.map((update: { updateId: string }) => update.updateId)).toEqual(['u1']);
    expect(view.updates[0]).toMatchObject({ body: 'Shots in Talas.', corrected: { reason: 'The town was Talas' } });
    expect(view.pinned).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('Crowds in Osh');
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/u2/retraction`)
      .set(editor)
      .send({ reason: 'again' })
      .expect(409);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/nope/corrections`)
      .set(editor)
      .send({ body: 'x', reason: 'y' })
      .expect(404);
  });

  it('changes headline and summary, adds timeline and locations, then closes the blog to further writes', async () => {
    await t.http
      .put(`/api/live-blogs/${BLOG}/headline`)
      .set(editor)
      .send({ title: 'Osh calm after unrest' })
      .expect(201);
    await t.http.put(`/api/live-blogs/${BLOG}/summary`).set(editor).send({ summary: 'Scuffles reported.' }).expect(201);
    await t.http
      .post(`/api/live-blogs/${BLOG}/timeline`)
      .set(editor)
      .send({ period: 'March 2005', text: 'Tulip Revolution' })
      .expect(201);
    await t.http
      .put(`/api/live-blogs/${BLOG}/locations/Osh`)
      .set(editor)
      .send({ status: 'Scuffles', coordinates: { lat: 40.53, lon: 72.8 } })
      .expect(201);
    await t.http.post(`/api/live-blogs/${BLOG}/close`).set(editor).send({ reason: 'Coverage ended' }).expect(201);
    const view = await article();
    expect(view).toMatchObject({ title: 'Osh calm after unrest', summary: 'Scuffles reported.', status: 'closed' });
    expect(view.timeline).toEqual([{ entryId: expect.any(String), period: 'March 2005', text: 'Tulip Revolution' }]);
    expect(view.locations).toEqual([
      expect.objectContaining({ place: 'Osh', status: 'Scuffles', coordinates: { lat: 40.53, lon: 72.8 } }),
    ]);
    expect(view.jsonLd.coverageEndTime).toBe(view.closedAt);
    await post({ kind: 'report', body: 'Too late.' }).expect(409);
  });

  it('refuses to open a blog twice and a command on a blog that does not exist', async () => {
    await t.http.post('/api/live-blogs').set(editor).send({ id: BLOG, title: 'Again' }).expect(409);
    await t.http
      .post('/api/live-blogs/never-opened/updates')
      .set(editor)
      .send({ kind: 'report', body: 'x' })
      .expect(404);
    const made = await t.http.post('/api/live-blogs').set(editor).send({ title: 'Bishkek: Day Two!' }).expect(201);
    expect(made.body.liveBlogId).toBe('bishkek-day-two');
  });
});
