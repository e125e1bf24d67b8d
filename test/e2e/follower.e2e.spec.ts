import { connectLive, LiveBlogFollower } from '../../packages/client/src/follower.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { range, sleep, waitFor } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'follower';

describe('the client helper a page follows a story with', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp();
  });
  afterEach(() => t.close());

  it('applies every event in order across reconnects while the story is being written', async () => {
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Follower' }, { headers: editor });
    const socket = connectLive(t.url, { transports: ['websocket'], forceNew: true });
    const applied: number[] = [];
    const follower = new LiveBlogFollower(
      socket,
      BLOG,
      { onEvent: (event) => applied.push(event.revision) },
      {
        afterRevision: 0,
        epoch: t.store.epoch,
      },
    );
    let writing = true;
    const writer = (async () => {
      for (const index of range(1, 80)) {
        await t.http
          .post(`/api/live-blogs/${BLOG}/updates`)
          .set(editor)
          .send({ kind: 'report', body: `Post ${index}` });
      }
    })().finally(() => (writing = false));
    // Drop the connection again and again mid-burst: each reconnect resubscribes from the last revision.
    for (let round = 0; writing && round < 500; round++) {
      await sleep(30);
      socket.disconnect();
      await new Promise<void>((resolve) => socket.connect().once('connect', () => resolve()));
    }
    await writer;
    await waitFor(() => follower.revision === 80, 10_000, 'revision 80');
    expect(applied).toEqual(range(1, 80));
    socket.disconnect();
  });
});

describe('the follower beside the newsroom', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp();
  });
  afterEach(() => t.close());

  it('takes a revision the newsroom kept (a scheduled update) for no gap: it subscribes once', async () => {
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Follower' }, { headers: editor });
    const socket = connectLive(t.url, { transports: ['websocket'], forceNew: true });
    const applied: number[] = [];
    let acks = 0;
    const follower = new LiveBlogFollower(
      socket,
      BLOG,
      { onEvent: (event) => applied.push(event.revision), onAck: () => acks++ },
      { afterRevision: 0, epoch: t.store.epoch },
    );
    await waitFor(() => acks === 1, 5000, 'the first ack');
    const post = (body: string, extra: object = {}) =>
      t.http
        .post(`/api/live-blogs/${BLOG}/updates`)
        .set(editor)
        .send({ kind: 'report', body, ...extra });
    await post('Scheduled for tomorrow.', { publishAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(201);
    await post('Crowds gather.').expect(201);
    await post('Shots heard.').expect(201);
    await waitFor(() => follower.revision === 3, 5000, 'revision 3');
    await sleep(100);
    console.log(`subscribes by a follower across a newsroom-only revision: ${acks}`);
    expect(applied).toEqual([2, 3]);
    expect(acks).toBe(1);
    follower.close();
    socket.disconnect();
  });
});
