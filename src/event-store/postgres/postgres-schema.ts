import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { OpenOptions } from '../event-store.js';
import { earlierEpochsOf, renewed, type StoreEpochs } from '../store-epochs.js';

/** The names every query uses, quoted once here: the schema name comes from settings. */
export interface SchemaNames {
  readonly schema: string;
  readonly events: string;
  readonly meta: string;
  readonly snapshots: string;
  readonly snapshotFeed: string;
  /** The LISTEN/NOTIFY channel on which appends to this store announce themselves. */
  readonly channel: string;
}

export function schemaNames(schema: string): SchemaNames {
  const quoted = `"${schema}"`;
  return {
    schema,
    events: `${quoted}.events`,
    meta: `${quoted}.store_meta`,
    snapshots: `${quoted}.snapshots`,
    snapshotFeed: `${quoted}.snapshot_feed`,
    channel: `dateline_events_${schema}`,
  };
}

/**
 * Each step runs once, in order, under one advisory lock: two nodes starting at once on an empty
 * database take turns, and the second finds the work done. Add steps; never edit a released one.
 * `transaction_id` is the writer's xid8, the first half of the gap-free feed's checkpoint
 * (docs/design.md §2); `position` is a bigserial, never handed out twice.
 */
const MIGRATIONS: ReadonlyArray<(names: SchemaNames) => string> = [
  ({ events, meta }) => `
    CREATE TABLE ${events} (
      position       bigserial PRIMARY KEY,
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      event_id       text NOT NULL UNIQUE,
      stream         text NOT NULL,
      revision       integer NOT NULL,
      type           text NOT NULL,
      data           json NOT NULL,
      metadata       json NOT NULL,
      recorded_at    timestamptz NOT NULL DEFAULT statement_timestamp(),
      UNIQUE (stream, revision)
    );
    CREATE INDEX ON ${events} (transaction_id, position);
    CREATE TABLE ${meta} (key text PRIMARY KEY, value text NOT NULL);
  `,
  // One round trip per append: the stream's lock, the checks, the insert and the notification in
  // one call. VOLATILE, so each statement after the lock sees what the lock's last holder committed
  // (READ COMMITTED). It answers the batch's ids already stored ('stored', and writes nothing), or
  // the stream's head when the head is not in [min, max] or the batch is empty ('head'), or the
  // batch's last place ('appended'). The caller turns those into results and errors.
  ({ schema, events }) => `
    CREATE FUNCTION "${schema}".append_events(
      lock_key bigint, target text, min_head integer, max_head integer,
      ids text[], types text[], datas json[], metadatas json[], channel text)
    RETURNS TABLE (r_kind text, r_event_id text, r_stream text, r_revision integer, r_position text, r_transaction text)
    LANGUAGE plpgsql VOLATILE AS $fn$
    DECLARE
      head ${events}%ROWTYPE;
      current integer;
    BEGIN
      PERFORM pg_advisory_xact_lock(lock_key);
      RETURN QUERY SELECT 'stored', e.event_id, e.stream, e.revision, e.position::text, e.transaction_id::text
        FROM ${events} AS e WHERE e.event_id = ANY(ids);
      IF FOUND THEN RETURN; END IF;
      SELECT * INTO head FROM ${events} AS e WHERE e.stream = target ORDER BY e.revision DESC LIMIT 1;
      current := coalesce(head.revision, -1);
      IF current < min_head OR current > max_head OR cardinality(ids) = 0 THEN
        RETURN QUERY SELECT 'head', head.event_id, target, current, head.position::text, head.transaction_id::text;
        RETURN;
      END IF;
      RETURN QUERY WITH inserted AS (
        INSERT INTO ${events} (event_id, stream, revision, type, data, metadata)
        SELECT batch.event_id, target, current + batch.index::integer, batch.type, batch.data, batch.metadata
          FROM unnest(ids, types, datas, metadatas) WITH ORDINALITY AS batch (event_id, type, data, metadata, index)
         ORDER BY batch.index
        RETURNING position
      )
      SELECT 'appended', NULL::text, target, current + cardinality(ids), max(position)::text,
             pg_current_xact_id()::text FROM inserted;
      PERFORM pg_notify(channel, '');
    END
    $fn$;
  `,
  // Snapshots of the views (derived data, DESIGN §2 "Snapshots"): a rewrite of a stored event (a
  // lawful redaction) drops its stream's snapshots in the same transaction.
  ({ schema, events, snapshots, snapshotFeed }) => `
    CREATE TABLE ${snapshots} (
      stream   text PRIMARY KEY,
      revision integer NOT NULL,
      position bigint NOT NULL,
      hash     text NOT NULL,
      format   integer NOT NULL,
      digest   text NOT NULL,
      state    text NOT NULL
    );
    CREATE TABLE ${snapshotFeed} (
      id         integer PRIMARY KEY CHECK (id = 1),
      checkpoint text NOT NULL,
      streams    json NOT NULL
    );
    CREATE FUNCTION "${schema}".forget_snapshots() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM ${snapshots} WHERE stream = NEW.stream;
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER snapshots_forget_rewritten AFTER UPDATE OF data, metadata ON ${events}
      FOR EACH ROW EXECUTE FUNCTION "${schema}".forget_snapshots();
  `,
  // What the runner keeps of every story beside its place, so a start need not read every snapshot.
  ({ snapshotFeed }) => `ALTER TABLE ${snapshotFeed} ADD COLUMN summaries text`,
];

/** The same key in every database and schema: migrations are rare, so serialising them all costs nothing. */
const MIGRATION_LOCK = 'dateline-event-store-migration';

/**
 * Creates or migrates the store's tables and returns its epochs: the epoch is made when the store is
 * created, and anew when asked (`newEpoch`) or when the events table is not the one the store
 * recorded (restored by pg_restore or psql from a pg_dump, which creates the table anew).
 */
export async function migrate(pool: Pool, names: SchemaNames, options: OpenOptions = {}): Promise<StoreEpochs> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${names.schema}"`);
    const version = await storedVersion(client, names);
    if (version > MIGRATIONS.length) {
      throw new Error(
        `event store schema "${names.schema}" is at version ${version}; this version knows ${MIGRATIONS.length}`,
      );
    }
    for (const step of MIGRATIONS.slice(version)) await client.query(step(names));
    await client.query(
      `INSERT INTO ${names.meta} (key, value) VALUES ('epoch', $1), ('schema_version', $2)
       ON CONFLICT (key) DO UPDATE SET value = CASE WHEN ${names.meta}.key = 'epoch' THEN ${names.meta}.value ELSE EXCLUDED.value END`,
      [randomUUID(), String(MIGRATIONS.length)],
    );
    const epochs = await epochsOf(client, names, options);
    await client.query('COMMIT');
    return epochs;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function storedVersion(client: { query: Pool['query'] }, names: SchemaNames): Promise<number> {
  const exists = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [names.meta]);
  if (!exists.rows[0].found) return 0;
  const row = await client.query<{ value: string }>(`SELECT value FROM ${names.meta} WHERE key = 'schema_version'`);
  return Number(row.rows[0]?.value ?? 0);
}

/** The epochs, made anew when asked or when the events table was made again since the store recorded it. */
async function epochsOf(client: PoolClient, names: SchemaNames, options: OpenOptions): Promise<StoreEpochs> {
  const rows = await client.query<{ key: string; value: string }>(`SELECT key, value FROM ${names.meta}`);
  const meta = new Map(rows.rows.map(({ key, value }) => [key, value]));
  const table = await client.query<{ oid: string }>('SELECT $1::regclass::oid::text AS oid', [names.events]);
  const tableNow = table.rows[0]!.oid;
  const tableRecorded = meta.get('events_table');
  const stored = { epoch: meta.get('epoch')!, earlierEpochs: earlierEpochsOf(meta.get('earlier_epochs')) };
  const restored = tableRecorded !== undefined && tableRecorded !== tableNow;
  if (!options.newEpoch && !restored && tableRecorded !== undefined) return stored;
  const epochs = options.newEpoch || restored ? renewed(stored) : stored;
  await client.query(
    `INSERT INTO ${names.meta} (key, value) VALUES ('epoch', $1), ('earlier_epochs', $2), ('events_table', $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [epochs.epoch, JSON.stringify(epochs.earlierEpochs), tableNow],
  );
  return epochs;
}
