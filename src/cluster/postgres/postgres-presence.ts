import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Presence } from '../cluster-state.js';
import type { ClusterTables } from './postgres-cluster-schema.js';

export interface PresenceTiming {
  /** A node that has not reported for this long is no longer counted (it died or lost the database). */
  readonly staleAfterSeconds: number;
  /** …and its rows are deleted after this long. */
  readonly purgeAfterSeconds: number;
}

const DEFAULT_PRESENCE_TIMING: PresenceTiming = { staleAfterSeconds: 5, purgeAfterSeconds: 60 };

/**
 * Reader counts in a small table: each node replaces its own rows when it reports (about once a
 * second while it has readers), which also stamps its heartbeat; totals count only nodes seen
 * recently. One statement per report: the node's rows change and the other nodes' are summed.
 */
export class PostgresPresence implements Presence {
  readonly nodeId = randomUUID();

  constructor(
    private readonly pool: Pool,
    private readonly tables: ClusterTables,
    private readonly timing: PresenceTiming = DEFAULT_PRESENCE_TIMING,
  ) {}

  async report(local: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    const liveBlogIds = [...local.keys()];
    const counts = liveBlogIds.map((liveBlogId) => local.get(liveBlogId)!);
    const { nodes, readers } = this.tables;
    // Sibling statements of one WITH see the same snapshot: the SELECT sums the other nodes only.
    const others = await this.pool.query<{ live_blog_id: string; readers: number }>(
      `WITH purged AS (DELETE FROM ${nodes} WHERE seen_at < now() - make_interval(secs => $5)),
            alive AS (INSERT INTO ${nodes} (node_id, seen_at) VALUES ($1, now())
                      ON CONFLICT (node_id) DO UPDATE SET seen_at = EXCLUDED.seen_at),
            gone AS (DELETE FROM ${readers} WHERE node_id = $1 AND NOT (live_blog_id = ANY ($2::text[]))),
            kept AS (INSERT INTO ${readers} (live_blog_id, node_id, readers)
                     SELECT live_blog_id, $1, count FROM unnest($2::text[], $3::int[]) AS mine (live_blog_id, count)
                     ON CONFLICT (live_blog_id, node_id) DO UPDATE SET readers = EXCLUDED.readers)
       SELECT r.live_blog_id, sum(r.readers)::int AS readers
         FROM ${readers} r JOIN ${nodes} n USING (node_id)
        WHERE r.node_id <> $1 AND r.live_blog_id = ANY ($2::text[]) AND n.seen_at > now() - make_interval(secs => $4)
        GROUP BY r.live_blog_id`,
      [this.nodeId, liveBlogIds, counts, this.timing.staleAfterSeconds, this.timing.purgeAfterSeconds],
    );
    const totals = new Map(local);
    for (const row of others.rows) totals.set(row.live_blog_id, (totals.get(row.live_blog_id) ?? 0) + row.readers);
    return totals;
  }

  /** A node that stops cleanly takes its readers with it at once, rather than after the stale delay. */
  async leave(): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.tables.nodes} WHERE node_id = $1`, [this.nodeId]);
  }
}
