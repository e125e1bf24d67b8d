import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, range, revisionsOf, sleep, waitFor, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-live';

describe('push: the /live socket namespace', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  const readers: Reader[] = [];
  const reader = async () => {
    const connected = await connectReader(t.url);
    readers.push(connected);
    return connected;
  };
  const post = (body: string, extra: object = {}) =>
    t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(editor)
      .send({ kind: 'report', body, ...extra })
      .expect(201);
  const article = async () => (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;

  beforeEach(async () => {
    t = await startApp();
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Bishkek live' }, { headers: editor });
  });
  afterEach(async () => {
    readers.splice(0).forEach((connected) => connected.close());
    await t.close();
  });

  it('acks a new reader with the article and pushes a post as it is appended', async () => {
    const alice = await reader();
    const ack = await alice.subscribe(BLOG);
    expect(ack).toMatchObject({ ok: true, epoch: t.store.epoch, revision: 0, article: { id: BLOG, revision: 0 } });
    expect(ack).not.toHaveProperty('recovered');
    await post('Gunfire after nightfall.');
    await alice.waitForRevision(1);
    expect(alice.events).toEqual([
      {
        liveBlogId: BLOG,
        revision: 1,
        afterRevision: 0,
        position: expect.any(Number),
        type: 'UpdatePosted',
        at: expect.any(String),
        data: expect.objectContaining({ body: 'Gunfire after nightfall.' }),
        checkpoint: expect.objectContaining({ liveBlogId: BLOG, revision: 1, storeEpoch: t.store.epoch }),
      },
    ]);
  });

  it('delivers a burst in order, each event once', async () => {
    const alice = await reader();
    await alice.subscribe(BLOG);
    await Promise.all(range(1, 40).map((index) => post(`Burst ${index}`)));
    await alice.waitForRevision(40);
    await sleep(100);
    expect(revisionsOf(alice.events)).toEqual(range(1, 40));
  });

  it('resumes after a disconnect with exactly the missed events', async () => {
    const alice = await reader();
    const first = await alice.subscribe(BLOG);
    await post('Before the drop.');
    await alice.waitForRevision(1);
    alice.close();
    await post('Missed one.');
    await post('Missed two.');
    const again = await reader();
    const ack = await again.subscribe(BLOG, { afterRevision: 1, epoch: first.ok ? first.epoch : '' });
    expect(ack).toMatchObject({ ok: true, recovered: true, revision: 3 });
    expect(ack.ok && 'events' in ack && ack.events.map((event) => event.data.body)).toEqual([
      'Missed one.',
      'Missed two.',
    ]);
    await post('Live again.');
    await again.waitForRevision(4);
    await sleep(100);
    expect(revisionsOf(again.events)).toEqual([4]);
  });

  it('loses nothing between the page load and the subscribe while an editor keeps posting', async () => {
    let posting = true;
    let posted = 0;
    const editorLoop = (async () => {
      while (posting) {
        await post(`Continuous ${++posted}`);
      }
    })();
    await sleep(50);
    const page = await article();
    const alice = await reader();
    const ack = await alice.subscribe(BLOG, { afterRevision: page.revision, epoch: t.store.epoch });
    await sleep(150);
    posting = false;
    await editorLoop;
    const head = (await article()).revision;
    await alice.waitForRevision(head);
    const replayed = ack.ok && 'events' in ack ? revisionsOf(ack.events) : [];
    expect([...replayed, ...revisionsOf(alice.events)]).toEqual(range(page.revision + 1, head));
  });

  it('answers a gap that holds a retraction with the article, and never sends the retracted body', async () => {
    const alice = await reader();
    const first = await alice.subscribe(BLOG);
    alice.close();
    await post('Unverified claim of 500 dead.', { updateId: 'claim' });
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/claim/retraction`)
      .set(editor)
      .send({ reason: 'Unverified' })
      .expect(201);
    const again = await reader();
    const ack = await again.subscribe(BLOG, { afterRevision: 0, epoch: first.ok ? first.epoch : '' });
    expect(ack).toMatchObject({ ok: true, recovered: false, revision: 2, article: { revision: 2 } });
    expect(JSON.stringify(ack)).not.toContain('500 dead');
    await post('Confirmed figure.');
    await again.waitForRevision(3);
    expect(JSON.stringify(again.events)).not.toContain('500 dead');
  });

  it('answers another store’s epoch with the article', async () => {
    const alice = await reader();
    const ack = await alice.subscribe(BLOG, { afterRevision: 0, epoch: 'an-older-store' });
    expect(ack).toMatchObject({ ok: true, recovered: false, epoch: t.store.epoch, article: { id: BLOG } });
  });

  it('gives a hundred readers the identical sequence', async () => {
    const crowd = await Promise.all(range(1, 100).map(() => reader()));
    await Promise.all(crowd.map((member) => member.subscribe(BLOG)));
    for (const index of range(1, 15)) await post(`Update ${index}`);
    await Promise.all(crowd.map((member) => member.waitForRevision(15)));
    for (const member of crowd) expect(revisionsOf(member.events)).toEqual(range(1, 15));
  });

  it('sends a closed blog’s readers the close event and nothing after', async () => {
    const alice = await reader();
    await alice.subscribe(BLOG);
    await t.http.post(`/api/live-blogs/${BLOG}/close`).set(editor).send({ reason: 'Coverage ended' }).expect(201);
    await alice.waitForRevision(1);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(editor)
      .send({ kind: 'report', body: 'Too late.' })
      .expect(409);
    await sleep(200);
    expect(alice.events.map((event) => event.type)).toEqual(['LiveBlogClosed']);
  });

  it('tells readers how many they are', async () => {
    const alice = await reader();
    const bob = await reader();
    await alice.subscribe(BLOG);
    await bob.subscribe(BLOG);
    await waitFor(() => alice.readers.some((count) => count.count === 2), 15_000, 'a count of 2');
    expect(alice.readers.at(-1)).toEqual({ liveBlogId: BLOG, count: 2 });
  });

  it('refuses malformed and unknown subscriptions with an error ack and keeps the connection', async () => {
    const alice = await reader();
    for (const payload of [
      null,
      'bishkek',
      { liveBlogId: 42 },
      { liveBlogId: BLOG, afterRevision: 'x' },
      { liveBlogId: BLOG, extra: 1 },
    ]) {
      const ack = await alice.socket.timeout(2000).emitWithAck('subscribe', payload as never);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', kind: 'invalid' } });
    }
    (alice.socket as unknown as { emit(event: string, payload: unknown): void }).emit('no-such-event', { junk: true });
    // "No such blog" as the HTTP API says it (docs/design.md §4), with the same kind.
    expect(await alice.subscribe('no-such-blog')).toEqual({
      ok: false,
      error: { code: 'not_found', kind: 'not_found', message: 'no live blog "no-such-blog"' },
    });
    expect(await alice.subscribe(BLOG)).toMatchObject({ ok: true });
    expect(alice.socket.connected).toBe(true);
    await post('Still served.');
    await alice.waitForRevision(1);
  });

  it('limits one socket’s subscribe flood', async () => {
    const alice = await reader();
    const acks = await Promise.all(range(1, 30).map(() => alice.subscribe(BLOG)));
    expect(acks.filter((ack) => !ack.ok && ack.error.code === 'rate_limited').length).toBeGreaterThan(0);
    expect(acks.filter((ack) => ack.ok).length).toBeLessThanOrEqual(20);
  });

  it('serves a reader that can only long-poll, the same way', async () => {
    const polling = await connectReader(t.url, { transports: ['polling'] });
    readers.push(polling);
    expect(polling.socket.io.engine.transport.name).toBe('polling');
    expect(await polling.subscribe(BLOG)).toMatchObject({ ok: true, revision: 0 });
    await post('Over long-polling.');
    await polling.waitForRevision(1);
    expect(revisionsOf(polling.events)).toEqual([1]);
  });

  it('stops pushing after unsubscribe', async () => {
    const alice = await reader();
    await alice.subscribe(BLOG);
    expect(await alice.socket.timeout(2000).emitWithAck('unsubscribe', { liveBlogId: BLOG })).toEqual({ ok: true });
    await post('Not for alice.');
    await sleep(200);
    expect(alice.events).toEqual([]);
  });
});
