import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { sleep } from '../support/live.js';
import { browserSubscription, startPushService, verifyVapid } from '../support/push-service.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-follow';

/** "Follow this story": Web Push (RFC 8030, VAPID RFC 8292, aes128gcm RFC 8291) to a push service on 127.0.0.1. */
describe('push notifications of key developments', () => {
  let folder: string;
  let t: TestApp;
  let editor: Record<string, string>;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let publishedKey: string;
  const subscribe = (body: unknown, blog = BLOG) =>
    t.http.post(`/api/live-blogs/${blog}/push-subscriptions`).send(body as object);
  const post = (body: Record<string, unknown>) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send(body).expect(201);
  const markKey = (updateId: string) =>
    t.http.put(`/api/live-blogs/${BLOG}/updates/${updateId}/key-event`).set(editor).send({}).expect(201);
  const storedTypes = async (stream: string) => (await t.store.readStream(stream)).map((event) => event.type);

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-push-'));
    push = await startPushService((path) => (path === '/gone' ? 410 : 201));
    t = await startApp({
      storePath: join(folder, 'events.db'),
      env: { PUSH_ALLOW_HOSTS: '127.0.0.1', DATA_DIR: folder },
    });
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Unrest in Osh' }, { headers: editor });
    publishedKey = (await t.http.get('/api/push/vapid-public-key').expect(200)).body.publicKey;
  });
  afterAll(async () => {
    await t.close();
    await push.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes a VAPID public key: an uncompressed P-256 point, kept under DATA_DIR', () => {
    expect(Buffer.from(publishedKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(publishedKey, 'base64url')[0]).toBe(4);
    expect(JSON.parse(readFileSync(join(folder, 'vapid-keys.json'), 'utf8')).publicKey).toBe(publishedKey);
  });

  it.each([
    ['a private address', { endpoint: 'https://10.1.2.3/push' }, 'endpoint'],
    ['the metadata address', { endpoint: 'https://169.254.169.254/push' }, 'endpoint'],
    ['a loopback address not allowed', { endpoint: 'https://127.0.0.2/push' }, 'endpoint'],
    ['plain http to a host not allowed', { endpoint: 'http://push.example.com/push' }, 'endpoint'],
    ['a bad p256dh', { keys: { p256dh: 'AAAA', auth: 'AAAAAAAAAAAAAAAAAAAAAA' } }, 'keys.p256dh'],
    ['a bad auth', { keys: { auth: 'AAAA' } }, 'keys.auth'],
  ])('refuses a subscription with %s (400 naming the field)', async (_, change, field) => {
    const base = browserSubscription(`${push.origin}/refused`).json;
    const body = { ...base, ...change, keys: { ...base.keys, ...(change as { keys?: object }).keys } };
    const reply = await subscribe(body).expect(400);
    expect(JSON.stringify(reply.body)).toContain(field);
    expect(await storedTypes('push-subscriptions')).not.toContain('PushSubscribed');
  });

  it('sends a key event, encrypted and VAPID-signed, and nothing for an ordinary update', async () => {
    const browser = browserSubscription(`${push.origin}/reader-1`);
    const created = await subscribe(browser.json).expect(201);
    expect(created.body).toEqual({ liveBlogId: BLOG, subscriptionId: expect.any(String) });
    await post({ updateId: 'ordinary', kind: 'report', body: '<p>Shops shut early in the centre.</p>' });
    await post({ updateId: 'shots', kind: 'report', headline: 'Gunfire near the mayor’s office', body: 'Shots.' });
    // The key event is a barrier: the sender goes in feed order, so the ordinary update's turn came first.
    await markKey('shots');
    await push.waitFor(1, '/reader-1');
    await sleep(300);
    expect(push.to('/reader-1')).toHaveLength(1);
    const [request] = push.to('/reader-1');
    expect(Number(request!.headers.ttl)).toBeGreaterThan(0);
    expect(request!.headers['content-encoding']).toBe('aes128gcm');
    const claims = verifyVapid(request!.headers.authorization, publishedKey);
    expect(claims.aud).toBe(push.origin);
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(claims.sub).toMatch(/^(mailto:|https:)/);
    expect(browser.decrypt(request!.body)).toEqual({
      liveBlogId: BLOG,
      updateId: 'shots',
      headline: 'Gunfire near the mayor’s office',
      url: `/live/${BLOG}/updates/shots#update-shots`,
    });
  });

  it('sends a breaking update as it is posted', async () => {
    const browser = browserSubscription(`${push.origin}/reader-2`);
    await subscribe(browser.json).expect(201);
    await post({ updateId: 'breaking-1', kind: 'breaking', body: '<p>State of emergency declared in Osh.</p>' });
    await push.waitFor(1, '/reader-2');
    expect(browser.decrypt(push.to('/reader-2')[0]!.body)).toEqual(
      expect.objectContaining({ updateId: 'breaking-1', headline: 'State of emergency declared in Osh.' }),
    );
  });

  it('drops a subscription the push service answers 410 for, and sends it nothing more', async () => {
    await subscribe(browserSubscription(`${push.origin}/gone`).json).expect(201);
    await post({ updateId: 'breaking-2', kind: 'breaking', body: 'Curfew from 20:00.' });
    await push.waitFor(1, '/gone');
    const ended = async () =>
      (await t.store.readStream('push-subscriptions')).filter((e) => e.type === 'PushUnsubscribed');
    for (let tries = 0; tries < 100 && (await ended()).length === 0; tries++) await sleep(50);
    expect((await ended()).map((event) => event.data.reason)).toEqual(['gone']);
    await post({ updateId: 'breaking-3', kind: 'breaking', body: 'Curfew lifted.' });
    await push.waitFor(3, '/reader-2');
    expect(push.to('/gone')).toHaveLength(1);
  });

  it('lets a reader stop following (DELETE by endpoint): nothing more reaches them', async () => {
    const before = push.to('/reader-1').length;
    await t.http
      .delete(`/api/live-blogs/${BLOG}/push-subscriptions`)
      .send({ endpoint: `${push.origin}/reader-1` })
      .expect(204);
    await t.http
      .delete(`/api/live-blogs/${BLOG}/push-subscriptions`)
      .send({ endpoint: `${push.origin}/reader-1` })
      .expect(404);
    await post({ updateId: 'breaking-4', kind: 'breaking', body: 'Roads reopen.' });
    await push.waitFor(4, '/reader-2');
    expect(push.to('/reader-1')).toHaveLength(before);
  });

  it('carries on after a restart from its durable place, sending nothing twice', async () => {
    const sent = push.requests.length;
    expect(await storedTypes('push-log')).toContain('NotificationsSent');
    await t.close();
    t = await startApp({
      storePath: join(folder, 'events.db'),
      env: { PUSH_ALLOW_HOSTS: '127.0.0.1', DATA_DIR: folder },
    });
    editor = bearer(t.token('editor'));
    expect((await t.http.get('/api/push/vapid-public-key').expect(200)).body.publicKey).toBe(publishedKey);
    await post({ updateId: 'breaking-5', kind: 'breaking', body: 'A second night of calm.' });
    await push.waitFor(5, '/reader-2');
    await sleep(300);
    expect(push.requests.length).toBe(sent + 1);
  });

  it('ends a story’s notifications when it closes, and refuses new followers', async () => {
    await t.http.post(`/api/live-blogs/${BLOG}/close`).set(editor).send({}).expect(201);
    for (let tries = 0; tries < 100 && !(await storedTypes('push-subscriptions')).includes('PushStoryEnded'); tries++)
      await sleep(50);
    expect(await storedTypes('push-subscriptions')).toContain('PushStoryEnded');
    await subscribe(browserSubscription(`${push.origin}/late`).json).expect(409);
  });
});
