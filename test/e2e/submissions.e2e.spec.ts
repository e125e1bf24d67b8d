import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, sleep, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-stringers';
const FILED = 'Stringer reports tanks moving towards Osh';
const REJECTED = 'Unconfirmed rumour about the president';

describe('contributors and the submissions queue', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  let contributor: Record<string, string>;
  let reader: Reader | undefined;
  const api = `/api/live-blogs/${BLOG}`;
  const publicText = async () => {
    const routes = [
      api,
      `${api}/changes?afterRevision=-1`,
      `/live/${BLOG}`,
      `/live/${BLOG}/feed.atom`,
      `/live/${BLOG}/feed.json`,
    ];
    return (await Promise.all(routes.map(async (route) => (await t.http.get(route).expect(200)).text))).join('\n');
  };

  beforeEach(async () => {
    t = await startApp();
    editor = bearer(t.token('editor', 'Rayhan Demytrie'));
    contributor = bearer(t.token('contributor', 'Aida Stringer'));
    await givenLiveBlog(t, { id: BLOG, title: 'Kyrgyzstan unrest' }, { headers: editor });
  });
  afterEach(async () => {
    reader?.close();
    reader = undefined;
    await t.close();
  });

  it('refuses a contributor’s post, keeps their submission private until approved, then names them both', async () => {
    await t.http.post(`${api}/updates`).set(contributor).send({ kind: 'report', body: FILED }).expect(403);
    reader = await connectReader(t.url);
    await reader.subscribe(BLOG);

    const filed = await t.http
      .post(`${api}/submissions`)
      .set(contributor)
      .send({ kind: 'eyewitness', body: FILED, location: 'Osh' })
      .expect(201);
    expect(filed.body).toMatchObject({ status: 'pending', submissionId: expect.any(String) });
    const { submissionId } = filed.body;
    await t.http.post(`${api}/submissions/${submissionId}/approval`).set(contributor).send({}).expect(403);
    await t.http.get(`${api}/submissions`).set(contributor).expect(403);
    await t.http.get(`${api}/submissions`).expect(401);
    expect(await publicText()).not.toContain(FILED);

    const queue = await t.http.get(`${api}/submissions`).set(editor).expect(200);
    expect(queue.body.submissions).toEqual([
      expect.objectContaining({
        submissionId,
        body: FILED,
        status: 'pending',
        contributor: expect.objectContaining({ name: 'Aida Stringer', role: 'contributor' }),
      }),
    ]);

    const approved = await t.http
      .post(`${api}/submissions/${submissionId}/approval`)
      .set(editor)
      .send({ updateId: 'tanks', headline: 'Tanks seen near Osh' })
      .expect(201);
    expect(approved.body).toMatchObject({ status: 'approved', updateId: 'tanks' });
    await reader.waitForRevision(approved.body.revision);
    await sleep(100);
    expect(reader.events.map((event) => event.type)).toEqual(['UpdatePosted']);
    expect(reader.events[0]!.data).toMatchObject({ updateId: 'tanks', body: FILED, headline: 'Tanks seen near Osh' });
    expect(reader.events[0]!.data).not.toHaveProperty('origin');
    expect(await publicText()).toContain(FILED);
    await t.http.post(`${api}/submissions/${submissionId}/approval`).set(editor).send({}).expect(409);

    const auditor = bearer(t.token('auditor', 'Ann Auditor'));
    const record = await t.http.get(`${api}/as-of`).set(auditor).expect(200);
    const update = record.body.updates.find((candidate: { updateId: string }) => candidate.updateId === 'tanks');
    expect(update.author).toMatchObject({ name: 'Rayhan Demytrie', role: 'editor' });
    expect(update.origin).toMatchObject({
      kind: 'submission',
      submissionId,
      contributor: { name: 'Aida Stringer', role: 'contributor' },
    });
  });

  it('never publishes a rejected submission', async () => {
    const filed = await t.http.post(`${api}/submissions`).set(contributor).send({ kind: 'report', body: REJECTED });
    const { submissionId } = filed.body;
    await t.http.post(`${api}/submissions/${submissionId}/rejection`).set(editor).send({}).expect(400);
    await t.http
      .post(`${api}/submissions/${submissionId}/rejection`)
      .set(editor)
      .send({ reason: 'not confirmed by a second source' })
      .expect(201);
    await t.http.post(`${api}/submissions/${submissionId}/approval`).set(editor).send({}).expect(409);
    expect(await publicText()).not.toContain(REJECTED);
    expect((await t.http.get(`${api}/submissions`).set(editor).expect(200)).body.submissions).toEqual([]);
    const all = await t.http.get(`${api}/submissions?status=rejected`).set(editor).expect(200);
    expect(all.body.submissions).toEqual([
      expect.objectContaining({
        submissionId,
        status: 'rejected',
        decision: expect.objectContaining({ reason: 'not confirmed by a second source' }),
      }),
    ]);
  });
});
