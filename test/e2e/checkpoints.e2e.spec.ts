import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteConnection } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { recomputedContentHash, type StoredEvent } from '../../src/live-blog/application/envelope.js';
import { chainHash } from '../../src/live-blog/application/hash-chain.js';
import { checkSignature, signCheckpoint, type SignedCheckpoint } from '../../src/signing/checkpoint.js';
import { verifyBundle } from '../../src/proof/bundle-verifier.js';
import { CheckpointArchive } from '../../src/proof/checkpoint-archive.js';
import { runCheckpointCommand } from '../../src/proof/checkpoint-command.js';
import { resolveCheckpointKeys } from '../../src/signing/checkpoint-keys.js';
import { keyringOf, publishedKeyOf } from '../../src/signing/keyring.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-curfew';
const STREAM = `liveblog-${BLOG}`;

describe('signed checkpoints: the head of each story, signed, and proof that history extends it', () => {
  let folder: string;
  let file: string;
  let t: TestApp;
  const editor = () => bearer(t.token('editor'));
  const auditor = () => bearer(t.token('auditor'));
  const post = (body: string) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor()).send({ kind: 'report', body }).expect(201);
  const checkpoint = async (): Promise<SignedCheckpoint> =>
    (await t.http.get(`/api/live-blogs/${BLOG}/checkpoint`).expect(200)).body;
  const verifyOverHttp = async (signed: unknown) =>
    (
      await t.http
        .post(`/api/live-blogs/${BLOG}/checkpoint/verification`)
        .set(auditor())
        .send(signed as object)
        .expect(200)
    ).body;
  /** The command line, with the checkpoint saved to a file as an auditor would. */
  const verifyOnCommandLine = (signed: unknown) => {
    const saved = join(folder, `checkpoint-${Math.random()}.json`);
    writeFileSync(saved, JSON.stringify(signed));
    return runCheckpointCommand(
      ['verify', BLOG, '--checkpoint', saved],
      t.store,
      resolveCheckpointKeys(t.config).published,
    );
  };
  /** Straight into the SQLite file, as someone with access to the disk would. */
  const tamper = (sql: string) => openSqliteConnection(file).exec(sql);

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-proof-'));
    file = join(folder, 'events.db');
    t = await startApp({ storePath: file, env: { CHECKPOINT_INTERVAL_S: '0' } });
    await givenLiveBlog(t, { id: BLOG, title: 'Curfew in Osh' }, { headers: editor() });
    for (const body of ['Troops deployed.', 'Shops shut early.', 'Curfew from 20:00.', 'Streets empty.'])
      await post(body);
  });
  afterEach(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes the key, and signs the head once per revision: the route, the article and the change feed agree', async () => {
    const keys = (await t.http.get('/.well-known/dateline-keys.json').expect(200)).body;
    expect(keys.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', status: 'current' })]);
    const signed = await checkpoint();
    const stored = (await t.http.get(`/api/live-blogs/${BLOG}/events?fromRevision=4`).set(auditor()).expect(200)).body;
    expect(signed).toMatchObject({ liveBlogId: BLOG, revision: 4, storeEpoch: t.store.epoch, keyId: keys.keys[0].kid });
    expect(signed.hash).toBe(stored.events[0].metadata.hash);
    expect(checkSignature(signed, keyringOf(keys))).toBe('valid');
    // The same signature everywhere: signed once for revision 4, not per request.
    expect((await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.checkpoint).toEqual(signed);
    expect((await t.http.get(`/api/live-blogs/${BLOG}/changes?afterRevision=2`).expect(200)).body.checkpoint).toEqual(
      signed,
    );
    expect(await checkpoint()).toEqual(signed);
    await t.http.get('/api/live-blogs/no-such-story/checkpoint').expect(404);
  });

  it('sends the checkpoint of its revision with each push', async () => {
    const reader = await connectReader(t.url);
    try {
      await reader.subscribe(BLOG);
      await post('A second convoy arrived.');
      await post('The mayor spoke.');
      await reader.waitForRevision(6);
      const keys = resolveCheckpointKeys(t.config).keyring;
      for (const event of reader.events as ((typeof reader.events)[number] & { checkpoint: SignedCheckpoint })[]) {
        expect(event.checkpoint).toMatchObject({ liveBlogId: BLOG, revision: event.revision });
        expect(checkSignature(event.checkpoint, keys)).toBe('valid');
      }
      expect(reader.events.map((event) => event.revision)).toEqual([5, 6]);
    } finally {
      reader.close();
    }
  });

  it('proves that history extends a saved checkpoint after posts, corrections and retractions', async () => {
    const saved = await checkpoint();
    await post('Gunfire near the bazaar.');
    const updates = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.updates;
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/${updates[0].updateId}/retraction`)
      .set(editor())
      .send({ reason: 'Unconfirmed' })
      .expect(201);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/${updates[1].updateId}/corrections`)
      .set(editor())
      .send({ body: 'The streets were empty by 21:00.', reason: 'Time' })
      .expect(201);
    expect(await verifyOverHttp(saved)).toMatchObject({ ok: true, verdict: 'extends', checkpointRevision: 4, head: 7 });
    const outcome = await verifyOnCommandLine(saved);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.lines.at(-1)).toMatch(/extends the checkpoint: the same hash at revision 4, .* 0 to 7/);
  });

  it('treats a lawful redaction as the integrity check does: history still extends, and the redaction is named', async () => {
    const saved = await checkpoint();
    const updates = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.updates;
    const target = updates.find((update: { body: string }) => update.body === 'Shops shut early.');
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/${target.updateId}/redaction`)
      .set(bearer(t.token('admin', 'Ada Admin')))
      .send({ fields: ['body'], reference: 'Court order 2010/117', reason: 'Names a minor' })
      .expect(201);
    const verdict = await verifyOverHttp(saved);
    expect(verdict).toMatchObject({
      ok: true,
      verdict: 'extends',
      redactions: [{ revision: 2, fields: ['body'], reference: 'Court order 2010/117', by: { name: 'Ada Admin' } }],
    });
    expect(verdict.message).toMatch(/revision 2: body redacted at revision 5 by Ada Admin .*Court order 2010\/117/);
    const outcome = await verifyOnCommandLine(saved);
    expect(outcome.exitCode).toBe(0);
    // The bundle made afterwards holds no copy of the text, still verifies and says what was redacted.
    const bundle = (await t.http.get(`/api/live-blogs/${BLOG}/evidence`).set(auditor()).expect(200)).text;
    expect(bundle).not.toContain('Shops shut early.');
    const report = await verifyBundle(Buffer.from(bundle, 'utf8'), resolveCheckpointKeys(t.config).keyring);
    expect(report.ok).toBe(true);
    expect(report.lines).toContainEqual(expect.stringMatching(/^revision 2: body lawfully redacted at revision 5/));
  });

  it('names a truncation: the newest rows cut from the SQLite file', async () => {
    const saved = await checkpoint();
    tamper(`DELETE FROM events WHERE stream = '${STREAM}' AND revision > 2`);
    // The integrity check alone cannot see it: what is left is a perfect chain.
    expect((await t.http.get(`/api/live-blogs/${BLOG}/integrity`).set(auditor()).expect(200)).body.ok).toBe(true);
    expect(await verifyOverHttp(saved)).toMatchObject({ ok: false, verdict: 'truncated', revision: 2 });
    const outcome = await verifyOnCommandLine(saved);
    expect(outcome).toMatchObject({ exitCode: 1 });
    expect(outcome.lines.at(-1)).toMatch(/truncated after revision 2: the checkpoint signed revision 4/);
  });

  it('names a truncation by exactly one event: the signed head itself cut', async () => {
    const saved = await checkpoint();
    tamper(`DELETE FROM events WHERE stream = '${STREAM}' AND revision = 4`);
    const verdict = await verifyOverHttp(saved);
    expect(verdict).toMatchObject({ ok: false, verdict: 'truncated', revision: 3, head: 3 });
    expect(verdict.message).toMatch(
      /^truncated after revision 3: the checkpoint signed revision 4, .*\(1 event gone\)/,
    );
    const outcome = await verifyOnCommandLine(saved);
    expect(outcome).toMatchObject({ exitCode: 1 });
    expect(outcome.lines.at(-1)).toMatch(/truncated after revision 3: the checkpoint signed revision 4/);
  });

  it('names the truncation as well when the rows cut held a redaction: the emptied field is unexplained', async () => {
    const updates = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.updates;
    const target = updates.find((update: { body: string }) => update.body === 'Shops shut early.');
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/${target.updateId}/redaction`)
      .set(bearer(t.token('admin', 'Ada Admin')))
      .send({ fields: ['body'], reference: 'Court order 2010/117', reason: 'Names a minor' })
      .expect(201);
    const saved = await checkpoint();
    tamper(`DELETE FROM events WHERE stream = '${STREAM}' AND revision > 4`);
    const verdict = await verifyOverHttp(saved);
    expect(verdict).toMatchObject({ ok: false, verdict: 'altered', revision: 2 });
    expect(verdict.message).toMatch(
      /emptied without a redaction event.*; and truncated after revision 4: .*revision 5/,
    );
  });

  it('names a rewrite: the whole stream rewritten with an altered update and freshly computed hashes', async () => {
    const saved = await checkpoint();
    rewriteStream(file, STREAM, (data, revision) => (revision === 2 ? { ...data, body: 'Shops stayed open.' } : data));
    expect((await t.http.get(`/api/live-blogs/${BLOG}/integrity`).set(auditor()).expect(200)).body.ok).toBe(true);
    expect(await verifyOverHttp(saved)).toMatchObject({ ok: false, verdict: 'rewritten', revision: 4 });
    const outcome = await verifyOnCommandLine(saved);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines.at(-1)).toMatch(/rewritten from revision 4 or earlier/);
  });

  it('narrows a rewrite down with the checkpoints the server stored on the way', async () => {
    await t.app.get(CheckpointArchive).recordAll(); // stored: revision 4
    await post('Curfew extended.');
    await post('Schools closed.');
    const saved = await checkpoint(); // the auditor's: revision 6
    rewriteStream(file, STREAM, (data, revision) => (revision === 5 ? { ...data, body: 'Curfew lifted.' } : data));
    expect(await verifyOverHttp(saved)).toMatchObject({ verdict: 'rewritten', revision: 6 });
    expect((await verifyOverHttp(saved)).message).toMatch(
      /^rewritten from revision 6 or earlier \(the stored checkpoint of revision 4 still holds\)/,
    );
    rewriteStream(file, STREAM, (data, revision) => (revision === 2 ? { ...data, body: 'Shops stayed open.' } : data));
    expect(await verifyOverHttp(saved)).toMatchObject({ verdict: 'rewritten', revision: 4 });
    const outcome = await verifyOnCommandLine(saved);
    expect(outcome.lines.at(-1)).toMatch(/rewritten from revision 4 or earlier: /);
  });

  it('names an altered checkpoint, an unknown key, another store and another story', async () => {
    const saved = await checkpoint();
    const otherKey = generateKeyPairSync('ed25519');
    const stranger = signCheckpoint(saved, {
      keyId: publishedKeyOf(otherKey.publicKey, 'current').kid,
      privateKey: otherKey.privateKey,
    });
    const ours = resolveCheckpointKeys(t.config).signing;
    const cases: [string, unknown, string][] = [
      ['a later revision claimed', { ...saved, revision: 3 }, 'signature_invalid'],
      [
        'another hash',
        { ...saved, hash: saved.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
        'signature_invalid',
      ],
      ['another time', { ...saved, at: '2030-01-01T00:00:00.000Z' }, 'signature_invalid'],
      ['a signature from elsewhere', { ...saved, signature: stranger.signature }, 'signature_invalid'],
      ['a key nobody published', stranger, 'unknown_key'],
      ['another store', signCheckpoint({ ...saved, storeEpoch: 'another-epoch' }, ours), 'other_store'],
      ['another story', signCheckpoint({ ...saved, liveBlogId: 'osh-curfew-2' }, ours), 'other_story'],
    ];
    for (const [what, signed, verdict] of cases) {
      expect([what, await verifyOverHttp(signed)]).toEqual([what, expect.objectContaining({ ok: false, verdict })]);
      const outcome = await verifyOnCommandLine(signed);
      expect([what, outcome.exitCode]).toEqual([what, 1]);
    }
  });

  it('prints no control character from a checkpoint file: a key id or story with escape sequences is shown escaped', async () => {
    const saved = await checkpoint();
    const outcome = await verifyOnCommandLine({ ...saved, keyId: '\u001b[2J\u202eextends\r\nok' });
    expect(outcome.exitCode).toBe(1);
    const printed = outcome.lines.join('\n');
    expect(printed).not.toMatch(/[\u001b\u202e\r]/);
    expect(outcome.lines).toHaveLength(2);
    expect(outcome.lines.at(-1)).toMatch(
      /^osh-curfew: unknown key: .*\\u\{001b\}\[2J\\u\{202e\}extends\\u\{000d\}\\u\{000a\}ok/,
    );
  });

  it('refuses a malformed checkpoint with the field at fault, writes nothing, and is for auditors only', async () => {
    const saved = await checkpoint();
    const before = await t.store.streamRevision(STREAM);
    const refusals: [unknown, string][] = [
      [{ ...saved, revision: -1 }, 'revision'],
      [{ ...saved, revision: 2 ** 53 }, 'revision'],
      [{ ...saved, revision: 2 ** 31 }, 'revision'],
      [{ ...saved, hash: 'abc' }, 'hash'],
      [{ ...saved, format: 'x' }, 'format'],
      [{ ...saved, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of refusals) {
      const reply = await t.http
        .post(`/api/live-blogs/${BLOG}/checkpoint/verification`)
        .set(auditor())
        .send(body as object)
        .expect(400);
      expect(reply.body.details.fields.map((fault: { field: string }) => fault.field)).toContain(field);
    }
    await t.http.post(`/api/live-blogs/${BLOG}/checkpoint/verification`).send(saved).expect(401);
    await t.http.post(`/api/live-blogs/${BLOG}/checkpoint/verification`).set(editor()).send(saved).expect(403);
    expect(await t.store.streamRevision(STREAM)).toBe(before);
    const badFile = join(folder, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ ...saved, revision: 'four' }));
    const outcome = await runCheckpointCommand(['verify', BLOG, '--checkpoint', badFile], t.store, { keys: [] });
    expect(outcome).toEqual({ exitCode: 2, lines: ['the checkpoint file: revision must be a whole number from 0'] });
  });
});

/** Rewrites every event of the stream in the file, recomputing contentHash, prevHash and hash as a forger would. */
function rewriteStream(
  file: string,
  stream: string,
  change: (data: Record<string, unknown>, revision: number) => Record<string, unknown>,
): void {
  const db = openSqliteConnection(file);
  const rows = db
    .prepare('SELECT revision, type, data, metadata FROM events WHERE stream = ? ORDER BY revision')
    .all(stream) as { revision: number; type: string; data: string; metadata: string }[];
  const update = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE stream = ? AND revision = ?');
  let prevHash = '';
  for (const row of rows) {
    const data = change(JSON.parse(row.data), row.revision);
    const metadata = JSON.parse(row.metadata);
    const contentHash = recomputedContentHash({ type: row.type, data, metadata } as StoredEvent)!;
    const hash = chainHash(prevHash, contentHash);
    update.run(
      JSON.stringify(data),
      JSON.stringify({ ...metadata, contentHash, prevHash, hash }),
      stream,
      row.revision,
    );
    prevHash = hash;
  }
}
