import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Observable, Subject, type Subscriber } from 'rxjs';
import { DuplicateEventId, InvalidCheckpoint, RewriteTargetMissing, WrongExpectedRevision } from '../errors.js';
import { GroupCommit, type Outcome } from './group-commit.js';
import {
  matchesExpected,
  type AppendOptions,
  type AppendResult,
  type Checkpoint,
  type EventRewrite,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type RedactOptions,
  type OpenOptions,
  type SubscribeOptions,
} from '../event-store.js';
import { SqliteSnapshots } from './sqlite-snapshots.js';
import { earlierEpochsOf, renewed, type StoreEpochs } from '../store-epochs.js';
import { systemClock, type Clock } from '../../kernel/index.js';

const SCHEMA_VERSION = '1';

// AUTOINCREMENT (not a bare rowid) so a position is never handed out twice, even after the last row is deleted.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT NOT NULL UNIQUE,
    stream      TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT NOT NULL,
    data        TEXT NOT NULL,
    metadata    TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream, revision)
  );
  CREATE TABLE IF NOT EXISTS store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
`;

const EVENT_COLUMNS =
  'position, event_id AS eventId, stream, revision, type, data, metadata, recorded_at AS recordedAt';
/** SQLite reads LIMIT -1 as "no limit". */
const NO_LIMIT = -1;
/** Keeps one catch-up query small enough that the event loop is not blocked for long between pages. */
const PAGE_SIZE = 500;
/** A position fits in 16 digits (SQLite's rowid tops out at 2^63, but positions stay safe integers, below 2^53). */
const CHECKPOINT_DIGITS = 16;
const CHECKPOINT_SHAPE = /^\d{16}$/;
/** Only appends made through other connections wait for this; local commits wake subscribers at once. */
const POLL_INTERVAL_MS = 100;

interface EventRow {
  position: number;
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
}

interface AppendRequest {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
}

interface BatchOutcome {
  readonly result: AppendResult;
  /** False for a retried batch and an empty one: nothing committed, so subscribers are not woken. */
  readonly written: boolean;
}

interface StoredPlace {
  stream: string;
  revision: number;
  position: number;
}

interface SqliteSettings {
  readonly journalMode: string;
  readonly synchronous: number;
  readonly busyTimeoutMs: number;
}

/**
 * Opens (and on first use creates) the store; `:memory:` gives a private store that lives as long as it is open.
 * `clock` dates each commit's `recordedAt`.
 */
export async function openSqliteEventStore(
  path: string,
  clock: Clock = systemClock,
  options: OpenOptions = {},
): Promise<SqliteEventStore> {
  if (path !== ':memory:' && path !== '') {
    await mkdir(dirname(path), { recursive: true });
    ownerOnly(path);
  }
  return new SqliteEventStore(retain(new Database(path)), clock, options);
}

/**
 * The store holds password hashes, sessions and unpublished text: its file is the owner's alone
 * (0600, like the keys). It is made empty with that mode before SQLite opens it (an empty file is an
 * empty database), and SQLite gives its -wal and -shm files the database file's mode; a store made
 * before this rule, and its journal files, are narrowed when opened.
 */
function ownerOnly(path: string): void {
  if (!existsSync(path)) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/**
 * better-sqlite3 12 (13 crashes on Node 20) wraps connections and statements in node::ObjectWrap;
 * from Node 24.19 their destructor aborts the process when a garbage collection outside any
 * JavaScript context frees one (WiseLibs/better-sqlite3#1515). So no handle is ever left to the
 * collector: statements are prepared once and kept, with their connection, for the process's life.
 */
const retained: object[] = [];

/** A raw connection to a store's file, for tools and tests that must look under the port (kept alive, see above). */
export function openSqliteConnection(path: string): Database.Database {
  return retain(new Database(path));
}

export function retain<T extends object>(handle: T): T {
  retained.push(handle);
  return handle;
}

export class SqliteEventStore implements EventStore {
  readonly epoch: string;
  readonly earlierEpochs: readonly string[];
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appends: GroupCommit<AppendRequest, BatchOutcome>;
  private readonly redactTransaction: (
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
    rewrites: readonly EventRewrite[],
  ) => BatchOutcome;
  /** Fired after each local commit so in-process subscribers need not wait for the poll. */
  private readonly committed = new Subject<void>();
  private readonly subscribers = new Set<Subscriber<RecordedEvent>>();
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock = systemClock,
    options: OpenOptions = {},
  ) {
    configure(db);
    ({ epoch: this.epoch, earlierEpochs: this.earlierEpochs } = initialise(db, options));
    this.statements = prepareStatements(db);
    // Each batch in a savepoint of the group's transaction: a batch refused rolls back alone, the
    // others commit; and each batch's checks see the batches before it, as if they had committed first.
    const appendOne = db.transaction((request: AppendRequest) =>
      this.appendBatch(request.stream, request.events, request.expected),
    );
    const commitGroup = db.transaction((requests: readonly AppendRequest[]) =>
      requests.map((request): Outcome<BatchOutcome> => {
        try {
          return { ok: true, value: appendOne(request) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    ).immediate;
    this.redactTransaction = db.transaction(
      (
        stream: string,
        events: readonly EventToAppend[],
        expected: ExpectedRevision,
        rewrites: readonly EventRewrite[],
      ) => this.redactBatch(stream, events, expected, rewrites),
    ).immediate;
    this.appends = new GroupCommit((requests) => {
      const outcomes = commitGroup(requests);
      // Subscribers are woken in a task of their own: delivery never runs inside a writer's append.
      if (outcomes.some((outcome) => outcome.ok && outcome.value.written)) queueMicrotask(() => this.committed.next());
      return outcomes;
    });
  }

  /**
   * An empty batch writes nothing; it checks expectedRevision and answers with the stream's
   * current state: nextRevision = last revision + 1, position and checkpoint = the stream's last event's
   * (0 and the all-zeros checkpoint when there is no stream).
   */
  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const { result } = await this.appends.submit({ stream, events, expected: options.expectedRevision });
    return result;
  }

  /**
   * With secure_delete on, SQLite zeroes the cells and pages the rewrite frees; VACUUM then rebuilds
   * the file from the live rows only (no free page or stale cell left from earlier writes), and the
   * TRUNCATE checkpoint copies the WAL into the file and cuts the WAL, where every page image ever
   * logged (the old text's too) lay, to zero bytes. VACUUM runs on this thread: about as long as
   * reading the whole file once.
   */
  async redact(stream: string, events: readonly EventToAppend[], options: RedactOptions): Promise<AppendResult> {
    this.db.exec('PRAGMA secure_delete = ON');
    const { result, written } = this.redactTransaction(stream, events, options.expectedRevision, options.rewrites);
    if (!written) return result;
    queueMicrotask(() => this.committed.next());
    if (!this.db.memory) {
      this.db.exec('VACUUM');
      await this.truncateWal();
    }
    return result;
  }

  /** The snapshots kept in this store's file, through its connection. */
  snapshots(): SqliteSnapshots {
    return new SqliteSnapshots(this.db);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { direction = 'forwards', maxCount = NO_LIMIT } = options;
    const rows =
      direction === 'forwards'
        ? this.statements.readStreamForwards.all(stream, options.fromRevision ?? 0, maxCount)
        : this.statements.readStreamBackwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, maxCount);
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(positionAfter(options.after), options.maxCount ?? NO_LIMIT);
  }

  async readEvent(eventId: string): Promise<RecordedEvent | null> {
    const row = this.statements.readEvent.get(eventId);
    return row ? toRecorded(row) : null;
  }

  async streamRevision(stream: string): Promise<number> {
    return this.statements.streamHead.get(stream)?.revision ?? -1;
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    const start = positionAfter(options.after);
    return new Observable<RecordedEvent>((subscriber) => {
      let afterPosition = start;
      // A subscriber that appends inside next() re-enters drain() through `committed`; the flags turn that
      // into one more pass of the running loop instead of a second, interleaved delivery.
      let draining = false;
      let dirty = false;
      const drain = async (): Promise<void> => {
        if (draining) {
          dirty = true;
          return;
        }
        draining = true;
        try {
          do {
            dirty = false;
            for (;;) {
              const page = this.readAfter(afterPosition, PAGE_SIZE);
              for (const event of page) {
                if (subscriber.closed) return;
                afterPosition = event.position;
                subscriber.next(event);
              }
              if (page.length < PAGE_SIZE) break;
              await new Promise((resolve) => setImmediate(resolve));
              if (subscriber.closed) return;
            }
          } while (dirty && !subscriber.closed);
        } catch (error) {
          subscriber.error(error);
        } finally {
          draining = false;
        }
      };
      this.subscribers.add(subscriber);
      const notifications = this.committed.subscribe(() => void drain());
      const poll = setInterval(() => void drain(), POLL_INTERVAL_MS);
      poll.unref();
      subscriber.add(() => {
        clearInterval(poll);
        notifications.unsubscribe();
        this.subscribers.delete(subscriber);
      });
      void drain();
    });
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  /** Completes live subscriptions, then closes the connection; later calls do nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appends.flush(); // appends already made are committed, not lost with the connection
    for (const subscriber of [...this.subscribers]) subscriber.complete();
    this.committed.complete();
    this.db.close();
  }

  /** The connection's durability settings as SQLite reports them. */
  settings(): SqliteSettings {
    return {
      journalMode: String(this.statements.journalMode.get()),
      synchronous: Number(this.statements.synchronous.get()),
      busyTimeoutMs: Number(this.statements.busyTimeout.get()),
    };
  }

  /**
   * Runs inside BEGIN IMMEDIATE: the write lock is held from the first read, so the checks below
   * see the state the inserts will commit on. Positions are allocated under that same lock, hence in
   * commit order, which is what makes `position > last` a gap-free cursor for subscribers.
   */
  private appendBatch(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): BatchOutcome {
    const original = this.originalResult(stream, events);
    if (original) return { result: original, written: false };
    const head = this.statements.streamHead.get(stream);
    const current = head?.revision ?? -1;
    if (!matchesExpected(expected, current)) throw new WrongExpectedRevision(stream, expected, current);
    if (events.length === 0) return { result: resultAt(current + 1, head?.position ?? 0), written: false };
    const recordedAt = this.clock.now().toISOString();
    let position = 0;
    events.forEach((event, index) => {
      position = this.insert(stream, current + 1 + index, event, recordedAt);
    });
    return { result: resultAt(current + 1 + events.length, position), written: true };
  }

  private redactBatch(
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
    rewrites: readonly EventRewrite[],
  ): BatchOutcome {
    const outcome = this.appendBatch(stream, events, expected);
    if (!outcome.written) return outcome; // a retry: the first attempt rewrote them
    for (const { eventId, revision, data, metadata } of rewrites) {
      const updated = this.statements.rewrite.run(
        JSON.stringify(data),
        JSON.stringify(metadata),
        stream,
        revision,
        eventId,
      );
      if (updated.changes !== 1) throw new RewriteTargetMissing(stream, revision, eventId);
    }
    return outcome;
  }

  /** Another connection reading an old snapshot holds the WAL: wait for it (5 s at most). */
  private async truncateWal(): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const outcome = this.statements.truncateWal.get() as { busy: number } | undefined;
      if (outcome?.busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the redaction is stored, but another connection kept the WAL from being emptied: retry later');
  }

  /** A retried batch answers what the first attempt answered; a batch that only partly matches one is refused. */
  private originalResult(stream: string, events: readonly EventToAppend[]): AppendResult | null {
    const first = events[0] && this.statements.placeOf.get(events[0].eventId);
    if (!first) return null;
    let last = first;
    events.forEach((event, index) => {
      const stored = index === 0 ? first : this.statements.placeOf.get(event.eventId);
      if (stored?.stream !== stream || first.stream !== stream || stored.revision !== first.revision + index) {
        throw new DuplicateEventId(event.eventId);
      }
      last = stored;
    });
    return resultAt(last.revision + 1, last.position);
  }

  private insert(stream: string, revision: number, event: EventToAppend, recordedAt: string): number {
    try {
      const { lastInsertRowid } = this.statements.insert.run(
        event.eventId,
        stream,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        recordedAt,
      );
      return Number(lastInsertRowid);
    } catch (error) {
      // (stream, revision) cannot clash under the write lock, so a unique violation is an event id
      // stored elsewhere or repeated within the batch; throwing rolls the whole batch back.
      if (isUniqueViolation(error)) throw new DuplicateEventId(event.eventId);
      throw error;
    }
  }

  private readAfter(afterPosition: number, maxCount: number): RecordedEvent[] {
    return this.statements.readAll.all(afterPosition, maxCount).map(toRecorded);
  }
}

function configure(db: Database.Database): void {
  // Set first, so switching to WAL waits for another process that holds the file.
  // exec, not pragma(): pragma() prepares a statement the collector would later free (see retain).
  db.exec('PRAGMA busy_timeout = 5000');
  if (!db.memory) db.exec('PRAGMA journal_mode = WAL');
  // An acknowledged append must survive power loss: in WAL mode NORMAL may lose the last commits on
  // power loss, FULL syncs the WAL on every commit.
  db.exec('PRAGMA synchronous = FULL');
}

/**
 * Creates the schema if needed and returns the store's epochs: the epoch is made when the store is
 * first created, and anew when asked (`newEpoch`) or when the file is a copy made by
 * `backupSqliteStore` opened for the first time (a restore: its readers must redraw).
 */
function initialise(db: Database.Database, options: OpenOptions): StoreEpochs {
  return db
    .transaction(() => {
      db.exec(SCHEMA);
      const remember = retain(
        db.prepare<[string, string]>('INSERT OR IGNORE INTO store_meta (key, value) VALUES (?, ?)'),
      );
      remember.run('epoch', randomUUID());
      remember.run('schema_version', SCHEMA_VERSION);
      const recall = retain(db.prepare<[string], string>('SELECT value FROM store_meta WHERE key = ?').pluck());
      const version = recall.get('schema_version');
      if (version !== SCHEMA_VERSION) {
        throw new Error(`event store schema version ${version} is not supported (expected ${SCHEMA_VERSION})`);
      }
      const stored = { epoch: recall.get('epoch')!, earlierEpochs: earlierEpochsOf(recall.get('earlier_epochs')) };
      if (!options.newEpoch && recall.get(BACKUP_MARK) === undefined) return stored;
      const next = renewed(stored);
      const replace = retain(
        db.prepare<[string, string]>('INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)'),
      );
      replace.run('epoch', next.epoch);
      replace.run('earlier_epochs', JSON.stringify(next.earlierEpochs));
      retain(db.prepare<[string]>('DELETE FROM store_meta WHERE key = ?')).run(BACKUP_MARK);
      return next;
    })
    .immediate();
}

/** Written into a backup copy by `backupSqliteStore`: the first open of the copy (a restore) makes a new epoch. */
export const BACKUP_MARK = 'backup_of';

function prepareStatements(db: Database.Database) {
  const statements = {
    insert: db.prepare<[string, string, number, string, string, string, string]>(
      'INSERT INTO events (event_id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    placeOf: db.prepare<[string], StoredPlace>('SELECT stream, revision, position FROM events WHERE event_id = ?'),
    streamHead: db.prepare<[string], Omit<StoredPlace, 'stream'>>(
      'SELECT revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    ),
    readStreamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    readStreamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    readAll: db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
    ),
    readEvent: db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ?`),
    rewrite: db.prepare<[string, string, string, number, string]>(
      'UPDATE events SET data = ?, metadata = ? WHERE stream = ? AND revision = ? AND event_id = ?',
    ),
    truncateWal: db.prepare('PRAGMA wal_checkpoint(TRUNCATE)'),
    ping: db.prepare('SELECT 1'),
    journalMode: db.prepare('PRAGMA journal_mode').pluck(),
    synchronous: db.prepare('PRAGMA synchronous').pluck(),
    busyTimeout: db.prepare('PRAGMA busy_timeout').pluck(),
  };
  Object.values(statements).forEach(retain);
  return statements;
}

/**
 * Matched by code, not by `instanceof`: the native addon keeps the SqliteError class of the first
 * context that loaded it, so under Jest's per-file contexts the error belongs to another realm.
 */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/** Zero-padded so that checkpoints compare as strings in position order; position 0 gives the start. */
function checkpointOf(position: number): Checkpoint {
  return String(position).padStart(CHECKPOINT_DIGITS, '0') as Checkpoint;
}

/** The position a checkpoint made by this adapter stands for; 0 (before every event) when there is none. */
function positionAfter(checkpoint: Checkpoint | undefined): number {
  if (checkpoint === undefined) return 0;
  if (typeof checkpoint !== 'string' || !CHECKPOINT_SHAPE.test(checkpoint)) {
    throw new InvalidCheckpoint(String(checkpoint));
  }
  const position = Number(checkpoint);
  if (!Number.isSafeInteger(position)) throw new InvalidCheckpoint(checkpoint);
  return position;
}

function resultAt(nextRevision: number, position: number): AppendResult {
  return { nextRevision, position, checkpoint: checkpointOf(position) };
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.eventId,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    checkpoint: checkpointOf(row.position),
    recordedAt: row.recordedAt,
  };
}
