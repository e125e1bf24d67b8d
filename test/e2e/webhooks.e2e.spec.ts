import { Webhook } from 'standardwebhooks';
import { ProjectionRunner } from '../../src/live-blog/projections/projection-runner.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';
import { sleep, waitFor } from '../support/live.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';

/** Three quick retries: a message is tried four times in all. */
const RETRIES = '60ms,60ms,60ms';

describe('webhooks (Standard Webhooks 1.0, delivered from the store feed)', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let editor: Record<string, string>;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    t = await startApp({ env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1', WEBHOOK_RETRY_SCHEDULE: RETRIES } });
    admin = bearer(t.token('admin', 'Grace Admin'));
    editor = bearer(t.token('editor'));
  });
  afterAll(async () => {
    await t.close();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const started = await startReceiver(...args);
    receivers.push(started);
    return started;
  };
  const waitForStatus = async (webhookId: string, status: string) => {
    for (let tries = 0; tries < 100; tries++) {
      const read = await t.http.get(`/api/webhooks/${webhookId}`).set(admin).expect(200);
      if (read.body.status === status) return read.body;
      await sleep(50);
    }
    throw new Error(`webhook ${webhookId} never became ${status}`);
  };
  const register = (body: Record<string, unknown>) => t.http.post('/api/webhooks').set(admin).send(body);
  const open = (id: string) => givenLiveBlog(t, { id, title: `Story ${id}` }, { headers: editor });
  const post = (blog: string, body: string, updateId?: string) =>
    t.http
      .post(`/api/live-blogs/${blog}/updates`)
      .set(editor)
      .send({ kind: 'report', body, ...(updateId ? { updateId } : {}) })
      .expect(201);

  describe('registration', () => {
    it('answers 201 with an id and a whsec_ secret, and never shows the secret again', async () => {
      const hook = await receiver();
      const reply = await register({ url: hook.url, events: ['update.*'] }).expect(201);
      expect(reply.body).toEqual(
        expect.objectContaining({ id: expect.any(String), url: hook.url, events: ['update.*'], status: 'active' }),
      );
      expect(reply.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const read = await t.http.get(`/api/webhooks/${reply.body.id}`).set(admin).expect(200);
      expect(JSON.stringify(read.body)).not.toContain(reply.body.secret.slice(6, 20));
      const list = await t.http.get('/api/webhooks').set(admin).expect(200);
      expect(list.body.map((endpoint: { id: string }) => endpoint.id)).toContain(reply.body.id);
      expect(JSON.stringify(list.body)).not.toContain('whsec_');
      await t.http.delete(`/api/webhooks/${reply.body.id}`).set(admin).expect(204);
      await t.http.get(`/api/webhooks/${reply.body.id}`).set(admin).expect(404);
    });

    it.each([
      ['a URL that is not one', { url: 'not a url', events: ['update.*'] }, 'url'],
      ['a scheme other than http(s)', { url: 'ftp://127.0.0.1/hook', events: ['update.*'] }, 'url'],
      ['credentials in the URL', { url: 'http://user:pw@127.0.0.1/hook', events: ['update.*'] }, 'url'],
      ['a loopback address not allowed', { url: 'http://127.0.0.2/hook', events: ['update.*'] }, 'url'],
      ['IPv6 loopback not allowed', { url: 'http://[::1]/hook', events: ['update.*'] }, 'url'],
      ['a private address', { url: 'http://10.1.2.3/hook', events: ['update.*'] }, 'url'],
      ['the cloud metadata address', { url: 'http://169.254.169.254/latest/meta-data', events: ['*'] }, 'url'],
      ['an IPv4-mapped private address', { url: 'http://[::ffff:192.168.0.1]/hook', events: ['*'] }, 'url'],
      ['no events', { url: 'http://127.0.0.1:9/hook', events: [] }, 'events'],
      [
        'an unknown event type',
        { url: 'http://127.0.0.1:9/hook', events: ['update.posted', 'update.deleted'] },
        'events.1',
      ],
      [
        'a story id that is not one',
        { url: 'http://127.0.0.1:9/hook', events: ['*'], liveBlogIds: ['No Way'] },
        'liveBlogIds',
      ],
    ])('refuses %s with 400 naming the field, and stores nothing', async (_, body, field) => {
      const before = await t.store.streamRevision('webhooks');
      const reply = await register(body).expect(400);
      expect(JSON.stringify(reply.body.details)).toContain(field);
      expect(await t.store.streamRevision('webhooks')).toBe(before);
    });

    it('is for admins only', async () => {
      await t.http
        .post('/api/webhooks')
        .set(editor)
        .send({ url: 'http://127.0.0.1:9/', events: ['*'] })
        .expect(403);
      await t.http
        .get('/api/webhooks')
        .set(bearer(t.token('auditor')))
        .expect(403);
      await t.http.get('/api/webhooks').expect(401);
    });
  });

  it('delivers a signed update.posted that the standardwebhooks library verifies', async () => {
    await open('wh-signed');
    const hook = await receiver();
    const { body: endpoint } = await register({
      url: hook.url,
      events: ['update.posted'],
      liveBlogIds: ['wh-signed'],
    }).expect(201);
    await post('wh-signed', 'Gunfire near the parliament.', 'u1');
    const [message] = await hook.waitForDelivered(1);
    const verified = new Webhook(endpoint.secret).verify(message.body, {
      'webhook-id': String(message.headers['webhook-id']),
      'webhook-timestamp': String(message.headers['webhook-timestamp']),
      'webhook-signature': String(message.headers['webhook-signature']),
    });
    expect(verified).toEqual({
      type: 'update.posted',
      timestamp: expect.any(String),
      data: expect.objectContaining({ liveBlogId: 'wh-signed', revision: 1, updateId: 'u1', body: expect.any(String) }),
    });
    expect(message.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(message.headers['webhook-signature']).toMatch(/^v1,/);
    const other = new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    expect(() => other.verify(message.body, message.headers as Record<string, string>)).toThrow();
    const attempts = await t.http.get(`/api/webhooks/${endpoint.id}/deliveries`).set(admin).expect(200);
    expect(attempts.body).toEqual([
      expect.objectContaining({
        messageId: message.id,
        type: 'update.posted',
        attempt: 1,
        status: 204,
        outcome: 'delivered',
      }),
    ]);
    expect(attempts.body[0].durationMs).toEqual(expect.any(Number));
    expect(Date.parse(attempts.body[0].attemptedAt)).not.toBeNaN();
  });

  it('rotates a secret: the new one signs from then on, the old one beside it for a day', async () => {
    await open('wh-rotate');
    const hook = await receiver();
    const { body: endpoint } = await register({
      url: hook.url,
      events: ['update.posted'],
      liveBlogIds: ['wh-rotate'],
    }).expect(201);
    const rotated = await t.http.post(`/api/webhooks/${endpoint.id}/secret`).set(admin).expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.body.previousValidUntil) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await post('wh-rotate', 'Signed twice.');
    const [message] = await hook.waitForDelivered(1);
    expect(String(message.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [rotated.body.secret, endpoint.secret]) {
      expect(new Webhook(secret).verify(message.body, message.headers as Record<string, string>)).toEqual(message.json);
    }
  });

  it('sends each story’s events in revision order, only the types and stories asked for', async () => {
    await open('wh-order-a');
    await open('wh-order-b');
    await open('wh-order-c');
    const hook = await receiver();
    await register({
      url: hook.url,
      events: ['update.posted', 'story.*'],
      liveBlogIds: ['wh-order-a', 'wh-order-b'],
    }).expect(201);
    const writes: Promise<unknown>[] = [];
    for (let n = 1; n <= 10; n++) {
      writes.push(post('wh-order-a', `A ${n}.`), post('wh-order-b', `B ${n}.`), post('wh-order-c', `C ${n}.`));
    }
    await Promise.all(writes);
    await t.http.post('/api/live-blogs/wh-order-a/close').set(editor).send({}).expect(201);
    await hook.waitForDelivered(21);
    await sleep(200);
    const seen = hook.delivered.map((message) => [
      message.json.data.liveBlogId,
      message.json.data.revision,
      message.json.type,
    ]);
    expect(seen).toHaveLength(21);
    for (const blog of ['wh-order-a', 'wh-order-b']) {
      const revisions = seen.filter(([id]) => id === blog).map(([, revision]) => revision);
      expect(revisions).toEqual([...revisions].sort((x, y) => Number(x) - Number(y)));
      expect(revisions.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    expect(seen.filter(([id]) => id === 'wh-order-c')).toEqual([]);
    expect(seen.at(-1)).toEqual(['wh-order-a', 11, 'story.closed']);
  });

  it('never sends a retracted update’s text, nor any reason, even to a retry built after the retraction', async () => {
    await open('wh-retract');
    let accept = false;
    const hook = await receiver(() => (accept ? 204 : 500));
    const { body: endpoint } = await register({ url: hook.url, events: ['*'], liveBlogIds: ['wh-retract'] }).expect(
      201,
    );
    const text = 'Twelve dead at the depot, says an unconfirmed post';
    await post('wh-retract', text, 'u-hoax');
    await t.http
      .post('/api/live-blogs/wh-retract/updates/u-hoax/retraction')
      .set(editor)
      .send({ reason: 'The post was a hoax by a private account' })
      .expect(201);
    await post('wh-retract', 'Fixed: two dead.', 'u2');
    await t.http
      .post('/api/live-blogs/wh-retract/updates/u2/corrections')
      .set(editor)
      .send({ body: 'Fixed: three dead.', reason: 'A secret reason for the correction' })
      .expect(201);
    // The first message fails until the endpoint is failing; every try after that is built after the retraction.
    await waitForStatus(endpoint.id, 'failing');
    const failedTries = hook.requests.length;
    accept = true;
    await t.http.post(`/api/webhooks/${endpoint.id}/resume`).set(admin).expect(200);
    await hook.waitForDelivered(4);
    expect(hook.delivered.map((message) => message.json.type)).toEqual([
      'update.posted',
      'update.retracted',
      'update.posted',
      'update.corrected',
    ]);
    const sentLater = hook.requests
      .slice(failedTries)
      .map((message) => message.body)
      .join('\n');
    expect(sentLater).not.toContain('Twelve dead');
    expect(hook.requests.map((message) => message.body).join('\n')).not.toMatch(/hoax by|secret reason|"reason"/);
    expect(hook.delivered[0].json.data).toEqual({
      liveBlogId: 'wh-retract',
      revision: 1,
      position: expect.any(Number),
      updateId: 'u-hoax',
      retracted: true,
    });
    expect(hook.delivered[1].json.data).toEqual(expect.objectContaining({ updateId: 'u-hoax' }));
    expect(hook.delivered[3].json.data).toEqual(
      expect.objectContaining({ updateId: 'u2', body: 'Fixed: three dead.' }),
    );
  });

  it('tries a message again with the same webhook-id, and logs each failure', async () => {
    await open('wh-retry');
    const hook = await receiver((n) => (n <= 3 ? { status: 500, body: 'x'.repeat(5000) } : 200));
    const { body: endpoint } = await register({
      url: hook.url,
      events: ['update.posted'],
      liveBlogIds: ['wh-retry'],
    }).expect(201);
    await post('wh-retry', 'Tried four times.');
    await hook.waitForDelivered(1);
    expect(hook.requests).toHaveLength(4);
    expect(new Set(hook.requests.map((message) => message.id)).size).toBe(1);
    const attempts = await t.http.get(`/api/webhooks/${endpoint.id}/deliveries`).set(admin).expect(200);
    expect(
      attempts.body.map((a: { attempt: number; status: number; outcome: string }) => [a.attempt, a.status, a.outcome]),
    ).toEqual([
      [4, 200, 'delivered'],
      [3, 500, 'failed'],
      [2, 500, 'failed'],
      [1, 500, 'failed'],
    ]);
    for (const attempt of attempts.body) {
      expect(attempt.messageId).toBe(hook.requests[0].id);
      expect((attempt.response ?? '').length).toBeLessThanOrEqual(256);
    }
    expect(attempts.body[1].error).toBe('HTTP 500');
  });

  it('marks an endpoint failing once the schedule runs out, says why, and resumes where it stopped', async () => {
    await open('wh-failing');
    let answer = 503;
    const hook = await receiver(() => answer);
    const { body: endpoint } = await register({
      url: hook.url,
      events: ['update.posted'],
      liveBlogIds: ['wh-failing'],
    }).expect(201);
    await post('wh-failing', 'Never taken at first.');
    await waitFor(() => hook.requests.length >= 4, 15_000, 'four attempts');
    const failing = await waitForStatus(endpoint.id, 'failing');
    expect(failing).toEqual(
      expect.objectContaining({ status: 'failing', statusReason: expect.stringContaining('HTTP 503') }),
    );
    await sleep(300);
    expect(hook.requests).toHaveLength(4);
    answer = 204;
    await t.http.post(`/api/webhooks/${endpoint.id}/resume`).set(admin).expect(200);
    const [delivered] = await hook.waitForDelivered(1);
    expect(delivered.id).toBe(hook.requests[0].id);
    expect((await t.http.get(`/api/webhooks/${endpoint.id}`).set(admin)).body.status).toBe('active');
  });

  it('disables an endpoint that answers 410 Gone at once', async () => {
    await open('wh-gone');
    const hook = await receiver(() => 410);
    const { body: endpoint } = await register({
      url: hook.url,
      events: ['update.posted'],
      liveBlogIds: ['wh-gone'],
    }).expect(201);
    await post('wh-gone', 'One.');
    await waitFor(() => hook.requests.length >= 1, 15_000, 'the first attempt');
    const disabled = await waitForStatus(endpoint.id, 'disabled');
    expect(disabled.statusReason).toContain('410 Gone');
    await post('wh-gone', 'Two.');
    await sleep(400);
    expect(hook.requests).toHaveLength(1);
  });

  it('keeps endpoints and delivery logs out of every public and audit view', async () => {
    const stored = await t.store.readAll();
    const streams = new Set(stored.map((event) => event.stream));
    expect([...streams].some((stream) => stream.startsWith('webhook-log-'))).toBe(true);
    expect(streams.has('webhooks')).toBe(true);
    const list = await t.http.get('/api/live-blogs').expect(200);
    expect(JSON.stringify(list.body)).not.toMatch(/webhook/i);
    await t.http.get('/api/live-blogs/webhooks/changes').expect(404);
    const changes = await t.http.get('/api/live-blogs/wh-signed/changes?afterRevision=-1').expect(200);
    const audit = await t.http
      .get('/api/live-blogs/wh-signed/events')
      .set(bearer(t.token('auditor')))
      .expect(200);
    for (const seen of [JSON.stringify(changes.body), JSON.stringify(audit.body)]) {
      expect(seen).not.toMatch(/Webhook|DeliveryAttempted|whsec_|127\.0\.0\.1/);
    }
    expect([...t.app.get(ProjectionRunner).summaries().keys()].every((id) => id.startsWith('wh-'))).toBe(true);
  });
});
