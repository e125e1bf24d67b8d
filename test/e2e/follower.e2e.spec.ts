import { connectLive, LiveBlogFollower } from '../../packages/client/src/follower.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { range, sleep, waitFor } from '../support/live.js';

const BLOG = 'follower';

describe('the client helper a page follows a story with', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp();
  });
  afterEach(() => t.close());

  it('applies every event in order across reconnects while the story is being written', async () => {
    const editor = bearer(t.token('editor'));
    await t.http.post('/api/live-blogs').set(editor).send({ id: BLOG, title: 'Follower' }).expect(201);
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
