import { ACCOUNT_EVENT_TYPES } from '../../src/accounts/domain/account-events.js';
import { ProjectionRunner } from '../../src/live-blog/projections/projection-runner.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { addAccount, signIn } from '../support/accounts.js';
import { connectReader, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-private';

/** Account events share the store with the stories; none may reach a reader, a feed or an audit. */
describe('account events stay out of every public and audit view', () => {
  let t: TestApp;
  let reader: Reader;
  let editor: Record<string, string>;
  const types = (events: { type: string }[]) => events.map((event) => event.type);

  beforeAll(async () => {
    t = await startApp();
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Osh' }, { headers: editor });
    reader = await connectReader(t.url);
    await reader.subscribe(BLOG);
    // Account events land between the story's own: an add, a sign-in, a write by cookie, a sign-out, a disable.
    await addAccount(t);
    const session = await signIn(t);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(session.writeHeaders)
      .send({ kind: 'report', body: 'One.' })
      .expect(201);
    await t.http
      .post('/signout')
      .set('Cookie', session.cookie)
      .type('form')
      .send({ _csrf: session.csrfToken })
      .expect(303);
    await t.http
      .post('/api/accounts/ann/disable')
      .set(bearer(t.token('admin')))
      .expect(200);
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send({ kind: 'report', body: 'Two.' }).expect(201);
    await reader.waitForRevision(2);
  });
  afterAll(async () => {
    reader.close();
    await t.close();
  });

  it('stores them in the accounts stream and the account’s sessions stream, beside the story', async () => {
    expect(types(await t.store.readStream('accounts'))).toEqual(['AccountAdded', 'AccountDisabled']);
    expect(types(await t.store.readStream('sessions-ann'))).toEqual(['SessionStarted', 'SessionEnded']);
    const all = await t.store.readAll();
    const streams = ['accounts', 'sessions-ann', `liveblog-${BLOG}`];
    expect(all.map((event) => event.stream)).toEqual(expect.arrayContaining(streams));
  });

  it('pushes the story’s events only, in order, and no account event', async () => {
    expect(reader.events.map((event) => [event.revision, event.type])).toEqual([
      [1, 'UpdatePosted'],
      [2, 'UpdatePosted'],
    ]);
  });

  it('keeps them out of the change feed, the audit and the story list', async () => {
    const changes = await t.http.get(`/api/live-blogs/${BLOG}/changes?afterRevision=-1`).expect(200);
    expect(types(changes.body.events)).toEqual(['LiveBlogOpened', 'UpdatePosted', 'UpdatePosted']);
    const audit = await t.http
      .get(`/api/live-blogs/${BLOG}/events`)
      .set(bearer(t.token('auditor')))
      .expect(200);
    const audited = JSON.stringify(audit.body);
    for (const type of ACCOUNT_EVENT_TYPES) expect(audited).not.toContain(type);
    expect(audited).not.toContain('argon2');
    const list = await t.http.get('/api/live-blogs').expect(200);
    expect(JSON.stringify(list.body)).not.toContain('accounts');
    await t.http.get('/api/live-blogs/accounts/changes').expect(404);
    expect([...t.app.get(ProjectionRunner).summaries().keys()]).toEqual([BLOG]);
  });
});
