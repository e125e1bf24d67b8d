import { CheckpointArchive } from '../../src/proof/checkpoint-archive.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { sleep } from '../support/live.js';
import type { Clock } from '../../src/kernel/index.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'talas-floods';

/** A clock the test moves by hand. */
class SteppedClock implements Clock {
  constructor(private instant: number) {}
  now(): Date {
    return new Date(this.instant);
  }
  advance(ms: number): void {
    this.instant += ms;
  }
}

describe('stored checkpoints: the signed head written to the store, to be asked for as of any time', () => {
  let t: TestApp;
  const clock = new SteppedClock(Date.parse('2026-11-28T09:00:00Z'));
  const post = (body: string) =>
    t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(t.token('editor')))
      .send({ kind: 'report', body })
      .expect(201);
  const asOf = (at: string) => t.http.get(`/api/live-blogs/${BLOG}/checkpoint?at=${at}`);

  beforeEach(async () => {
    t = await startApp({ clock, env: { CHECKPOINT_INTERVAL_S: '0' } });
    await givenLiveBlog(t, { id: BLOG, title: 'Floods in Talas' });
  });
  afterEach(() => t.close());

  it('stores a story when its head moved, and answers the one signed at or before an instant', async () => {
    const archive = t.app.get(CheckpointArchive);
    await post('Rivers rising.');
    expect(await archive.recordAll()).toBe(1); // 09:00, revision 1
    expect(await archive.recordAll()).toBe(0); // nothing moved: nothing written
    clock.advance(300_000);
    await post('Bridge closed.');
    await post('Villages evacuated.');
    expect(await archive.recordAll()).toBe(1); // 09:05, revision 3
    const stream = await t.store.readStream(`checkpoints-${BLOG}`);
    expect(stream.map((event) => [event.type, event.data.revision])).toEqual([
      ['CheckpointStored', 1],
      ['CheckpointStored', 3],
    ]);
    expect((await asOf('2026-11-28T09:04:59Z').expect(200)).body).toMatchObject({ revision: 1 });
    expect((await asOf('2026-11-28T09:05:00Z').expect(200)).body).toMatchObject({ revision: 3 });
    expect((await asOf('2030-01-01T00:00:00Z').expect(200)).body).toMatchObject({ revision: 3 });
    await asOf('2026-11-28T08:59:59Z').expect(404);
    // The stored one is the signed one: it verifies like any other.
    const stored = (await asOf('2026-11-28T09:04:59Z')).body;
    const verdict = await t.http
      .post(`/api/live-blogs/${BLOG}/checkpoint/verification`)
      .set(bearer(t.token('auditor')))
      .send(stored)
      .expect(200);
    expect(verdict.body).toMatchObject({ ok: true, verdict: 'extends', checkpointRevision: 1, head: 3 });
    // Readers never see the checkpoint stream: the story's feed and list are unchanged.
    const changes = (await t.http.get(`/api/live-blogs/${BLOG}/changes`).expect(200)).body;
    expect(changes.events.map((event: { type: string }) => event.type)).not.toContain('CheckpointStored');
  });

  it('refuses an instant without a time zone, naming the field', async () => {
    const reply = await asOf('2026-11-28T09:00:00').expect(400);
    expect(reply.body.details.fields[0].field).toBe('at');
  });
});

describe('CHECKPOINT_INTERVAL_S', () => {
  it('writes checkpoints on its own every interval', async () => {
    const t = await startApp({ env: { CHECKPOINT_INTERVAL_S: '1' } });
    try {
      await givenLiveBlog(t, { id: BLOG, title: 'Floods in Talas' });
      const started = Date.now();
      let stored = await t.store.readStream(`checkpoints-${BLOG}`);
      while (stored.length === 0 && Date.now() - started < 5000) {
        await sleep(100);
        stored = await t.store.readStream(`checkpoints-${BLOG}`);
      }
      expect(stored.map((event) => event.data.revision)).toEqual([0]);
      process.stdout.write(`first checkpoint stored ${Date.now() - started} ms after the story opened\n`);
    } finally {
      await t.close();
    }
  });
});
