import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, range, revisionsOf, sleep } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'two-nodes';

describe('push across nodes sharing one store', () => {
  let folder: string;
  let writer: TestApp;
  let pusher: TestApp;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-nodes-'));
    writer = await startApp({ storePath: join(folder, 'events.db') });
    pusher = await startApp({ storePath: join(folder, 'events.db') });
  });
  afterEach(async () => {
    await writer.close();
    await pusher.close();
    rmSync(folder, { recursive: true, force: true });
  });
  const post = (body: string) =>
    writer.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(writer.token('editor')))
      .send({ kind: 'report', body })
      .expect(201);

  it('pushes what another node appended, once, even when the catch-up read ran ahead of this node’s feed', async () => {
    await givenLiveBlog(writer, { id: BLOG, title: 'Two nodes' });
    await post('First.');
    // The pushing node learns of writes by polling the file; subscribe before it has seen revision 1.
    const alice = await connectReader(pusher.url);
    const ack = await alice.subscribe(BLOG, { afterRevision: 0, epoch: pusher.store.epoch });
    expect(ack).toMatchObject({ ok: true, recovered: true, revision: 1 });
    for (const index of range(2, 6)) await post(`Update ${index}`);
    await alice.waitForRevision(6);
    await sleep(300);
    expect(revisionsOf(alice.events)).toEqual(range(2, 6));
    alice.close();
  });
});

describe('a reader that cannot keep up', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp({ env: { READER_BUFFER_LIMIT: '5', WRITE_RATE_LIMIT: '0' } });
  });
  afterEach(() => t.close());

  it('is cut off instead of growing the server’s memory, and others carry on', async () => {
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Slow readers' }, { headers: editor });
    const slow = await connectReader(t.url);
    const healthy = await connectReader(t.url);
    await slow.subscribe(BLOG);
    await healthy.subscribe(BLOG);
    // Stop reading from the TCP socket: the server's packets for this reader pile up.
    const engine = slow.socket.io.engine as unknown as {
      transport: { ws: { _socket: { pause(): void; destroy(): void } } };
    };
    const tcp = engine.transport.ws._socket;
    tcp.pause();
    const body = 'x'.repeat(9000);
    let cutOff = false;
    for (let index = 0; index < 3000 && !cutOff; index++) {
      await t.http
        .post(`/api/live-blogs/${BLOG}/updates`)
        .set(editor)
        .send({ kind: 'report', body: `${index} ${body}` })
        .expect(201);
      if (index % 20 === 0)
        cutOff = /dateline_slow_readers_disconnected_total 1/.test((await t.http.get('/metrics')).text);
    }
    expect(cutOff).toBe(true);
    tcp.destroy();
    const last = (await t.http.get(`/api/live-blogs/${BLOG}`)).body.revision;
    await healthy.waitForRevision(last, 10_000);
    expect(revisionsOf(healthy.events)).toEqual(range(1, last));
    slow.close();
    healthy.close();
  });
});
