import type pg from 'pg';
import type { Checkpoint } from '../event-store.js';
import type { SnapshotFeedPlace, SnapshotStore, StoredSnapshot } from '../snapshots.js';
import type { SchemaNames } from './postgres-schema.js';

interface SnapshotRow {
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly hash: string;
  readonly format: number;
  readonly digest: string;
  readonly state: string;
}

/**
 * Snapshots in the store's schema (tables made by the schema's migrations). A save takes each
 * stream's advisory lock, the one appends take, so its check that the snapshot is still the stream's
 * head cannot interleave with an append (a redaction's included); streams are locked in name order.
 */
export class PostgresSnapshots implements SnapshotStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly names: SchemaNames,
    private readonly lockKey: (stream: string) => string,
  ) {}

  async read(stream: string): Promise<StoredSnapshot | null> {
    const { rows } = await this.pool.query<SnapshotRow>(
      `SELECT stream, revision, position::text, hash, format, digest, state FROM ${this.names.snapshots} WHERE stream = $1`,
      [stream],
    );
    const row = rows[0];
    return row ? { ...row, position: Number(row.position) } : null;
  }

  async feedPlace(): Promise<SnapshotFeedPlace | null> {
    const { rows } = await this.pool.query<{ checkpoint: string; streams: string[]; summaries: string | null }>(
      `SELECT checkpoint, streams, summaries FROM ${this.names.snapshotFeed} WHERE id = 1`,
    );
    const row = rows[0];
    return row ? { checkpoint: row.checkpoint as Checkpoint, streams: row.streams, summaries: row.summaries } : null;
  }

  async save(snapshots: readonly StoredSnapshot[], place: SnapshotFeedPlace | null): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      let written = 0;
      for (const snapshot of [...snapshots].sort((a, b) => (a.stream < b.stream ? -1 : 1))) {
        written += await this.write(client, snapshot);
      }
      if (place) {
        await client.query(
          `INSERT INTO ${this.names.snapshotFeed} (id, checkpoint, streams, summaries) VALUES (1, $1, $2::json, $3)
           ON CONFLICT (id) DO UPDATE SET checkpoint = EXCLUDED.checkpoint, streams = EXCLUDED.streams,
             summaries = EXCLUDED.summaries`,
          [place.checkpoint, JSON.stringify(place.streams), place.summaries],
        );
      }
      await client.query('COMMIT');
      return written;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async write(client: pg.PoolClient, snapshot: StoredSnapshot): Promise<number> {
    const { stream, revision, position, hash, format, digest, state } = snapshot;
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [this.lockKey(stream)]);
    const { rowCount } = await client.query(
      `INSERT INTO ${this.names.snapshots} (stream, revision, position, hash, format, digest, state)
       SELECT $1, $2, $3, $4, $5, $6, $7
        WHERE (SELECT max(revision) FROM ${this.names.events} WHERE stream = $1) = $2
       ON CONFLICT (stream) DO UPDATE SET revision = EXCLUDED.revision, position = EXCLUDED.position,
         hash = EXCLUDED.hash, format = EXCLUDED.format, digest = EXCLUDED.digest, state = EXCLUDED.state`,
      [stream, revision, position, hash, format, digest, state],
    );
    return rowCount ?? 0;
  }
}
