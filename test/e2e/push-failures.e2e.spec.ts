import { jest } from '@jest/globals';
import { Adapter } from 'socket.io-adapter';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, revisionsOf, type Reader } from '../support/live.js';

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
    await t.http.post('/api/live-blogs').set(editor).send({ id: BLOG, title: 'Osh live' }).expect(201);
    alice = await connectReader(t.url);
    expect(await alice.subscribe(BLOG)).toMatchObject({ ok: true, revision: 0 });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    alice.close();
    await t.close();
  });

  /** Socket.IO's room broadcast fails once for a pushed event, as an adapter whose backend dropped would. */
  function failNextEventBroadcast(): void {
    const broadcast = Adapter.prototype.broadcast;
    let failed = false;
    jest.spyOn(Adapter.prototype, 'broadcast').mockImplementation(function (this: Adapter, packet, options) {
      if (!failed && packet.data?.[0] === 'event') {
        failed = true;
        throw new Error('adapter down');
      }
      return broadcast.call(this, packet, options);
    });
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
