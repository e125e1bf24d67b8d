import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { Observable, Subscriber } from 'rxjs';
import { DuplicateEventId, RewriteTargetMissing, WrongExpectedRevision } from '../errors.js';
import {
  matchesExpected,
  repeatedId,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type OpenOptions,
  type RedactOptions,
  type SubscribeOptions,
} from '../event-store.js';
import type { StoreEpochs } from '../store-epochs.js';
import { decodeCheckpoint, encodeCheckpoint, FEED_START, type FeedPlace } from './postgres-checkpoint.js';
import { followFeed, type FeedEntry, type FeedPage } from './postgres-feed.js';
import { PostgresNotifications } from './postgres-notifications.js';
import { queriesFor, type AppendRow, type EventRow, type Queries } from './postgres-queries.js';
import { migrate, schemaNames, type SchemaNames } from './postgres-schema.js';
import { isPostgresOutage } from './postgres-outage.js';
import { PostgresSnapshots } from './postgres-snapshots.js';
import { reportingOutages } from '../store-outage.js';

interface PostgresSettings {
  readonly connectionString: string;
  /** Where the store's tables live; created on first start. */
  readonly schema: string;
  readonly poolSize?: number;
  /** Connecting, and each statement, may take this long before failing as an outage (STORE_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

/** VACUUM FULL copies the whole events table: no statement timeout applies to it (setTimeout's longest). */
const VACUUM_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * How long readAll waits for appends committed before it was called to become safe to read. Appends
 * take milliseconds; a longer wait means a long transaction elsewhere, and then readAll answers what is safe.
 */
const READ_ALL_WAIT_MS = 2000;
/** A concurrent batch may take an event id between our check and our insert: check again, this often. */
const MAX_APPEND_ATTEMPTS = 3;
const UNIQUE_VIOLATION = '23505';

/** Connects, creates or migrates the schema (safe when several nodes start at once) and opens the store. */
export async function openPostgresEventStore(
  settings: PostgresSettings,
  options: OpenOptions = {},
): Promise<PostgresEventStore> {
  const names = schemaNames(settings.schema);
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    max: settings.poolSize ?? 10,
    connectionTimeoutMillis: settings.timeoutMs,
    query_timeout: settings.timeoutMs,
  });
  const logger = new Logger('PostgresEventStore');
  // An idle connection that breaks emits on the pool; unheard, that would end the process.
  pool.on('error', (error) => logger.warn(`idle connection failed: ${error.message}`));
  try {
    const epochs = await migrate(pool, names, options);
    return reportingOutages(
      new PostgresEventStore(pool, names, epochs, settings.connectionString, logger),
      isPostgresOutage,
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
}

export class PostgresEventStore implements EventStore {
  readonly epoch: string;
  readonly earlierEpochs: readonly string[];
  private readonly queries: Queries;
  private readonly notifications: PostgresNotifications;
  private readonly subscribers = new Set<Subscriber<RecordedEvent>>();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly names: SchemaNames,
    epochs: StoreEpochs,
    connectionString: string,
    private readonly logger: Logger,
  ) {
    this.epoch = epochs.epoch;
    this.earlierEpochs = epochs.earlierEpochs;
    this.queries = queriesFor(names);
    this.notifications = new PostgresNotifications({ connectionString }, names.channel, (error) =>
      logger.warn(`feed listener lost its connection (${error.message}); polling until it is back`),
    );
  }

  /** An empty batch writes nothing: it checks expectedRevision and answers with the stream as it is. */
  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        // One statement, its own transaction: one round trip to the server per append.
        return await this.appendBatch(this.pool, stream, events, options.expectedRevision);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The UPDATE leaves the old row versions in the table's pages as dead tuples: VACUUM FULL writes
   * the table (and its TOAST table) anew from the live rows and deletes the old files. It holds an
   * exclusive lock on the events table while it runs (appends and reads wait: about as long as
   * copying the table once). The old text also stays in PostgreSQL's WAL segments until they are
   * recycled, and in any WAL archive or backup: those are the operator's (DESIGN §3a).
   */
  async redact(stream: string, events: readonly EventToAppend[], options: RedactOptions): Promise<AppendResult> {
    const result = await this.inTransaction(async (client) => {
      const appended = await this.appendBatch(client, stream, events, options.expectedRevision);
      for (const { eventId, revision, data, metadata } of options.rewrites) {
        const { rowCount } = await client.query(
          `UPDATE ${this.names.events} SET data = $4::json, metadata = $5::json
            WHERE stream = $1 AND revision = $2 AND event_id = $3`,
          [stream, revision, eventId, JSON.stringify(data), JSON.stringify(metadata)],
        );
        if (rowCount !== 1) throw new RewriteTargetMissing(stream, revision, eventId);
      }
      return appended;
    });
    // node-postgres reads a per-query query_timeout that its types do not list.
    // The rewrite dropped the stream's snapshots (a trigger): their old row versions go too.
    for (const table of [this.names.events, this.names.snapshots]) {
      const vacuum = { text: `VACUUM (FULL) ${table}`, query_timeout: VACUUM_TIMEOUT_MS };
      await this.pool.query(vacuum as pg.QueryConfig);
    }
    return result;
  }

  /** The snapshots kept in this store's schema, through its pool. */
  snapshots(): PostgresSnapshots {
    return new PostgresSnapshots(this.pool, this.names, (stream) => streamLockKey(this.names.schema, stream));
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { direction = 'forwards', maxCount = null } = options;
    const rows =
      direction === 'forwards'
        ? await this.rows(this.queries.readStreamForwards, [stream, options.fromRevision ?? 0, maxCount])
        : await this.rows(this.queries.readStreamBackwards, [
            stream,
            options.fromRevision ?? Number.MAX_SAFE_INTEGER,
            maxCount,
          ]);
    return rows.map((row) => toEntry(row).event);
  }

  /** Waits (briefly) until every append committed before the call is safe to read, so a reader sees its own writes. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after === undefined ? FEED_START : decodeCheckpoint(options.after);
    await this.settled();
    const page = await this.readPage(after, options.maxCount ?? null);
    return page.map((entry) => entry.event);
  }

  async readEvent(eventId: string): Promise<RecordedEvent | null> {
    const [row] = await this.rows(this.queries.readEvent, [eventId]);
    return row ? toEntry(row).event : null;
  }

  async streamRevision(stream: string): Promise<number> {
    const { rows } = await this.pool.query<{ revision: number }>(this.queries.streamHead, [stream]);
    return rows[0]?.revision ?? -1;
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    const start = options.after === undefined ? FEED_START : decodeCheckpoint(options.after);
    const source = {
      readPage: (after: FeedPlace, maxCount: number) => this.followPage(after, maxCount),
      wakeUps: this.notifications.wakeUps,
    };
    return followFeed(source, start, {
      onOpen: (subscriber) => (this.closed ? subscriber.complete() : this.subscribers.add(subscriber)),
      onReadError: (error) => this.logger.warn(`feed read failed (${(error as Error).message}); retrying`),
      onClose: (subscriber) => this.subscribers.delete(subscriber),
    });
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Completes live subscriptions, stops listening, then closes the pool; later calls do nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscriber of [...this.subscribers]) subscriber.complete();
    await this.notifications.stop();
    await this.pool.end();
  }

  /**
   * Through `append_events`, which takes the stream's advisory lock before its first read, so that
   * concurrent appends to one stream take turns and each check reads the state its insert commits on.
   */
  private async appendBatch(
    db: pg.Pool | pg.PoolClient,
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const repeated = repeatedId(events);
    if (repeated !== undefined) throw new DuplicateEventId(repeated);
    const [minHead, maxHead] = headRange(expected);
    const { rows } = await db.query<AppendRow>(this.queries.append, [
      streamLockKey(this.names.schema, stream),
      stream,
      minHead,
      maxHead,
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
      this.names.channel,
    ]);
    const [row] = rows;
    if (row?.kind === 'appended') return resultAt(row.revision, placeOf(row));
    if (row?.kind === 'head') {
      if (!matchesExpected(expected, row.revision)) throw new WrongExpectedRevision(stream, expected, row.revision);
      return resultAt(row.revision, row.position === null ? FEED_START : placeOf(row));
    }
    const stored = new Map(rows.map((place) => [place.eventId!, place]));
    const original = originalResult(stream, events, stored);
    if (!original) throw new Error(`append_events answered nothing for stream ${stream}`);
    return original;
  }

  private async readPage(after: FeedPlace, maxCount: number | null): Promise<FeedEntry[]> {
    const rows = await this.rows(this.queries.feedPage, [after.transactionId, after.position, maxCount]);
    return rows.map(toEntry);
  }

  private async followPage(after: FeedPlace, maxCount: number): Promise<FeedPage> {
    const { rows } = await this.pool.query<Partial<EventRow> & { waiting: boolean }>(this.queries.followPage, [
      after.transactionId,
      after.position,
      maxCount,
    ]);
    const entries = rows.filter((row): row is EventRow & { waiting: boolean } => row.eventId != null).map(toEntry);
    return { entries, waiting: rows[0]?.waiting ?? false };
  }

  /** Until no transaction older than the newest committed row still runs (bounded: it returns what is safe). */
  private async settled(): Promise<void> {
    const deadline = Date.now() + READ_ALL_WAIT_MS;
    let latest: bigint | null = null;
    for (let waitMs = 1; Date.now() < deadline; waitMs = Math.min(waitMs * 2, 50)) {
      const { rows } = await this.pool.query<{ latest: string | null; horizon: string }>(this.queries.horizon);
      latest ??= rows[0].latest === null ? -1n : BigInt(rows[0].latest);
      if (BigInt(rows[0].horizon) > latest) return;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  private async rows(sql: string, values: unknown[]): Promise<EventRow[]> {
    return (await this.pool.query<EventRow>(sql, values)).rows;
  }

  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** The stream heads (last revisions, -1: no stream) that meet the expectation, as the range append_events checks. */
function headRange(expected: ExpectedRevision): [number, number] {
  const any = 2 ** 31 - 1;
  if (expected === 'any') return [-1, any];
  if (expected === 'no_stream') return [-1, -1];
  if (expected === 'stream_exists') return [0, any];
  return [expected, expected];
}

function placeOf(row: AppendRow): FeedPlace {
  return { transactionId: row.transactionId!, position: row.position! };
}

/** A retried batch answers what the first attempt answered; a batch that only partly matches one is refused. */
function originalResult(
  stream: string,
  events: readonly EventToAppend[],
  stored: Map<string, AppendRow>,
): AppendResult | null {
  const first = events[0] && stored.get(events[0].eventId);
  const seen = new Set<string>();
  events.forEach((event, index) => {
    const place = stored.get(event.eventId);
    const matches =
      first && place?.stream === stream && first.stream === stream && place.revision === first.revision + index;
    if (seen.has(event.eventId) || (first ? !matches : place)) throw new DuplicateEventId(event.eventId);
    seen.add(event.eventId);
  });
  if (!first) return null;
  return resultAt(first.revision + events.length - 1, placeOf(stored.get(events.at(-1)!.eventId)!));
}

function resultAt(lastRevision: number, place: FeedPlace): AppendResult {
  return { nextRevision: lastRevision + 1, position: Number(place.position), checkpoint: encodeCheckpoint(place) };
}

/** 64 bits of a digest: advisory locks are database-wide, so the schema is part of the key. */
function streamLockKey(schema: string, stream: string): string {
  return createHash('sha256').update(`${schema}\u0000${stream}`).digest().readBigInt64BE().toString();
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

function toEntry(row: EventRow): FeedEntry {
  const place = { transactionId: row.transactionId, position: row.position };
  const event: RecordedEvent = {
    eventId: row.eventId,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    stream: row.stream,
    revision: row.revision,
    position: Number(row.position),
    checkpoint: encodeCheckpoint(place),
    recordedAt: row.recordedAt.toISOString(),
  };
  return { event, place };
}
