import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-retractions';
const REASON = 'Source withdrew the claim; named a private person';

/** The README promises that only auditors see why an update was retracted. */
describe('retraction reasons', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  const readers: Reader[] = [];

  beforeAll(async () => {
    t = await startApp();
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Osh' }, { headers: editor });
    const update = { kind: 'report', body: 'A claim.', updateId: 'claim' };
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send(update).expect(201);
  });
  afterAll(async () => {
    for (const reader of readers) reader.close();
    await t.close();
  });

  const retracted = (events: Array<{ type: string; data: object }>) =>
    events.find((event) => event.type === 'UpdateRetracted');

  it('are withheld from the pushed event, a resume and the change feed, and kept for auditors', async () => {
    const live = await connectReader(t.url);
    readers.push(live);
    await live.subscribe(BLOG);
    const retraction = { reason: REASON };
    await t.http.post(`/api/live-blogs/${BLOG}/updates/claim/retraction`).set(editor).send(retraction).expect(201);
    await live.waitForRevision(2);

    const resuming = await connectReader(t.url);
    readers.push(resuming);
    const resumed = await resuming.subscribe(BLOG, { afterRevision: 1, epoch: t.store.epoch });
    const changes = (await t.http.get(`/api/live-blogs/${BLOG}/changes?afterRevision=0`).expect(200)).body;
    const auditor = bearer(t.token('auditor', 'Ann Auditor'));
    const stored = (await t.http.get(`/api/live-blogs/${BLOG}/events?fromRevision=0`).set(auditor).expect(200)).body;

    expect(retracted(live.events)?.data).toEqual({ updateId: 'claim' });
    expect(retracted(changes.events)?.data).toEqual({ updateId: 'claim' });
    expect(JSON.stringify([live.events, resumed, changes])).not.toContain('Source withdrew');
    expect(retracted(stored.events)?.data).toEqual({ updateId: 'claim', reason: REASON });
  });
});
