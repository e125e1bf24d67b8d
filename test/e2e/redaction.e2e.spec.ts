import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAuditCommand } from '../../src/audit/audit-command.js';
import { openSqliteConnection } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { fieldHashOf } from '../../src/live-blog/application/hash-chain.js';
import { verifyBundle } from '../../src/proof/bundle-verifier.js';
import { canonical } from '../../src/proof/evidence-bundle.js';
import { keyringOf } from '../../src/signing/keyring.js';
import type { SubscribeAck } from '../../src/live-blog/realtime/live-events.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-clashes';
const URL = `/api/live-blogs/${BLOG}`;
/** The name a court ordered removed (a minor), and where it appeared. */
const NAME = 'Aizada Bekova';
const REFERENCE = 'Court order 2010/117';
const PLACEHOLDER = `[redacted: ${REFERENCE}]`;
const REDACTION = { fields: ['body', 'media.caption'], reference: REFERENCE, reason: 'Names a minor' };

type Json = Record<string, any>;

describe('lawful redaction: the text is gone from the store for ever, the chain still verifies', () => {
  let folder: string;
  let file: string;
  let t: TestApp;
  let editor: Record<string, string>;
  let auditor: Record<string, string>;
  let admin: Record<string, string>;
  let live: Reader;
  /** The text as posted and corrected, by revision and field, and the salts it was stored with. */
  const written = new Map<string, string>();
  const saltsWritten = new Map<string, string>();
  /** Every byte of the store's files, the WAL included, as SQLite left them on disk. */
  const storeBytes = () =>
    [file, `${file}-wal`]
      .filter(existsSync)
      .map((path) => readFileSync(path).toString('latin1'))
      .join('');
  /** The story's snapshot as stored beside its events ('' when there is none). */
  const snapshotText = () =>
    openSqliteConnection(file)
      .prepare<[string], { state: string }>('SELECT state FROM snapshots WHERE stream = ?')
      .get(`liveblog-${BLOG}`)?.state ?? '';
  const head = async () => (await t.http.get(URL).expect(200)).body.revision as number;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-redaction-'));
    file = join(folder, 'events.db');
    // A snapshot of the view after every event: snapshots hold the story's text too.
    t = await startApp({ storePath: file, env: { SNAPSHOT_EVERY: '1' } });
    editor = bearer(t.token('editor'));
    auditor = bearer(t.token('auditor', 'Ann Auditor'));
    admin = bearer(t.token('admin', 'Grace Admin'));
    await givenLiveBlog(t, { id: BLOG, title: 'Clashes in Bishkek' }, { headers: editor });
    const media = { url: 'https://example.com/p.jpg', caption: `${NAME} at the hospital` };
    const body = `A girl, ${NAME}, 14, was hurt near the White House.`;
    await t.http.post(`${URL}/updates`).set(editor).send({ updateId: 'girl-hurt', kind: 'report', body, media });
    await t.http
      .post(`${URL}/updates/girl-hurt/corrections`)
      .set(editor)
      .send({ body: `A girl, ${NAME}, 15, was hurt near the White House.`, reason: 'Her age' })
      .expect(201);
    await t.http.post(`${URL}/updates`).set(editor).send({ kind: 'report', body: 'Crowds gathered.' }).expect(201);
    await t.http.put(`${URL}/updates/girl-hurt/pin`).set(editor).send({}).expect(201);
    const stored = (await t.http.get(`${URL}/events?limit=1000`).set(auditor).expect(200)).body.events as Json[];
    for (const event of stored.filter((candidate) => candidate.data.updateId === 'girl-hurt')) {
      for (const [path, salt] of Object.entries(event.metadata.salts ?? {})) {
        const value = path === 'media.caption' ? event.data.media.caption : event.data[path];
        written.set(`${event.revision} ${path}`, value);
        saltsWritten.set(`${event.revision} ${path}`, salt as string);
      }
    }
    live = await connectReader(t.url);
    await live.subscribe(BLOG);
  });
  afterAll(async () => {
    live.close();
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is for admins only, and bad input is refused with the field named, writing nothing', async () => {
    const before = await head();
    const route = `${URL}/updates/girl-hurt/redaction`;
    await t.http.post(route).set(editor).send(REDACTION).expect(403);
    await t.http.post(route).set(auditor).send(REDACTION).expect(403);
    for (const [bad, field] of [
      [{ ...REDACTION, fields: [] }, 'fields'],
      [{ ...REDACTION, fields: ['title'] }, 'fields'],
      [{ ...REDACTION, fields: ['byline'] }, 'fields'], // the update has no byline
      [{ ...REDACTION, reference: '<script>' }, 'reference'],
      [{ ...REDACTION, reference: undefined }, 'reference'],
      [{ ...REDACTION, reason: '' }, 'reason'],
    ] as const) {
      const response = await t.http.post(route).set(admin).send(bad).expect(400);
      const named = response.body.details.fields?.map((error: Json) => error.field) ?? [response.body.details.field];
      expect(named).toContain(field);
    }
    await t.http.post(`${URL}/updates/nope/redaction`).set(admin).send(REDACTION).expect(404);
    expect(await head()).toBe(before);
    expect(storeBytes()).toContain(NAME); // the scan below does see the text while it is stored
    expect(snapshotText()).toContain(NAME); // and so does the story's snapshot
  });

  it('removes the text everywhere, shows the reference instead, and keeps the chain verifiable', async () => {
    // when
    const created = await t.http.post(`${URL}/updates/girl-hurt/redaction`).set(admin).send(REDACTION).expect(201);
    const revision = created.body.revision as number;
    // then: no route, page or fragment carries the name any more
    const routes: [string, Record<string, string>][] = [
      [URL, {}],
      [`${URL}/updates?limit=100`, {}],
      [`${URL}/changes?afterRevision=-1`, {}],
      [`/live/${BLOG}`, {}],
      [`${URL}/events?limit=1000`, auditor],
      [`${URL}/diff?from=0&to=${revision}`, auditor],
      ...[0, 1, 2, 3, 4, revision].map((at): [string, Record<string, string>] => [
        `${URL}/as-of?revision=${at}`,
        auditor,
      ]),
      [`/audit/${BLOG}/as-of?revision=2&view=record`, auditor],
      [`/audit/${BLOG}/as-of?revision=2`, auditor],
    ];
    for (const [route, headers] of routes) {
      const { text } = await t.http.get(route).set(headers).expect(200);
      expect({ route, found: text.includes('Bekova') }).toEqual({ route, found: false });
    }
    const article = (await t.http.get(URL).expect(200)).body;
    const update = article.updates.find((candidate: Json) => candidate.updateId === 'girl-hurt');
    expect(update).toMatchObject({
      body: PLACEHOLDER,
      media: { url: 'https://example.com/p.jpg', caption: PLACEHOLDER },
    });
    // and the redaction is an event auditors see, with its reason; readers get the reference, not the reason
    const record = (await t.http.get(`${URL}/as-of`).set(auditor).expect(200)).body;
    expect(record.updates.find((candidate: Json) => candidate.updateId === 'girl-hurt').redactions).toEqual([
      {
        revision,
        at: expect.any(String),
        author: { id: 'grace-admin', name: 'Grace Admin', role: 'admin' },
        ...REDACTION,
      },
    ]);
    await live.waitForRevision(revision);
    expect(live.events.find((event) => event.revision === revision)).toMatchObject({
      type: 'UpdateRedacted',
      data: { updateId: 'girl-hurt', fields: REDACTION.fields, reference: REFERENCE, text: PLACEHOLDER },
    });
    expect(JSON.stringify(live.events.at(-1))).not.toContain('Names a minor');
    // and integrity reports the redaction instead of a break
    const integrity = (await t.http.get(`${URL}/integrity`).set(auditor).expect(200)).body;
    const by = { id: 'grace-admin', name: 'Grace Admin' };
    expect(integrity).toEqual({
      ok: true,
      checked: revision + 1,
      redactions: [
        { revision: 1, fields: ['body', 'media.caption'], redactedAt: revision, by, reference: REFERENCE },
        { revision: 2, fields: ['body'], redactedAt: revision, by, reference: REFERENCE },
      ],
    });
    const cli = await runAuditCommand(['verify', BLOG], t.store);
    expect(cli.exitCode).toBe(0);
    expect(cli.line).toContain(`revision 1: body, media.caption redacted at revision ${revision} by Grace Admin`);
    // and no copy survives in the database files: not the text, not the salts that could confirm a guess
    expect(snapshotText()).not.toContain(NAME);
    const bytes = storeBytes();
    expect(bytes).not.toContain('Bekova');
    const stored = (await t.store.readStream(`liveblog-${BLOG}`)).map((event) => JSON.stringify(event)).join('');
    expect(stored).not.toContain('Bekova');
    console.log(
      `redaction: ${revision + 1} events, store files ${bytes.length} bytes after, "Bekova" found 0 times on disk`,
    );
  });

  it('keeps no salt of a redacted field where anyone can read it: no guess of the text is confirmed', async () => {
    const events = (await t.http.get(`${URL}/events?limit=1000`).set(auditor).expect(200)).text;
    const bundle = (await t.http.get(`${URL}/evidence`).set(auditor).expect(200)).text;
    const kept = (JSON.parse(events).events as Json[]).flatMap((event) =>
      Object.entries(event.metadata.redacted ?? {}).map(([path, field]) => ({
        at: `${event.revision} ${path}`,
        fieldHash: (field as Json).fieldHash as string,
      })),
    );
    expect(kept.map(({ at }) => at).sort()).toEqual(['1 body', '1 media.caption', '2 body']);
    // The method works: with the salt stored before, the text as written confirms each commitment.
    for (const { at, fieldHash } of kept) expect(fieldHashOf(saltsWritten.get(at)!, written.get(at))).toBe(fieldHash);
    // After: those salts are nowhere, and no 32-hex string served or stored confirms the text either.
    const everything = `${events}${bundle}${storeBytes()}`;
    for (const [at, salt] of saltsWritten)
      expect({ at, found: everything.includes(salt) }).toEqual({ at, found: false });
    const candidates = new Set(
      [...`${events}${bundle}`.matchAll(/(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/g)].map(String),
    );
    const confirmed = kept.filter(({ at, fieldHash }) =>
      [...candidates].some((salt) => fieldHashOf(salt, written.get(at)) === fieldHash),
    );
    expect(confirmed).toEqual([]);
    console.log(
      `redaction salts: ${kept.length} commitments kept, ${candidates.size} salts in /events and the bundle tried, ${confirmed.length} confirmed the text`,
    );
    // And a redaction that kept its salt is named by every check: the integrity route, the command line, the bundle.
    const db = openSqliteConnection(file);
    const row = `stream = 'liveblog-${BLOG}' AND revision = 1`;
    const original = (db.prepare(`SELECT metadata FROM events WHERE ${row}`).get() as { metadata: string }).metadata;
    try {
      db.prepare(`UPDATE events SET metadata = json_set(metadata, '$.salts.body', ?) WHERE ${row}`).run(
        saltsWritten.get('1 body'),
      );
      const integrity = (await t.http.get(`${URL}/integrity`).set(auditor).expect(200)).body;
      expect(integrity).toMatchObject({ ok: false, firstBrokenRevision: 1, problem: 'redaction' });
      expect(await runAuditCommand(['verify', BLOG], t.store)).toMatchObject({ exitCode: 1 });
      await t.http.get(`${URL}/evidence`).set(auditor).expect(409);
    } finally {
      db.prepare(`UPDATE events SET metadata = ? WHERE ${row}`).run(original);
    }
    expect((await t.http.get(`${URL}/integrity`).set(auditor).expect(200)).body.ok).toBe(true);
  });

  it('makes an evidence bundle for every revision before the redaction too, proven by the redaction event', async () => {
    const redactedAt = await head();
    const keys = keyringOf((await t.http.get('/.well-known/dateline-keys.json').expect(200)).body);
    const made = [];
    for (let revision = 1; revision < redactedAt; revision++) {
      const reply = await t.http.get(`${URL}/evidence?revision=${revision}`).set(auditor).expect(200);
      expect(reply.text).not.toContain('Bekova');
      const bundle = JSON.parse(reply.text);
      expect(bundle.events.map((event: Json) => event.revision).at(-1)).toBe(revision);
      // The events after it, up to the redaction event that proves the removal lawful.
      expect(bundle.laterEvents.map((event: Json) => event.revision).at(-1)).toBe(redactedAt);
      expect(bundle.page.revision).toBe(revision);
      const report = await verifyBundle(Buffer.from(reply.text, 'utf8'), keys);
      expect([revision, report.verdict, report.lines.at(-1)]).toEqual([revision, 'verified', 'verified']);
      expect(report.lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^revision 1: body, media.caption lawfully redacted at revision ${redactedAt}`),
        ),
      );
      made.push(revision);
    }
    // Without its later events the bundle proves nothing: the emptied field is unexplained.
    const reply = await t.http.get(`${URL}/evidence?revision=2`).set(auditor).expect(200);
    const { laterEvents: _cut, ...stripped } = JSON.parse(reply.text);
    const cut = await verifyBundle(Buffer.from(`${canonical(stripped)}\n`, 'utf8'), keys);
    expect(cut.lines.at(-1)).toMatch(/^FAILED at events\[1\] \(revision 1\): altered .*without a redaction event/);
    console.log(
      `evidence between a redacted update and its redaction: revisions ${made.join(', ')} (redaction at ${redactedAt}): ${made.length} bundles, each verified`,
    );
  });

  it('gives a returning reader the article, not a replay of the text, and refuses to redact twice', async () => {
    const reader = await connectReader(t.url);
    try {
      const ack = (await reader.subscribe(BLOG, { afterRevision: 1, epoch: t.store.epoch })) as SubscribeAck & Json;
      expect(ack).toMatchObject({ ok: true, recovered: false });
      expect(JSON.stringify(ack)).not.toContain('Bekova');
    } finally {
      reader.close();
    }
    const again = await t.http.post(`${URL}/updates/girl-hurt/redaction`).set(admin).send(REDACTION).expect(409);
    expect(again.body.details).toEqual({ field: 'fields' });
  });

  it('still catches any other change to the redacted event', async () => {
    openSqliteConnection(file).exec(
      `UPDATE events SET data = json_set(data, '$.kind', 'breaking') WHERE stream = 'liveblog-${BLOG}' AND revision = 1`,
    );
    const integrity = (await t.http.get(`${URL}/integrity`).set(auditor).expect(200)).body;
    expect(integrity).toMatchObject({ ok: false, firstBrokenRevision: 1, problem: 'content' });
  });
});

describe('lawful redaction on two nodes sharing one store', () => {
  it("removes the text from the other node's views too, through the store's feed", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dateline-redaction-nodes-'));
    const file = join(folder, 'events.db');
    const [a, b] = [await startApp({ storePath: file }), await startApp({ storePath: file })];
    try {
      const editor = bearer(a.token('editor'));
      await givenLiveBlog(a, { id: BLOG, title: 'Clashes in Bishkek' }, { headers: editor });
      const body = { updateId: 'girl-hurt', kind: 'report', body: `A girl, ${NAME}, 14, was hurt.` };
      await a.http.post(`${URL}/updates`).set(editor).send(body).expect(201);
      // Node b has the text in its views (it follows the feed) before the redaction.
      await waitFor(async () => (await b.http.get(URL)).text.includes(NAME), 'node b to show the update');
      const redaction = { fields: ['body'], reference: REFERENCE, reason: 'Names a minor' };
      const admin = bearer(a.token('admin', 'Grace Admin'));
      const { revision } = (await a.http.post(`${URL}/updates/girl-hurt/redaction`).set(admin).send(redaction)).body;
      await waitFor(async () => (await b.http.get(URL)).body.revision === revision, 'node b to reach the redaction');
      for (const route of [URL, `${URL}/changes?afterRevision=-1`, `/live/${BLOG}`]) {
        const { text } = await b.http.get(route).expect(200);
        expect({ route, found: text.includes('Bekova') }).toEqual({ route, found: false });
      }
      expect((await b.http.get(URL)).body.updates[0].body).toBe(PLACEHOLDER);
    } finally {
      await b.close();
      await a.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Polls an async condition (every 20 ms, 5 s at most). */
async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
