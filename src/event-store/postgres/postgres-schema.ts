import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** The names every query uses, quoted once here: the schema name comes from settings. */
export interface SchemaNames {
  readonly schema: string;
  readonly events: string;
  readonly meta: string;
  /** The LISTEN/NOTIFY channel on which appends to this store announce themselves. */
  readonly channel: string;
}

export function schemaNames(schema: string): SchemaNames {
  const quoted = `"${schema}"`;
  return { schema, events: `${quoted}.events`, meta: `${quoted}.store_meta`, channel: `dateline_events_${schema}` };
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
];

/** The same key in every database and schema: migrations are rare, so serialising them all costs nothing. */
const MIGRATION_LOCK = 'dateline-event-store-migration';

/** Creates or migrates the store's tables and returns its epoch, made once when the store is created. */
export async function migrate(pool: Pool, names: SchemaNames): Promise<string> {
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
    const epoch = await client.query<{ value: string }>(`SELECT value FROM ${names.meta} WHERE key = 'epoch'`);
    await client.query('COMMIT');
    return epoch.rows[0].value;
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
