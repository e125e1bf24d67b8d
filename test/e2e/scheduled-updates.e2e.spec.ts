import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, sleep, waitFor, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-embargo';
const SECRET = 'Embargoed statement from the interim government';

/** Every public route a reader (or a crawler, a feed reader, an embedding site) may ask. */
const PUBLIC_ROUTES = [
  `/api/live-blogs/${BLOG}`,
  `/api/live-blogs/${BLOG}/updates`,
  `/api/live-blogs/${BLOG}/changes?afterRevision=-1`,
  `/api/live-blogs`,
  `/live/${BLOG}`,
  `/live/${BLOG}/feed.atom`,
  `/live/${BLOG}/feed.json`,
  `/embed/${BLOG}`,
];

describe('scheduled updates', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  let reader: Reader | undefined;
  const api = `/api/live-blogs/${BLOG}`;
  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
  const schedule = (publishAt: string, extra: object = {}) =>
    t.http
      .post(`${api}/updates`)
      .set(editor)
      .send({ kind: 'statement', body: SECRET, publishAt, ...extra });
  const publicText = async () => {
    const texts = await Promise.all(PUBLIC_ROUTES.map(async (route) => (await t.http.get(route).expect(200)).text));
    return texts.join('\n');
  };
  const articleIds = async () =>
    (await t.http.get(api).expect(200)).body.updates.map((update: { updateId: string }) => update.updateId);

  beforeEach(async () => {
    t = await startApp();
    editor = bearer(t.token('editor', 'Rayhan Demytrie'));
    await givenLiveBlog(
      t,
      { id: BLOG, title: 'Kyrgyzstan unrest' },
      { headers: editor, updates: [{ kind: 'report', body: 'Crowds gather.' }] },
    );
  });
  afterEach(async () => {
    reader?.close();
    reader = undefined;
    await t.close();
  });

  it('keeps a scheduled update out of every public route and the socket until its time, then publishes it once', async () => {
    reader = await connectReader(t.url);
    await reader.subscribe(BLOG);
    const before = (await t.http.get(api).expect(200)).body;
    const publishAt = inMs(1500);
    const scheduled = await schedule(publishAt, { updateId: 'statement' }).expect(201);
    expect(scheduled.body).toMatchObject({ liveBlogId: BLOG, updateId: 'statement', status: 'scheduled', publishAt });

    expect(await publicText()).not.toContain(SECRET);
    await t.http.get(`/live/${BLOG}/updates/statement`).expect(404);
    const waiting = (await t.http.get(api).expect(200)).body;
    expect(waiting.lastUpdatedAt).toBe(before.lastUpdatedAt);
    const listed = await t.http.get(`${api}/scheduled`).set(editor).expect(200);
    expect(listed.body.scheduled).toEqual([
      expect.objectContaining({ updateId: 'statement', publishAt, body: SECRET, scheduledBy: expect.any(Object) }),
    ]);
    expect(reader.events).toEqual([]);

    await waitFor(() => reader!.events.length > 0, 15_000, 'the publication');
    await sleep(300);
    expect(reader.events).toHaveLength(1);
    expect(reader.events[0]).toMatchObject({ type: 'UpdatePosted', data: { updateId: 'statement', body: SECRET } });
    expect(reader.events[0]!.data).not.toHaveProperty('origin');
    expect(Date.parse(reader.events[0]!.at)).toBeGreaterThanOrEqual(Date.parse(publishAt));
    expect((await articleIds()).filter((id: string) => id === 'statement')).toHaveLength(1);
    expect(await publicText()).toContain(SECRET);
    expect((await t.http.get(`${api}/scheduled`).set(editor).expect(200)).body.scheduled).toEqual([]);

    const auditor = bearer(t.token('auditor', 'Ann Auditor'));
    const head = (await t.http.get(api).expect(200)).body.revision;
    const diff = await t.http.get(`${api}/diff?from=1&to=${head}`).set(auditor).expect(200);
    const kinds = diff.body.changes.map((change: { kind: string }) => change.kind);
    expect(kinds).toEqual(['update-scheduled', 'update-added']);
    const published = diff.body.changes[1];
    expect(published.author).toMatchObject({ role: 'system' });
    expect(published.update.origin).toMatchObject({
      kind: 'scheduled',
      scheduledBy: { name: 'Rayhan Demytrie', role: 'editor' },
      publishAt,
    });
  });

  it('never publishes a cancelled update, and lets an editor change one before its time (If-Match)', async () => {
    await schedule(inMs(800), { updateId: 'cancelled' }).expect(201);
    const second = await schedule(inMs(60_000), { updateId: 'moved', body: 'First wording.' }).expect(201);
    const cancel = await t.http.delete(`${api}/scheduled/cancelled`).set(editor).send({ reason: 'embargo held' });
    expect(cancel.status).toBe(201);
    await t.http.delete(`${api}/scheduled/cancelled`).set(editor).send({}).expect(404);

    await t.http
      .patch(`${api}/scheduled/moved`)
      .set({ ...editor, 'If-Match': `"${second.body.revision - 1}"` })
      .send({ body: 'Stale wording.' })
      .expect(412);
    const newTime = inMs(1200);
    await t.http
      .patch(`${api}/scheduled/moved`)
      .set({ ...editor, 'If-Match': `"${cancel.body.revision}"` })
      .send({ body: 'Second wording.', publishAt: newTime })
      .expect(201);
    await sleep(2000);

    const ids = await articleIds();
    expect(ids).not.toContain('cancelled');
    expect(ids.filter((id: string) => id === 'moved')).toHaveLength(1);
    const moved = (await t.http.get(api).expect(200)).body.updates.find(
      (update: { updateId: string }) => update.updateId === 'moved',
    );
    expect(moved.body).toBe('Second wording.');
    await t.http.patch(`${api}/scheduled/moved`).set(editor).send({ body: 'Too late.' }).expect(409);
    const changes = (await t.http.get(`${api}/changes?afterRevision=-1`).expect(200)).body.events;
    expect(changes.map((event: { type: string }) => event.type)).toEqual([
      'LiveBlogOpened',
      'UpdatePosted',
      'UpdatePosted',
    ]);
  });

  it('refuses a publishAt in the past, malformed or too far ahead, and with an at; lists only for editors and auditors', async () => {
    const refused = await schedule(new Date(Date.now() - 60_000).toISOString()).expect(400);
    expect(refused.body).toMatchObject({ statusCode: 400, details: { field: 'publishAt' } });
    await schedule('tomorrow at noon').expect(400);
    await schedule(inMs(31 * 24 * 3600 * 1000)).expect(400);
    await schedule(inMs(60_000), { at: new Date().toISOString() }).expect(400);
    expect((await t.http.get(`${api}/scheduled`).set(editor).expect(200)).body.scheduled).toEqual([]);

    await t.http.get(`${api}/scheduled`).expect(401);
    await t.http
      .get(`${api}/scheduled`)
      .set(bearer(t.token('contributor', 'Stringer')))
      .expect(403);
    await t.http
      .get(`${api}/scheduled`)
      .set(bearer(t.token('auditor', 'Ann Auditor')))
      .expect(200);
    await t.http
      .delete(`${api}/scheduled/none`)
      .set(bearer(t.token('auditor', 'Ann Auditor')))
      .send({})
      .expect(403);
  });
});
