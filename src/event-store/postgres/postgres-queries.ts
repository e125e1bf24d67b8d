import type { SchemaNames } from './postgres-schema.js';

/**
 * Every column a reader needs, with the 64-bit numbers as text (JavaScript numbers stop at 2^53).
 * The output column "position" is text, so ORDER BY names the table's column with its alias.
 */
const EVENT_COLUMNS = `position::text, transaction_id::text AS "transactionId", event_id AS "eventId", stream, revision,
  type, data, metadata, recorded_at AS "recordedAt"`;

/** Rows whose transaction id is below this have all committed or aborted: no row can appear there any more. */
const SAFE_HORIZON = 'pg_snapshot_xmin(pg_current_snapshot())';

export interface EventRow {
  position: string;
  transactionId: string;
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: Date;
}

/** What `append_events` answers (see the migration that creates it). */
export interface AppendRow {
  kind: 'stored' | 'head' | 'appended';
  eventId: string | null;
  stream: string;
  revision: number;
  position: string | null;
  transactionId: string | null;
}

export function queriesFor({ schema, events }: SchemaNames) {
  return {
    /** Lock, checks, insert and notification in one round trip (a migration creates the function). */
    append: `
      SELECT r_kind AS kind, r_event_id AS "eventId", r_stream AS stream, r_revision AS revision,
             r_position AS position, r_transaction AS "transactionId"
        FROM "${schema}".append_events($1::bigint, $2, $3, $4, $5::text[], $6::text[], $7::json[], $8::json[], $9)`,
    /** The gap-free feed: only rows no running transaction can still add to, in (transaction id, position) order. */
    feedPage: `
      SELECT ${EVENT_COLUMNS} FROM ${events} AS event
       WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < ${SAFE_HORIZON}
       ORDER BY event.transaction_id, event.position LIMIT $3`,
    /**
     * A subscription's read: the feed page, and whether rows past the cursor are committed but not
     * yet safe to hand out (a transaction below them still runs), both from one snapshot, in one
     * round trip. Unsafe rows come after every safe one in feed order, so when the page is not full
     * they are exactly the rows past its end. An empty page is one row with only `waiting`.
     */
    followPage: `
      SELECT page.*, flag.waiting FROM
        (SELECT EXISTS (SELECT 1 FROM ${events}
           WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id >= ${SAFE_HORIZON}) AS waiting
        ) AS flag
        LEFT JOIN LATERAL (
          SELECT ${EVENT_COLUMNS}, event.transaction_id AS feed_transaction, event.position AS feed_position
            FROM ${events} AS event
           WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < ${SAFE_HORIZON}
           ORDER BY event.transaction_id, event.position LIMIT $3
        ) AS page ON true
       ORDER BY page.feed_transaction, page.feed_position`,
    /** The newest writer's transaction id among committed rows, and the feed's horizon now. */
    horizon: `
      SELECT (SELECT transaction_id FROM ${events} ORDER BY transaction_id DESC LIMIT 1)::text AS latest,
             ${SAFE_HORIZON}::text AS horizon`,
    readStreamForwards: `
      SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream = $1 AND revision >= $2 ORDER BY revision ASC LIMIT $3`,
    readStreamBackwards: `
      SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream = $1 AND revision <= $2::bigint ORDER BY revision DESC LIMIT $3`,
    streamHead: `SELECT revision FROM ${events} WHERE stream = $1 ORDER BY revision DESC LIMIT 1`,
    readEvent: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE event_id = $1`,
  };
}

export type Queries = ReturnType<typeof queriesFor>;
