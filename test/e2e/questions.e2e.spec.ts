import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-questions';
/** Words no other text of the test holds: found anywhere public, they leaked. */
const SECRET = 'Zhyldyz-wonders-whether-the-Osh-bridge-reopened';

describe("readers' questions: private until an editor answers, then one update naming the reader", () => {
  let folder: string;
  let file: string;
  let t: TestApp;
  let editor: Record<string, string>;
  let admin: Record<string, string>;
  let reader: Reader;
  let addresses = 0;
  /** Each test asks from its own address (TRUST_PROXY=1), so budgets do not mix. */
  const from = () => ({ 'X-Forwarded-For': `203.0.113.${++addresses}` });
  const ask = (body: Record<string, unknown>, headers = from(), blog = BLOG) =>
    t.http.post(`/api/live-blogs/${blog}/questions`).set(headers).send(body);
  const list = async () =>
    (await t.http.get(`/api/live-blogs/${BLOG}/questions`).set(editor).expect(200)).body.questions as {
      questionId: string;
      name: string;
      text: string;
      status: string;
      updateId?: string;
    }[];
  const storeBytes = () =>
    [file, `${file}-wal`]
      .filter(existsSync)
      .map((path) => readFileSync(path).toString('latin1'))
      .join('');
  /** Every public route a reader, a feed reader or a partner's system reads, and the auditor's record. */
  const everythingPublic = async () => {
    const auditor = bearer(t.token('auditor'));
    const texts = await Promise.all([
      t.http.get(`/api/live-blogs/${BLOG}`).expect(200),
      t.http.get(`/api/live-blogs/${BLOG}/updates`).expect(200),
      t.http.get(`/api/live-blogs/${BLOG}/changes?afterRevision=-1`).expect(200),
      t.http.get(`/live/${BLOG}`).expect(200),
      t.http.get(`/live/${BLOG}/feed.atom`).expect(200),
      t.http.get(`/live/${BLOG}/feed.json`).expect(200),
      t.http.get('/api/live-blogs').expect(200),
      t.http.get(`/api/live-blogs/${BLOG}/events`).set(auditor).expect(200),
    ]);
    return texts.map((reply) => reply.text).join('\n') + JSON.stringify(reader.events);
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-questions-'));
    file = join(folder, 'events.db');
    t = await startApp({ storePath: file, env: { QUESTION_RATE_LIMIT: '3', TRUST_PROXY: '1' } });
    editor = bearer(t.token('editor', 'Rayhan Demytrie'));
    admin = bearer(t.token('admin', 'Grace Admin'));
    await givenLiveBlog(t, { id: BLOG, title: 'Unrest in Osh' }, { headers: editor });
    reader = await connectReader(t.url);
    await reader.subscribe(BLOG);
  });
  afterAll(async () => {
    reader.close();
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('takes a question from anyone (202) and shows it to editors only, never on a public route', async () => {
    const asked = await ask({ name: 'Zhyldyz', text: `${SECRET}?` }).expect(202);
    expect(asked.body).toEqual({ liveBlogId: BLOG, questionId: expect.any(String), status: 'pending' });
    await t.http.get(`/api/live-blogs/${BLOG}/questions`).expect(401);
    await t.http
      .get(`/api/live-blogs/${BLOG}/questions`)
      .set(bearer(t.token('auditor')))
      .expect(403);
    expect(await list()).toContainEqual(
      expect.objectContaining({ questionId: asked.body.questionId, name: 'Zhyldyz', status: 'pending' }),
    );
    expect(await everythingPublic()).not.toContain(SECRET);
    expect((await t.store.readStream(`questions-${BLOG}`)).map((event) => event.type)).toContain('QuestionAsked');
  });

  it('publishes one update holding the question, credited to the name given, and the answer', async () => {
    const text = 'Is the road from Osh to Jalal-Abad open tonight?';
    const { questionId } = (await ask({ name: 'Aigul', text }).expect(202)).body;
    const answered = await t.http
      .post(`/api/live-blogs/${BLOG}/questions/${questionId}/answer`)
      .set(editor)
      .send({ body: '<p>Police reopened it at 21:00, with checkpoints.</p>' })
      .expect(201);
    expect(answered.body).toEqual(
      expect.objectContaining({ liveBlogId: BLOG, questionId, updateId: `question-${questionId}` }),
    );
    const article = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    const update = article.updates.find((u: { updateId: string }) => u.updateId === answered.body.updateId);
    expect(update.body).toBe(
      `<blockquote><p><strong>Aigul asks:</strong> ${text}</p></blockquote><p>Police reopened it at 21:00, with checkpoints.</p>`,
    );
    expect(update.attribution).toBe('Question from Aigul, a reader');
    expect(article.updates.filter((u: { body: string }) => u.body.includes(text))).toHaveLength(1);
    await reader.waitForRevision(answered.body.revision);
    expect(reader.events.at(-1)).toEqual(expect.objectContaining({ type: 'UpdatePosted' }));
    const page = await t.http.get(`/live/${BLOG}`).expect(200);
    expect(page.text).toContain('Aigul asks:');
    expect(await list()).toContainEqual(expect.objectContaining({ questionId, status: 'answered' }));
    // Once only: a second answer is refused and publishes nothing.
    await t.http
      .post(`/api/live-blogs/${BLOG}/questions/${questionId}/answer`)
      .set(editor)
      .send({ body: 'Again.' })
      .expect(409);
    const after = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    expect(after.revision).toBe(article.revision);
    // The record names the editor who answered.
    const events = await t.store.readStream(`liveblog-${BLOG}`);
    expect(events.at(-1)?.metadata).toEqual(
      expect.objectContaining({ author: expect.objectContaining({ name: 'Rayhan Demytrie' }) }),
    );
  });

  it('escapes the reader’s words: a question is text, never markup', async () => {
    const { questionId } = (
      await ask({ name: 'A <b>reader</b>', text: 'Is <script>x</script> safe & sound?' }).expect(202)
    ).body;
    await t.http
      .post(`/api/live-blogs/${BLOG}/questions/${questionId}/answer`)
      .set(editor)
      .send({ body: 'Yes.' })
      .expect(201);
    const article = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    const update = article.updates.find((u: { updateId: string }) => u.updateId === `question-${questionId}`);
    expect(update.body).toContain('A &lt;b&gt;reader&lt;/b&gt; asks:');
    expect(update.body).toContain('Is &lt;script&gt;x&lt;/script&gt; safe &amp; sound?');
    expect(update.body).not.toContain('<script>');
  });

  it('never publishes a dismissed question', async () => {
    const text = 'Dismissed-question-about-nothing';
    const { questionId } = (await ask({ name: 'Bakyt', text }).expect(202)).body;
    await t.http.post(`/api/live-blogs/${BLOG}/questions/${questionId}/dismissal`).set(editor).expect(200);
    expect(await list()).toContainEqual(expect.objectContaining({ questionId, status: 'dismissed' }));
    await t.http
      .post(`/api/live-blogs/${BLOG}/questions/${questionId}/answer`)
      .set(editor)
      .send({ body: 'Too late.' })
      .expect(409);
    expect(await everythingPublic()).not.toContain(text);
  });

  it.each([
    ['an oversized text', { name: 'Aigul', text: 'x'.repeat(501) }, 'text'],
    ['an empty text', { name: 'Aigul', text: '  \u200b ' }, 'text'],
    ['a control character', { name: 'Aigul', text: 'Is it \u0007 open?' }, 'text'],
    ['a bidirectional override', { name: 'Ai\u202egul', text: 'Open?' }, 'name'],
    ['an oversized name', { name: 'n'.repeat(61), text: 'Open?' }, 'name'],
    ['a name of two lines', { name: 'Ai\ngul', text: 'Open?' }, 'name'],
    ['a name holding NUL', { name: 'Ai\u0000gul', text: 'Open?' }, 'name'],
    ['an invisible name', { name: '\u200b\u2060', text: 'Open?' }, 'name'],
    ['no name', { text: 'Open?' }, 'name'],
  ])('refuses %s (400 naming the field) and keeps nothing', async (_, body, field) => {
    const before = await t.store.streamRevision(`questions-${BLOG}`);
    const reply = await ask(body).expect(400);
    expect(JSON.stringify(reply.body)).toContain(field);
    expect(await t.store.streamRevision(`questions-${BLOG}`)).toBe(before);
  });

  it('answers 404 for an unknown story or question, 409 for a closed story', async () => {
    await ask({ name: 'Aigul', text: 'Open?' }, from(), 'no-such-story').expect(404);
    await t.http
      .post(`/api/live-blogs/${BLOG}/questions/00000000-0000-4000-8000-000000000000/answer`)
      .set(editor)
      .send({ body: 'Yes.' })
      .expect(404);
    await givenLiveBlog(t, { id: 'osh-closed', title: 'Closed' }, { headers: editor });
    await t.http.post('/api/live-blogs/osh-closed/close').set(editor).send({}).expect(201);
    await ask({ name: 'Aigul', text: 'Open?' }, from(), 'osh-closed').expect(409);
  });

  it('slows a flood from one address (429 with Retry-After) and not the next address', async () => {
    const flooder = from();
    for (let i = 0; i < 3; i++) await ask({ name: 'Flood', text: `Question ${i}?` }, flooder).expect(202);
    const refused = await ask({ name: 'Flood', text: 'One more?' }, flooder).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect((await list()).map((q) => q.text)).not.toContain('One more?');
    await ask({ name: 'Other', text: 'Mine?' }, from()).expect(202);
  });

  it("lets an admin purge a question: its name and text are gone from the store's files", async () => {
    const text = 'Purge-me-my-neighbour-Nurlan-was-arrested';
    const { questionId } = (await ask({ name: 'Gulnara-Secret', text }).expect(202)).body;
    expect(storeBytes()).toContain(text);
    await t.http.delete(`/api/live-blogs/${BLOG}/questions/${questionId}`).set(editor).expect(403);
    const purged = await t.http.delete(`/api/live-blogs/${BLOG}/questions/${questionId}`).set(admin).expect(200);
    expect(purged.body).toEqual({ liveBlogId: BLOG, questionId, status: 'purged' });
    expect((await list()).map((q) => q.questionId)).not.toContain(questionId);
    const stored = await t.store.readStream(`questions-${BLOG}`);
    const asked = stored.find((event) => event.type === 'QuestionAsked' && event.data.questionId === questionId);
    expect(asked?.data).toEqual({ questionId, name: '[purged]', text: '[purged]' });
    expect(stored.at(-1)).toEqual(expect.objectContaining({ type: 'QuestionPurged' }));
    expect(storeBytes()).not.toContain(text);
    expect(storeBytes()).not.toContain('Gulnara-Secret');
    await t.http.delete(`/api/live-blogs/${BLOG}/questions/${questionId}`).set(admin).expect(404);
    await t.http.post(`/api/live-blogs/${BLOG}/questions/${questionId}/dismissal`).set(editor).expect(404);
  });
});
