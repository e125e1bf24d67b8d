import { generateKeyPairSync } from 'node:crypto';
import { CheckpointArchive } from '../../src/proof/checkpoint-archive.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { sleep } from '../support/live.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'batken-border';
const schemas = new TestSchemas();
const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});
afterAll(() => schemas.dropAll());

await describeWithPostgres('checkpoints on two nodes sharing one PostgreSQL store and one key', () => {
  it('signs alike on both, verifies on either, and stores each head once when both store at the same moment', async () => {
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const env = {
      EVENT_STORE: `${TEST_POSTGRES_URL}?schema=${schemas.next()}`,
      CHECKPOINT_KEY: key,
      CHECKPOINT_INTERVAL_S: '0',
    };
    const [nodeA, nodeB] = await Promise.all([startApp({ env }), startApp({ env })]);
    apps.push(nodeA, nodeB);
    const editor = bearer(nodeA.token('editor'));
    await givenLiveBlog(
      nodeA,
      { id: BLOG, title: 'Border in Batken' },
      { headers: editor, updates: [{ kind: 'report', body: 'The crossing closed.' }] },
    );
    const onB = async () => (await nodeB.http.get(`/api/live-blogs/${BLOG}/checkpoint`)).body;
    let fromB = await onB();
    for (const deadline = Date.now() + 5000; fromB?.revision !== 1 && Date.now() < deadline; ) {
      await sleep(20);
      fromB = await onB();
    }
    const fromA = (await nodeA.http.get(`/api/live-blogs/${BLOG}/checkpoint`).expect(200)).body;
    expect([fromA.keyId, fromA.hash]).toEqual([fromB.keyId, fromB.hash]);
    const verdict = await nodeB.http
      .post(`/api/live-blogs/${BLOG}/checkpoint/verification`)
      .set(bearer(nodeB.token('auditor')))
      .send(fromA)
      .expect(200);
    expect(verdict.body).toMatchObject({ ok: true, verdict: 'extends' });
    const written = await Promise.all([nodeA, nodeB].map((node) => node.app.get(CheckpointArchive).recordAll()));
    expect(written.sort()).toEqual([0, 1]);
    const stored = await nodeA.store.readStream(`checkpoints-${BLOG}`);
    expect(stored.map((event) => event.data.revision)).toEqual([1]);
  });
});
