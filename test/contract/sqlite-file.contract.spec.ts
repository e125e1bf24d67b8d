import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, timeout, toArray } from 'rxjs';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-event-store-'));
let stores = 0;
let currentPath = '';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A nested path, so opening also has to create the parent directories.
eventStoreContract(
  'sqlite file',
  () => openSqliteEventStore((currentPath = join(dir, `store-${++stores}`, 'events.db'))),
  (options) => openSqliteEventStore(currentPath, undefined, options),
);

describe('sqlite file store', () => {
  const opened: SqliteEventStore[] = [];
  const open = async (path: string) => {
    const store = await openSqliteEventStore(path);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('is durable: WAL journal, synchronous FULL, and waits for other writers', async () => {
    const store = await open(join(dir, 'settings', 'events.db'));
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 2, busyTimeoutMs: 5000 });
  });

  it('creates the database and its WAL and SHM files readable by the owner only (0600), and narrows an older file', async () => {
    const path = join(dir, 'private', 'events.db');
    const store = await open(path);
    await store.append('liveblog-alpha', [{ eventId: 'private', type: 'T', data: {}, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);

    const older = join(dir, 'older.db');
    writeFileSync(older, '');
    chmodSync(older, 0o644);
    await open(older);
    expect(mode(older)).toBe(0o600);
  });

  it('delivers to a subscriber events that another connection appends to the same file', async () => {
    const path = join(dir, 'shared', 'events.db');
    const writer = await open(path);
    const reader = await open(path);
    expect(reader.epoch).toBe(writer.epoch);
    await writer.append('liveblog-alpha', [{ eventId: 'stored', type: 'T', data: {}, metadata: {} }], {
      expectedRevision: 'any',
    });
    const received = firstValueFrom(reader.subscribeToAll().pipe(take(3), toArray(), timeout({ first: 5000 })));
    await writer.append('liveblog-alpha', [{ eventId: 'live-1', type: 'T', data: {}, metadata: {} }], {
      expectedRevision: 0,
    });
    await writer.append('liveblog-bravo', [{ eventId: 'live-2', type: 'T', data: {}, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    expect((await received).map((e) => e.eventId)).toEqual(['stored', 'live-1', 'live-2']);
  });
});
