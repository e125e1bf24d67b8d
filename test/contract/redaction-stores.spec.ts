import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { RewriteTargetMissing, WrongExpectedRevision } from '../../src/event-store/errors.js';
import type { EventStore, EventToAppend } from '../../src/event-store/event-store.js';
import { openSqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';

const STREAM = 'liveblog-naryn';
const NAME = 'Zarina Toktogulova';
const PLACEHOLDER = '[redacted: Court order 2010/117]';

const event = (eventId: string, body: string): EventToAppend => ({
  eventId,
  type: 'UpdatePosted',
  data: { updateId: eventId, kind: 'report', body },
  metadata: { note: `metadata of ${eventId}` },
});

/** A store with three events, the second naming someone; then its redaction, as the command path writes it. */
async function story(store: EventStore): Promise<void> {
  await store.append(
    STREAM,
    [
      event('e0', 'Protesters gathered.'),
      event('e1', `${NAME}, 14, was hurt.`.padEnd(300, ' The crowd moved on.')),
      event('e2', 'Calm returned.'),
    ],
    { expectedRevision: 'no_stream' },
  );
}

const rewrite = { eventId: 'e1', revision: 1, data: { updateId: 'e1', body: PLACEHOLDER }, metadata: { redacted: 1 } };

/** The port's redact, the same on every store that can rewrite. */
function redactContract(name: string, open: () => Promise<EventStore>) {
  describe(`${name}: redact`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await open();
      await story(store);
    });
    afterEach(() => store.close());

    it('appends the redaction and rewrites the named event in one go, leaving the feed as it was', async () => {
      const before = await store.readAll();
      const result = await store.redact(STREAM, [event('r3', 'redaction')], {
        expectedRevision: 2,
        rewrites: [rewrite],
      });
      expect(result.nextRevision).toBe(4);
      const events = await store.readStream(STREAM);
      expect(events.map((stored) => stored.eventId)).toEqual(['e0', 'e1', 'e2', 'r3']);
      expect(events[1]).toMatchObject({ type: 'UpdatePosted', data: rewrite.data, metadata: rewrite.metadata });
      expect(events[0]).toStrictEqual(before[0]); // the others untouched
      // The rewritten event keeps its place: the feed does not deliver it again.
      const after = await store.readAll({ after: before.at(-1)!.checkpoint });
      expect(after.map((stored) => stored.eventId)).toEqual(['r3']);
      expect(JSON.stringify(await store.readAll())).not.toContain(NAME);
    });

    it('writes nothing when the expected revision is stale or a rewrite names no stored event', async () => {
      await expect(
        store.redact(STREAM, [event('r3', 'redaction')], { expectedRevision: 1, rewrites: [rewrite] }),
      ).rejects.toThrow(WrongExpectedRevision);
      await expect(
        store.redact(STREAM, [event('r3', 'redaction')], {
          expectedRevision: 2,
          rewrites: [rewrite, { ...rewrite, eventId: 'e2' }], // e2 is not at revision 1
        }),
      ).rejects.toThrow(RewriteTargetMissing);
      const events = await store.readStream(STREAM);
      expect(events.map((stored) => stored.eventId)).toEqual(['e0', 'e1', 'e2']);
      expect(JSON.stringify(events[1]!.data)).toContain(NAME);
    });
  });
}

redactContract('sqlite :memory:', () => openSqliteEventStore(':memory:'));

describe('sqlite file: no copy of the redacted text survives in the database files', () => {
  let folder: string;
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('scans the file and its WAL byte by byte: the text is there before and nowhere after', async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-redact-'));
    const file = join(folder, 'events.db');
    const bytes = () =>
      [file, `${file}-wal`, `${file}-journal`]
        .filter(existsSync)
        .map((path) => readFileSync(path).toString('latin1'))
        .join('');
    const store = await openSqliteEventStore(file);
    await story(store);
    // Many more rows, so the text sits among pages that were split and moved as the file grew.
    for (let batch = 0; batch < 20; batch++) {
      const filler = Array.from({ length: 50 }, (_, index) => event(`f${batch}-${index}`, `Filler ${batch} ${index}.`));
      await store.append(STREAM, filler, { expectedRevision: 'any' });
    }
    expect(bytes()).toContain(NAME);
    const revision = await store.streamRevision(STREAM);
    const started = performance.now();
    await store.redact(STREAM, [event('r', 'redaction')], { expectedRevision: revision, rewrites: [rewrite] });
    const ms = performance.now() - started;
    expect(bytes()).not.toContain(NAME);
    expect(bytes()).not.toContain(NAME.split(' ')[1]);
    console.log(`sqlite redaction over ${revision + 2} events: ${ms.toFixed(0)} ms, text found 0 times in file + WAL`);
    await store.close();
  });
});

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

await describeWithPostgres('postgres redaction', () => {
  redactContract('postgres', () => schemas.open());

  it('leaves no copy in the table files: the live file and its TOAST read through pg_read_binary_file', async () => {
    const store = await schemas.open();
    const schema = schemas.last;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    /** The table's and its TOAST table's files as on disk (after a CHECKPOINT flushed the buffers). */
    const fileBytes = async () => {
      await admin.query('CHECKPOINT');
      const { rows } = await admin.query<{ bytes: Buffer }>(
        `SELECT pg_read_binary_file(pg_relation_filepath(oid)) AS bytes FROM pg_class
          WHERE oid = $1::regclass OR oid = (SELECT reltoastrelid FROM pg_class WHERE oid = $1::regclass)`,
        [`"${schema}".events`],
      );
      return rows.map((row) => row.bytes.toString('latin1')).join('');
    };
    try {
      await story(store);
      expect(await fileBytes()).toContain(NAME); // the method sees the text while it is stored
      await store.redact(STREAM, [event('r3', 'redaction')], { expectedRevision: 2, rewrites: [rewrite] });
      expect(await fileBytes()).not.toContain(NAME);
      console.log('postgres redaction: text found 0 times in the events table and TOAST files after VACUUM FULL');
    } finally {
      await admin.end();
      await store.close();
    }
  });
});
