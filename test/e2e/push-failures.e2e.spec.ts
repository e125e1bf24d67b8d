import { jest } from '@jest/globals';
import { Adapter } from 'socket.io-adapter';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectLive, LiveBlogFollower } from '../../packages/client/src/follower.js';
import type { Resume } from '../../src/live-blog/realtime/live-events.js';
import { connectReader, revisionsOf, sleep, waitFor, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-live';

describe('a push that throws', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  let alice: Reader;
  const post = (body: string) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send({ kind: 'report', body });

  beforeEach(async () => {
    t = await startApp();
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Osh live' }, { headers: editor });
    alice = await connectReader(t.url);
    expect(await alice.subscribe(BLOG)).toMatchObject({ ok: true, revision: 0 });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    alice.close();
    await t.close();
  });

  /**
   * Socket.IO's room broadcast (the adapter, the seam Socket.IO offers for its backends) fails for the
   * next `times` packets named in `names`, as an adapter whose backend dropped would; returns how many failed.
   */
  function failBroadcasts(names: readonly string[], times = 1): () => number {
    const broadcast = Adapter.prototype.broadcast;
    let failed = 0;
    jest.spyOn(Adapter.prototype, 'broadcast').mockImplementation(function (this: Adapter, packet, options) {
      if (failed < times && names.includes(packet.data?.[0])) {
        failed++;
        throw new Error('adapter down');
      }
      return broadcast.call(this, packet, options);
    });
    return () => failed;
  }
  const failNextEventBroadcast = () => failBroadcasts(['event']);

  /** A reader following with the one follower the pages use, from the revision alice subscribed at. */
  function follow() {
    const socket = connectLive(t.url, { transports: ['websocket'], forceNew: true, reconnection: false });
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
    return { socket, follower, applied };
  }

  it('neither fails the 201 nor stops later pushes, and is counted', async () => {
    // given
    failNextEventBroadcast();
    // when
    const first = await post('Shots near the mayor’s office.');
    const second = await post('Crowds gather in the square.');
    // then
    expect([first.status, second.status]).toEqual([201, 201]);
    await alice.waitForRevision(2);
    expect(revisionsOf(alice.events)).toEqual([2]);
    const article = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    expect(article.revision).toBe(2);
    const metrics = (await t.http.get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^dateline_push_failures_total 1$/m);
  });

  it('tells its readers to resume, so a follower gets the lost revision though no later push shows the gap', async () => {
    // given
    const bob = follow();
    await waitFor(() => bob.follower.revision === 0 && bob.socket.connected, 5000, 'bob following');
    const resumes: Resume[] = [];
    alice.socket.on('resume', (resume) => resumes.push(resume));
    const failed = failNextEventBroadcast();
    // when: the story's last write is the one whose push throws
    await post('Shots near the mayor’s office.').expect(201);
    // then
    await waitFor(() => bob.follower.revision === 1, 5000, 'bob at revision 1');
    await post('Crowds gather in the square.').expect(201);
    await waitFor(() => bob.follower.revision === 2, 5000, 'bob at revision 2');
    await sleep(100); // a repeat would come right behind
    console.log(
      `push failures ${failed()}; resume sent to alice: ${JSON.stringify(resumes)}; bob applied ${bob.applied}`,
    );
    expect(failed()).toBe(1);
    expect(bob.applied).toEqual([1, 2]);
    expect(resumes).toEqual([{ liveBlogId: BLOG, revision: 1 }]);
    bob.follower.close();
    bob.socket.disconnect();
  });

  it('tells them again when the adapter still fails, until the resume goes out', async () => {
    // given
    const bob = follow();
    await waitFor(() => bob.follower.revision === 0 && bob.socket.connected, 5000, 'bob following');
    const failed = failBroadcasts(['event', 'resume'], 3); // the push, then the first two resumes
    // when
    await post('Shots near the mayor’s office.').expect(201);
    // then
    await waitFor(() => bob.follower.revision === 1, 5000, 'bob at revision 1');
    await sleep(100);
    console.log(`broadcasts failed ${failed()} (the push and two resumes); bob applied ${bob.applied}`);
    expect(failed()).toBe(3);
    expect(bob.applied).toEqual([1]);
    bob.follower.close();
    bob.socket.disconnect();
  });

  it('shows the write to the next GET after the 201, whatever the broadcast does', async () => {
    // given
    failNextEventBroadcast();
    // when
    const posted = await post('Opposition supporters hold the state television building.').expect(201);
    // then
    const article = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    expect(article.revision).toBe(posted.body.revision);
    expect(JSON.stringify(article.updates)).toContain('state television building');
  });
});
