import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle } from '../../src/proof/bundle-verifier.js';
import { runCheckpointCommand } from '../../src/proof/checkpoint-command.js';
import { resolveCheckpointKeys } from '../../src/signing/checkpoint-keys.js';
import type { SignedCheckpoint } from '../../src/signing/checkpoint.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader } from '../support/live.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-restore';
/** One checkpoint key for every start: a deployment keeps its key across a restore. */
const CHECKPOINT_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

/** The built command line, as an operator runs it, against the store `eventStore` names. */
function storeCommand(eventStore: string, dataDir: string, ...args: string[]) {
  const run = spawnSync('node', ['dist/cli/store.js', ...args], {
    env: { ...process.env, EVENT_STORE: eventStore, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A story of four posts, and the steps an auditor takes on it. */
function story(t: () => TestApp, folder: string) {
  const editor = () => bearer(t().token('editor'));
  const auditor = () => bearer(t().token('auditor'));
  return {
    async write(bodies: readonly string[]) {
      for (const body of bodies)
        await t().http.post(`/api/live-blogs/${BLOG}/updates`).set(editor()).send({ kind: 'report', body }).expect(201);
    },
    async create() {
      await givenLiveBlog(t(), { id: BLOG, title: 'Osh, restored' }, { headers: editor() });
      await this.write(['Troops deployed.', 'Shops shut early.', 'Curfew from 20:00.', 'Streets empty.']);
    },
    async checkpoint(): Promise<SignedCheckpoint> {
      return (await t().http.get(`/api/live-blogs/${BLOG}/checkpoint`).expect(200)).body;
    },
    async verify(signed: SignedCheckpoint) {
      const path = `/api/live-blogs/${BLOG}/checkpoint/verification`;
      return (await t().http.post(path).set(auditor()).send(signed).expect(200)).body;
    },
    async verifyOnCommandLine(signed: SignedCheckpoint) {
      const saved = join(folder, `checkpoint-${Math.random()}.json`);
      writeFileSync(saved, JSON.stringify(signed));
      const keys = resolveCheckpointKeys(t().config).published;
      return runCheckpointCommand(['verify', BLOG, '--checkpoint', saved], t().store, keys);
    },
    /** The evidence bundle made now, checked against the published keys. */
    async bundle() {
      const reply = await t().http.get(`/api/live-blogs/${BLOG}/evidence`).set(auditor()).expect(200);
      const report = await verifyBundle(Buffer.from(reply.text, 'utf8'), resolveCheckpointKeys(t().config).keyring);
      return { report, storeEpoch: JSON.parse(reply.text).storeEpoch as string };
    },
    /** A reader who last saw `afterRevision` under `epoch`, coming back. */
    async resume(afterRevision: number, epoch: string) {
      const reader = await connectReader(t().url);
      try {
        return await reader.subscribe(BLOG, { afterRevision, epoch });
      } finally {
        reader.close();
      }
    },
  };
}

describe('a store restored from a backup gets a new epoch: readers redraw, what was signed still verifies', () => {
  let folder: string;
  let t: TestApp | undefined;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-restore-'));
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  it('SQLite: an online backup while the server runs, restored, and a new epoch on request', async () => {
    const file = join(folder, 'events.db');
    const backup = join(folder, 'backup.db');
    const env = { CHECKPOINT_INTERVAL_S: '0', CHECKPOINT_KEY };
    const start = async () => (t = await startApp({ storePath: file, env }));
    const steps = story(() => t!, folder);
    await start();
    await steps.create();
    const early = await steps.checkpoint(); // revision 4
    const first = t!.store.epoch;

    const backedUp = storeCommand(`sqlite:${file}`, folder, 'backup', backup);
    expect(backedUp).toEqual({ status: 0, out: expect.stringMatching(/^backed up 5 events .* of epoch /) });
    expect(statSync(backup).mode & 0o777).toBe(0o600); // it holds what the store holds
    expect(storeCommand(`sqlite:${file}`, folder, 'backup', backup).status).toBe(1); // never overwrites
    await steps.write(['Gunfire near the bazaar.', 'The mayor spoke.']);
    const late = await steps.checkpoint(); // revision 6: the backup does not hold it
    await t!.close();

    // The restore: the copy replaces the file, whose WAL and shared memory go with it.
    for (const stale of [file, `${file}-wal`, `${file}-shm`]) rmSync(stale, { force: true });
    copyFileSync(backup, file);
    await start();
    const second = t!.store.epoch;
    expect(second).not.toBe(first);
    expect(t!.store.earlierEpochs).toEqual([first]);
    expect((await t!.http.get('/health/ready').expect(200)).body.epoch).toBe(second);
    // A reader who saw revision 6 before the restore redraws from the article instead of resuming.
    expect(await steps.resume(6, first)).toMatchObject({ ok: true, epoch: second, revision: 4 });
    expect(await steps.resume(6, first)).not.toHaveProperty('recovered', true);
    // What was signed before still verifies; what the restore lost is named.
    const extends_ = await steps.verify(early);
    expect(extends_).toMatchObject({ ok: true, verdict: 'extends', checkpointRevision: 4 });
    expect(extends_.message).toContain(`signed under the store's earlier epoch ${first}`);
    expect((await steps.verifyOnCommandLine(early)).exitCode).toBe(0);
    expect(await steps.verify(late)).toMatchObject({ ok: false, verdict: 'truncated', revision: 4 });
    const bundle = await steps.bundle();
    expect(bundle).toMatchObject({ report: { ok: true, verdict: 'verified' }, storeEpoch: second });
    await t!.close();
    t = undefined;

    // A restore the store cannot tell (a file copied by hand): the command makes the new epoch.
    const renewed = storeCommand(`sqlite:${file}`, folder, 'new-epoch');
    expect(renewed).toEqual({
      status: 0,
      out: expect.stringMatching(new RegExp(`^new epoch \\S+ \\(was ${second}\\)`)),
    });
    await start();
    expect(t!.store.earlierEpochs).toEqual([first, second]);
    expect(await steps.verify(early)).toMatchObject({ ok: true, verdict: 'extends' });
    expect(await steps.resume(4, second)).not.toHaveProperty('recovered', true);
    // Reopened as it is, the store keeps its epoch: only a restore or the command makes one.
    const third = t!.store.epoch;
    await t!.close();
    await start();
    expect(t!.store.epoch).toBe(third);
    expect(await steps.resume(4, third)).toMatchObject({ recovered: true });
    console.log(
      `restore (SQLite): ${backedUp.out.split(' to ')[0]}; epochs ${[first, second, third].map((e) => e.slice(0, 8)).join(' → ')}; ` +
        'checkpoint of revision 4 extends, of revision 6 truncated at 4',
    );
  });
});

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

await describeWithPostgres('a PostgreSQL store restored from pg_dump', () => {
  let folder: string;
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  it('gets a new epoch by itself (its events table is a new one), and what was signed still verifies', async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-restore-pg-'));
    const schema = schemas.next();
    const eventStore = `${TEST_POSTGRES_URL}?schema=${schema}`;
    const start = async () =>
      (t = await startApp({ env: { EVENT_STORE: eventStore, CHECKPOINT_INTERVAL_S: '0', CHECKPOINT_KEY } }));
    const steps = story(() => t!, folder);
    await start();
    await steps.create();
    const early = await steps.checkpoint();
    const first = t!.store.epoch;
    const dump = join(folder, 'dateline.dump');
    const dumped = spawnSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, TEST_POSTGRES_URL]);
    expect(dumped.status).toBe(0);
    await steps.write(['Gunfire near the bazaar.']);
    await t!.close();
    t = undefined;

    // The restore, as the README says: the schema dropped, then pg_restore from the dump.
    const psql = spawnSync('psql', [TEST_POSTGRES_URL, '-c', `DROP SCHEMA "${schema}" CASCADE`]);
    expect(psql.status).toBe(0);
    const restored = spawnSync('pg_restore', [`--dbname=${TEST_POSTGRES_URL}`, dump], { encoding: 'utf8' });
    expect([restored.status, restored.stderr]).toEqual([0, '']);
    await start();
    const second = t!.store.epoch;
    expect(second).not.toBe(first);
    expect(t!.store.earlierEpochs).toEqual([first]);
    expect(await steps.resume(5, first)).not.toHaveProperty('recovered', true);
    expect(await steps.verify(early)).toMatchObject({ ok: true, verdict: 'extends', head: 4 });
    expect((await steps.bundle()).report).toMatchObject({ ok: true });
    // Started again, the store keeps the epoch it got: nothing was restored since.
    await t!.close();
    await start();
    expect(t!.store.epoch).toBe(second);
    console.log(
      `restore (PostgreSQL): pg_dump, DROP SCHEMA, pg_restore; epoch ${first.slice(0, 8)} → ${second.slice(0, 8)} by itself; checkpoint of revision 4 extends`,
    );
  });
});
