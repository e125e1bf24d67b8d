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

/** A stored event's place, found while checking a batch: `kind` says whether it matched an id or is the stream's head. */
export interface PlaceRow {
  kind: 'stored' | 'head';
  eventId: string;
  stream: string;
  revision: number;
  position: string;
  transactionId: string;
}

export function queriesFor({ events }: SchemaNames) {
  return {
    /** The batch's ids already stored anywhere, and the stream's last event, as of after the stream lock. */
    places: `
      SELECT 'stored' AS kind, event_id AS "eventId", stream, revision, position::text, transaction_id::text AS "transactionId"
        FROM ${events} WHERE event_id = ANY($1::text[])
      UNION ALL
      (SELECT 'head', event_id, stream, revision, position::text, transaction_id::text
        FROM ${events} WHERE stream = $2 ORDER BY revision DESC LIMIT 1)`,
    /** Positions follow the batch's order; the notification leaves with the commit, not before. */
    insert: `
      WITH inserted AS (
        INSERT INTO ${events} (event_id, stream, revision, type, data, metadata)
        SELECT batch.event_id, $2, $3::integer + batch.index::integer - 1, batch.type, batch.data, batch.metadata
          FROM unnest($1::text[], $4::text[], $5::json[], $6::json[])
               WITH ORDINALITY AS batch (event_id, type, data, metadata, index)
         ORDER BY batch.index
        RETURNING position
      )
      SELECT max(position)::text AS position, pg_current_xact_id()::text AS "transactionId", pg_notify($7, '')
        FROM inserted`,
    /** The gap-free feed: only rows no running transaction can still add to, in (transaction id, position) order. */
    feedPage: `
      SELECT ${EVENT_COLUMNS} FROM ${events} AS event
       WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < ${SAFE_HORIZON}
       ORDER BY event.transaction_id, event.position LIMIT $3`,
    /** Whether rows past the cursor are committed but not yet safe to hand out (a transaction below them still runs). */
    anyAfter: `SELECT EXISTS (SELECT 1 FROM ${events} WHERE (transaction_id, position) > ($1::xid8, $2::bigint)) AS found`,
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
