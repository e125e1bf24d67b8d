import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteConnection } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { runBundleCommand } from '../../src/proof/bundle-command.js';
import { verifyBundle } from '../../src/proof/bundle-verifier.js';
import { canonical, digestsOf, seal, serializeBundle, type EvidenceBundle } from '../../src/proof/evidence-bundle.js';
import { signCheckpoint } from '../../src/signing/checkpoint.js';
import { keyringOf, publishedKeyOf } from '../../src/signing/keyring.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'jalal-abad-talks';
const STREAM = `liveblog-${BLOG}`;

describe('evidence bundles: one file, checked with no server and no store', () => {
  let folder: string;
  let file: string;
  let t: TestApp;
  const editor = () => bearer(t.token('editor'));
  const auditor = () => bearer(t.token('auditor', 'Cat Auditor'));
  const download = async (query = '') => {
    const reply = await t.http.get(`/api/live-blogs/${BLOG}/evidence${query}`).set(auditor()).expect(200);
    return { reply, bytes: Buffer.from(reply.text, 'utf8') };
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-evidence-'));
    file = join(folder, 'events.db');
    t = await startApp({ storePath: file, env: { CHECKPOINT_INTERVAL_S: '0' } });
    await givenLiveBlog(t, { id: BLOG, title: 'Talks in Jalal-Abad' }, { headers: editor() });
    const posted = [];
    for (const body of ['Elders met in Бишкек.', 'A <b>statement</b> was read.', 'Talks ended at dusk.']) {
      posted.push(
        (await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor()).send({ kind: 'report', body }).expect(201))
          .body,
      );
    }
    const updates = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.updates;
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/${updates[2].updateId}/corrections`)
      .set(editor())
      .send({ body: 'Elders met in Jalal-Abad.', reason: 'Wrong town' })
      .expect(201);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/${updates[1].updateId}/retraction`)
      .set(editor())
      .send({ reason: 'Not read aloud' })
      .expect(201);
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor()).send({ kind: 'report', body: 'Later.' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('downloads a story up to a revision as one signed file that verifies, pinned to the published key', async () => {
    const { reply, bytes } = await download('?revision=5');
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="${BLOG}-r5-evidence.json"`);
    const bundle = JSON.parse(reply.text);
    expect(bundle).toMatchObject({ liveBlogId: BLOG, revision: 5, createdBy: { name: 'Cat Auditor' } });
    expect(bundle.events.map((event: { revision: number }) => event.revision)).toEqual([0, 1, 2, 3, 4, 5]);
    // The page as it stood at revision 5: the retraction applied, the correction shown.
    expect(bundle.page.updates.map((update: { body: string }) => update.body)).toEqual([
      'Talks ended at dusk.',
      'Elders met in Jalal-Abad.',
    ]);
    const published = (await t.http.get('/.well-known/dateline-keys.json').expect(200)).body;
    const report = await verifyBundle(bytes, keyringOf(published));
    expect(report).toMatchObject({ ok: true });
    expect(report.lines.at(-1)).toBe('verified');
    const saved = join(folder, 'bundle.json');
    const keys = join(folder, 'keys.json');
    writeFileSync(saved, bytes);
    writeFileSync(keys, JSON.stringify(published));
    expect(await runBundleCommand(['verify-bundle', saved, '--keys', keys])).toMatchObject({ exitCode: 0 });
  });

  it('fails with any one byte of the file altered (every fifth byte tried), and says where', async () => {
    const { bytes } = await download('?revision=5');
    const places = new Map<string, number>();
    // Every fifth byte keeps the test to a couple of seconds; each kind of member is still hit many times.
    for (let index = 0; index < bytes.length; index += 5) {
      const altered = Buffer.from(bytes);
      altered[index] = altered[index]! ^ 0x01;
      const report = await verifyBundle(altered);
      const last = report.lines.at(-1)!;
      if (report.ok || !last.startsWith('FAILED at ')) throw new Error(`byte ${index} altered, yet: ${last}`);
      const where = last.slice('FAILED at '.length).split(/[:,(]/)[0]!.trim();
      places.set(where, (places.get(where) ?? 0) + 1);
    }
    process.stdout.write(
      `${Math.ceil(bytes.length / 5)} of ${bytes.length} bytes altered one at a time, each caught, at ${places.size} places\n`,
    );
    expect(places.size).toBeGreaterThan(10);
  });

  it('names the event, the page member and the part that changed, even when the JSON stays well-formed', async () => {
    const { reply } = await download('?revision=5');
    const edit = async (change: (bundle: Record<string, any>) => void) => {
      const bundle = JSON.parse(reply.text);
      change(bundle);
      return (await verifyBundle(Buffer.from(`${canonical(bundle)}\n`))).lines.at(-1);
    };
    expect(await edit((b) => (b.events[2].data.body = 'Elders met nowhere.'))).toMatch(
      /^FAILED at events\[2\] \(revision 2\): altered at revision 2 .*content was altered/,
    );
    expect(await edit((b) => (b.events[3].metadata.correlationId = 'x'))).toMatch(
      /^FAILED at events\[3\] \(revision 3\): the event differs from the one sealed/,
    );
    expect(await edit((b) => (b.page.updates[0].body = 'Talks never ended.'))).toMatch(/^FAILED at page/);
    expect(await edit((b) => (b.createdBy.name = 'Someone Else'))).toMatch(
      /^FAILED at format, liveBlogId, .*createdBy/,
    );
    expect(await edit((b) => (b.checkpoint.revision = 4))).toMatch(/^FAILED at checkpoint.revision/);
    expect(await edit((b) => (b.seal.digests.page = b.seal.digests.header))).toMatch(/^FAILED at seal: /);
    expect(await edit((b) => b.events.pop())).toMatch(/^FAILED at events: 5 events/);
  });

  it('refuses a key that is not the published one', async () => {
    const { bytes } = await download();
    const other = { keys: [] };
    expect((await verifyBundle(bytes, keyringOf(other))).lines.at(-1)).toMatch(/^FAILED at keys: unknown key/);
  });

  it('verifies from the built command line with no store and no data folder', async () => {
    const { bytes } = await download('?revision=3');
    const saved = join(folder, 'offline.json');
    writeFileSync(saved, bytes);
    // A store that cannot be reached and a data folder that does not exist: neither is touched.
    const env = { ...process.env, EVENT_STORE: 'postgres://nobody@127.0.0.1:1/none', DATA_DIR: join(folder, 'absent') };
    const keys = join(folder, 'offline-keys.json');
    writeFileSync(keys, (await t.http.get('/.well-known/dateline-keys.json').expect(200)).text);
    const ok = execFileSync('node', ['dist/cli/audit.js', 'verify-bundle', saved, '--keys', keys], {
      env,
      encoding: 'utf8',
    });
    expect(ok).toMatch(/^verified$/m);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(saved, flipped);
    const failed = spawnSync('node', ['dist/cli/audit.js', 'verify-bundle', saved], { env, encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^FAILED at .*byte \d+|^FAILED at /m);
  });

  /** Runs the built command line as a user would; its output and exit status. */
  const commandLine = (bundle: string | Buffer, ...options: string[]) => {
    const saved = join(folder, `cli-${Math.random()}.json`);
    writeFileSync(saved, bundle);
    const run = spawnSync('node', ['dist/cli/audit.js', 'verify-bundle', saved, ...options], { encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, last: run.stdout.trim().split('\n').at(-1) };
  };
  const publishedKeysFile = async () => {
    const keys = join(folder, 'published-keys.json');
    writeFileSync(keys, (await t.http.get('/.well-known/dateline-keys.json').expect(200)).text);
    return keys;
  };
  /** A key of the forger's own, as the server would publish one. */
  const foreignKey = () => {
    const pair = generateKeyPairSync('ed25519');
    const published = publishedKeyOf(pair.publicKey, 'current');
    return { published, signing: { keyId: published.kid, privateKey: pair.privateKey } };
  };
  const genuine = async () => JSON.parse((await download('?revision=5')).reply.text) as EvidenceBundle;

  it('refuses a bundle sealed with a foreign key, with or without the published key set', async () => {
    const forger = foreignKey();
    const keys = await publishedKeysFile();
    // Someone re-seals a genuine bundle under their own key, to change what the server's seal covered.
    const { seal: _genuineSeal, ...bundle } = await genuine();
    const resealed = serializeBundle(
      seal(
        {
          ...bundle,
          createdBy: { ...bundle.createdBy, name: 'Chief Justice' },
          keys: { keys: [...bundle.keys.keys, forger.published] },
        },
        forger.signing,
      ),
    );
    const withKeys = commandLine(resealed, '--keys', keys);
    expect([withKeys.status, withKeys.last]).toEqual([1, expect.stringMatching(/^FAILED at keys: unknown key/)]);
    // Without the published key set the seal must still be the checkpoint's signer's.
    const alone = commandLine(resealed);
    expect([alone.status, alone.last]).toEqual([
      1,
      expect.stringMatching(/^FAILED at seal\.keyId: sealed by key .*, the checkpoint was signed by key /),
    ]);
    // A whole bundle made with the forger's key: checkpoint, key set and seal all theirs.
    const checkpoint = signCheckpoint(bundle.checkpoint, forger.signing);
    const forged = serializeBundle(seal({ ...bundle, checkpoint, keys: { keys: [forger.published] } }, forger.signing));
    const pinned = commandLine(forged, '--keys', keys);
    expect([pinned.status, pinned.last]).toEqual([1, expect.stringMatching(/^FAILED at keys: unknown key/)]);
    // Without a trusted key set nothing is claimed: the exit status and the last line say the origin is unproven.
    const unpinned = commandLine(forged);
    expect([unpinned.status, unpinned.last]).toEqual([3, expect.stringMatching(/^UNVERIFIED ORIGIN: /)]);
    expect(unpinned.stdout).not.toMatch(/^verified/m);
    const report = await verifyBundle(Buffer.from(forged));
    expect(report).toMatchObject({ ok: false, verdict: 'unverified_origin' });
    const statuses = [withKeys.status, alone.status, pinned.status, unpinned.status];
    console.log(`foreign seal: ${statuses.length} command-line runs on 2 forged bundles, exit ${statuses.join(', ')}`);
  });

  it('checks the seal: a bundle altered outside the chain, with its digests recomputed, is refused', async () => {
    const published = keyringOf((await t.http.get('/.well-known/dateline-keys.json').expect(200)).body);
    const bundle = await genuine();
    // What only the seal protects: who made the file, when, and a member of an event outside its hash.
    const forged = {
      ...bundle,
      createdBy: { ...bundle.createdBy, name: 'Chief Justice' },
      createdAt: '2010-04-08T12:00:00.000Z',
      events: bundle.events.map((event, index) =>
        index === 3 ? { ...event, recordedAt: '2010-04-08T12:00:00Z' } : event,
      ),
    };
    const restamped = { ...forged, seal: { ...bundle.seal, digests: digestsOf(forged) } };
    const report = await verifyBundle(Buffer.from(serializeBundle(restamped)), published);
    expect(report).toMatchObject({ ok: false, verdict: 'failed' });
    expect(report.lines.at(-1)).toMatch(/^FAILED at seal: the seal does not verify/);
    expect(report.lines).not.toContain('verified');
  });

  it('prints no control character from the file: escape sequences and bidirectional overrides are shown escaped', async () => {
    const bundle = JSON.parse((await download('?revision=5')).reply.text);
    bundle.createdBy.name = '\u001b[2J\u001b[1;1Hverified\r\u202eeciffO\nverified';
    const outcome = commandLine(`${canonical(bundle)}\n`, '--keys', await publishedKeysFile());
    expect(outcome.status).toBe(1);
    expect(outcome.stdout).not.toMatch(/[\u001b\r\u202e]/);
    expect(outcome.stdout).not.toMatch(/^verified/m);
    expect(outcome.stdout).toContain('made ');
    expect(outcome.stdout).toContain('\\u{001b}[2J\\u{001b}[1;1Hverified\\u{000d}\\u{202e}eciffO\\u{000a}verified');
    expect(outcome.last).toMatch(/^FAILED at format, liveBlogId, /);
  });

  it('answers bad input with a clear error and signs nothing for a tampered store', async () => {
    await t.http.get(`/api/live-blogs/${BLOG}/evidence?revision=99`).set(auditor()).expect(404);
    await t.http.get(`/api/live-blogs/${BLOG}/evidence?revision=-1`).set(auditor()).expect(400);
    await t.http.get(`/api/live-blogs/no-such-story/evidence`).set(auditor()).expect(404);
    await t.http.get(`/api/live-blogs/${BLOG}/evidence`).expect(401);
    await t.http.get(`/api/live-blogs/${BLOG}/evidence`).set(editor()).expect(403);
    expect(await runBundleCommand(['verify-bundle'])).toMatchObject({ exitCode: 2 });
    expect(await runBundleCommand(['verify-bundle', join(folder, 'absent.json')])).toMatchObject({ exitCode: 2 });
    openSqliteConnection(file).exec(
      `UPDATE events SET data = json_set(data, '$.body', 'forged') WHERE stream = '${STREAM}' AND revision = 2`,
    );
    const refused = await t.http.get(`/api/live-blogs/${BLOG}/evidence`).set(auditor()).expect(409);
    expect(refused.body.message).toMatch(/broken at revision 2/);
  });
});
