import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, sleep, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-key-events';
const HEADLINE = 'Opposition seizes the government building';

describe('key events and update headlines', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  let reader: Reader | undefined;
  const api = `/api/live-blogs/${BLOG}`;
  const post = (body: string, extra: object = {}) =>
    t.http
      .post(`${api}/updates`)
      .set(editor)
      .send({ kind: 'report', body, ...extra });
  const article = async () => (await t.http.get(api).expect(200)).body;
  const mark = (updateId: string, headers: Record<string, string> = {}) =>
    t.http
      .put(`${api}/updates/${updateId}/key-event`)
      .set({ ...editor, ...headers })
      .send({});

  beforeEach(async () => {
    t = await startApp();
    editor = bearer(t.token('editor', 'Rayhan Demytrie'));
    await givenLiveBlog(t, { id: BLOG, title: 'Kyrgyzstan unrest' }, { headers: editor });
  });
  afterEach(async () => {
    reader?.close();
    reader = undefined;
    await t.close();
  });

  it('keeps a key event marked before sixty later posts in the article, with its headline, and pushes the marking', async () => {
    await post('Protesters stormed the building. Police withdrew.', { updateId: 'seized', headline: HEADLINE }).expect(
      201,
    );
    await post('<p>Gunfire in <b>Bishkek</b> &amp; Osh after nightfall. More soon.</p>', {
      updateId: 'gunfire',
    }).expect(201);
    reader = await connectReader(t.url);
    await reader.subscribe(BLOG);
    const marked = await mark('seized', { 'If-Match': '"2"', 'Idempotency-Key': 'mark-seized' }).expect(201);
    expect(marked.body).toMatchObject({ liveBlogId: BLOG, revision: 3 });
    await reader.waitForRevision(3);
    expect(reader.events.find((event) => event.revision === 3)).toMatchObject({
      type: 'KeyEventMarked',
      data: { updateId: 'seized' },
    });
    await mark('gunfire').expect(201);
    for (let index = 0; index < 60; index++) await post(`Later post ${index}.`).expect(201);

    const view = await article();
    expect(view.updates.map((update: { updateId: string }) => update.updateId)).not.toContain('seized');
    expect(view.keyEvents).toEqual([
      { updateId: 'seized', headline: HEADLINE, at: expect.stringMatching(/Z$/), revision: 1 },
      {
        updateId: 'gunfire',
        headline: 'Gunfire in Bishkek & Osh after nightfall.',
        at: expect.any(String),
        revision: 2,
      },
    ]);

    const page = await t.http.get(`/live/${BLOG}`).expect(200);
    expect(page.text).toContain(`href="/live/${BLOG}?before=2#update-seized"`);
    expect(page.text).toContain(HEADLINE);
  });

  it('answers a retried marking with its first result, and marking twice changes nothing', async () => {
    await post('Crowds gather.', { updateId: 'u1' }).expect(201);
    const first = await mark('u1', { 'Idempotency-Key': 'k-1' }).expect(201);
    const retried = await mark('u1', { 'Idempotency-Key': 'k-1' }).expect(201);
    expect(retried.body).toEqual(first.body);
    await mark('u1').expect(201);
    const events = (await t.http.get(`${api}/changes?afterRevision=0`).expect(200)).body.events;
    expect(events.filter((event: { type: string }) => event.type === 'KeyEventMarked')).toHaveLength(1);
  });

  it('refuses a stale If-Match, an unknown update and a retracted one, writing nothing', async () => {
    await post('Crowds gather.', { updateId: 'u1' }).expect(201);
    const stale = await mark('u1', { 'If-Match': '"0"' }).expect(412);
    expect(stale.body).toMatchObject({ statusCode: 412, details: { currentRevision: 1 } });
    const unknown = await mark('nope').expect(404);
    expect(unknown.body.details).toMatchObject({ field: 'updateId' });
    await t.http.post(`${api}/updates/u1/retraction`).set(editor).send({ reason: 'Wrong town' }).expect(201);
    await mark('u1').expect(409);
    expect((await article()).revision).toBe(2);
  });

  it('takes a key event off when its update is retracted or it is unmarked, and tells the reader', async () => {
    await post('One.', { updateId: 'u1' }).expect(201);
    await post('Two.', { updateId: 'u2' }).expect(201);
    await mark('u1').expect(201);
    await mark('u2').expect(201);
    reader = await connectReader(t.url);
    await reader.subscribe(BLOG);
    await t.http.post(`${api}/updates/u1/retraction`).set(editor).send({ reason: 'Wrong town' }).expect(201);
    await t.http.delete(`${api}/updates/u2/key-event`).set(editor).send({}).expect(201);
    await reader.waitForRevision(6);
    expect(reader.events.map((event) => event.type)).toEqual(['UpdateRetracted', 'KeyEventUnmarked']);
    expect((await article()).keyEvents).toEqual([]);
    await t.http.delete(`${api}/updates/u2/key-event`).set(editor).send({}).expect(201);
    await sleep(50);
    expect((await article()).revision).toBe(6);
  });

  it('refuses a headline over 120 characters or with a control character, naming the field', async () => {
    for (const headline of ['x'.repeat(121), 'Gunfire\u0007']) {
      const refused = await post('Text.', { headline }).expect(400);
      const { details } = refused.body;
      expect(details.fields?.map((problem: { field: string }) => problem.field) ?? [details.field]).toContain(
        'headline',
      );
    }
    expect((await article()).revision).toBe(0);
  });

  it('corrects a headline, and the key event follows it', async () => {
    await post('Crowds gather.', { updateId: 'u1', headline: 'Crowds' }).expect(201);
    await mark('u1').expect(201);
    await t.http
      .post(`${api}/updates/u1/corrections`)
      .set(editor)
      .send({ body: 'Crowds gather.', headline: 'Crowds gather in Osh', reason: 'Place' })
      .expect(201);
    const view = await article();
    expect(view.updates[0]).toMatchObject({ headline: 'Crowds gather in Osh', corrected: { reason: 'Place' } });
    expect(view.keyEvents.map((keyEvent: { headline: string }) => keyEvent.headline)).toEqual(['Crowds gather in Osh']);
  });

  it('shows the auditor who marked and unmarked a key event', async () => {
    await post('Crowds gather.', { updateId: 'u1' }).expect(201);
    await mark('u1').expect(201);
    await t.http
      .delete(`${api}/updates/u1/key-event`)
      .set(bearer(t.token('editor', 'Grace Editor')))
      .send({})
      .expect(201);
    const auditor = bearer(t.token('auditor', 'Ann Auditor'));
    const diff = (await t.http.get(`${api}/diff?from=1&to=3`).set(auditor).expect(200)).body;
    expect(diff.changes).toEqual([
      expect.objectContaining({
        kind: 'key-event-marked',
        updateId: 'u1',
        author: expect.objectContaining({ name: 'Rayhan Demytrie' }),
      }),
      expect.objectContaining({
        kind: 'key-event-unmarked',
        updateId: 'u1',
        author: expect.objectContaining({ name: 'Grace Editor' }),
      }),
    ]);
    const events = (await t.http.get(`${api}/events?fromRevision=2`).set(auditor).expect(200)).body;
    expect(JSON.stringify(events)).toContain('Rayhan Demytrie');
  });
});
