import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { ClusterState, RateBudget, RateLimit } from '../cluster-state.js';
import { limiterRateLimit } from '../local-cluster-state.js';
import { clusterTables, createClusterTables, type ClusterTables } from './postgres-cluster-schema.js';
import { PostgresPresence, type PresenceTiming } from './postgres-presence.js';

interface PostgresClusterSettings {
  readonly connectionString: string;
  readonly schema: string;
  readonly timing?: PresenceTiming;
  /** Connecting, and each statement, may take this long (STORE_TIMEOUT_MS); a rate limit then falls back to memory. */
  readonly timeoutMs?: number;
}

/**
 * Cluster state in the PostgreSQL database the events are in: the one component every node of
 * a PostgreSQL deployment already shares. A small pool of its own keeps presence reports and
 * rate-limit checks from queueing behind appends.
 */
export async function openPostgresClusterState(settings: PostgresClusterSettings): Promise<ClusterState> {
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    max: 4,
    application_name: 'dateline-cluster',
    connectionTimeoutMillis: settings.timeoutMs,
    query_timeout: settings.timeoutMs,
  });
  // An idle client that loses its connection must not bring the process down; the next query reconnects.
  pool.on('error', () => undefined);
  const tables = clusterTables(settings.schema);
  try {
    await createClusterTables(pool, tables);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const presence = new PostgresPresence(pool, tables, settings.timing);
  return {
    scope: 'cluster',
    presence,
    rateLimit: (name, budget) => postgresRateLimit(pool, tables, name, budget),
    exclusive: (name, work) => exclusive(pool, `${settings.schema}:${name}`, work),
    lease: (name, holder, ttlSeconds) => lease(pool, tables, name, holder, ttlSeconds),
    releaseLease: async (name, holder) => {
      await pool.query(`DELETE FROM ${tables.leases} WHERE name = $1 AND holder = $2`, [name, holder]);
    },
    close: async () => {
      await presence.leave().catch(() => undefined);
      await pool.end();
    },
  };
}

/**
 * RateLimiterPostgres keeps the budget in one row per key, updated atomically. Should the
 * database not answer, a budget in this node's memory stands in (the library's insurance). A key
 * whose budget is spent is refused from memory until its window ends, so a flood from one
 * address costs the database one row update per point, not one per request.
 */
function postgresRateLimit(pool: pg.Pool, tables: ClusterTables, name: string, budget: RateBudget): RateLimit {
  const options = { keyPrefix: name, points: budget.points, duration: budget.durationSeconds };
  const limiter = new RateLimiterPostgres({
    ...options,
    storeClient: pool,
    storeType: 'pool',
    schemaName: tables.schema,
    tableName: tables.rateLimitsName,
    tableCreated: true,
    clearExpiredByTimeout: true,
    inMemoryBlockOnConsumed: budget.points,
    insuranceLimiter: new RateLimiterMemory(options),
  });
  return limiterRateLimit(limiter);
}

/** A session-level advisory lock, held on one pooled connection for as long as the work runs. */
async function exclusive<T>(pool: pg.Pool, key: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    }
  } finally {
    client.release();
  }
}

/**
 * One statement: the row is inserted, or taken over when its lease ran out, or renewed by its own
 * holder; otherwise the update does not apply and nothing is returned. The database's clock
 * decides, so node clocks do not matter.
 */
async function lease(pool: pg.Pool, tables: ClusterTables, name: string, holder: string, ttlSeconds: number) {
  const taken = await pool.query(
    `INSERT INTO ${tables.leases} AS held (name, holder, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3))
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
      WHERE held.holder = EXCLUDED.holder OR held.expires_at < now()
     RETURNING holder`,
    [name, holder, ttlSeconds],
  );
  return taken.rowCount === 1;
}
