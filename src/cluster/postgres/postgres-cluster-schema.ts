import type { Pool } from 'pg';

/** The cluster's tables, in the event store's schema, quoted once here (the schema comes from settings). */
export interface ClusterTables {
  readonly schema: string;
  /** One row per live node and the last time it reported (the database's clock, not the nodes'). */
  readonly nodes: string;
  /** Each live node's readers per blog; a node's rows go with it. */
  readonly readers: string;
  /** rate-limiter-flexible's table for RateLimiterPostgres (its own column layout). */
  readonly rateLimits: string;
  readonly rateLimitsName: string;
  /** Who holds each lease and until when (the database's clock). */
  readonly leases: string;
}

export function clusterTables(schema: string): ClusterTables {
  const quoted = `"${schema}"`;
  return {
    schema,
    nodes: `${quoted}.cluster_nodes`,
    readers: `${quoted}.cluster_readers`,
    rateLimits: `${quoted}.cluster_rate_limits`,
    rateLimitsName: 'cluster_rate_limits',
    leases: `${quoted}.cluster_leases`,
  };
}

/**
 * Taken by the event store's migration too: two nodes starting at once on an empty database
 * create the schema and the tables one after the other, never racing on the catalogue.
 */
const MIGRATION_LOCK = 'dateline-event-store-migration';

export async function createClusterTables(pool: Pool, tables: ClusterTables): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS "${tables.schema}";
      CREATE TABLE IF NOT EXISTS ${tables.nodes} (node_id uuid PRIMARY KEY, seen_at timestamptz NOT NULL);
      CREATE TABLE IF NOT EXISTS ${tables.readers} (
        live_blog_id text NOT NULL,
        node_id      uuid NOT NULL REFERENCES ${tables.nodes} ON DELETE CASCADE,
        readers      integer NOT NULL CHECK (readers > 0),
        PRIMARY KEY (live_blog_id, node_id)
      );
      CREATE INDEX IF NOT EXISTS cluster_readers_node ON ${tables.readers} (node_id);
      CREATE TABLE IF NOT EXISTS ${tables.rateLimits} (
        key    varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE TABLE IF NOT EXISTS ${tables.leases} (
        name       text PRIMARY KEY,
        holder     text NOT NULL,
        expires_at timestamptz NOT NULL
      );`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
