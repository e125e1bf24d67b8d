import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendStreamState,
  type CurrentStreamState,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { v5 as uuidv5, validate as isUuid } from 'uuid';
import { InvalidCheckpoint, WrongExpectedRevision } from '../errors.js';
import type { Checkpoint, EventToAppend, ExpectedRevision, RecordedEvent } from '../event-store.js';

/**
 * Pure translations between Dateline's port and the KurrentDB client's types, kept apart from the
 * adapter so that each can be tested without a server.
 */

/**
 * The streams the feed carries: those whose events a reader of the feed folds. Live blogs (the views,
 * live-blog/application/stream-names.ts); `accounts` and each account's `sessions-<username>` (the
 * account directory, so a session ended on one node is refused on every node,
 * accounts/application/account-stream.ts); `webhooks` (the endpoint registry,
 * webhooks/application/webhook-stream.ts). The features own the names; an adapter imports no
 * feature, so they are written again here and the mapping suite checks that the two agree. The
 * adapter reads and tails `$all` filtered to these on the server, so a server shared with other
 * applications, Dateline's private streams (questions, logs) and the adapter's own bookkeeping
 * streams never reach the feed.
 */
const FEED_STREAM_FAMILIES: readonly string[] = ['liveblog-', 'sessions-'];
const FEED_STREAMS: readonly string[] = ['accounts', 'webhooks'];

/** Where the store's epoch is kept: one event, written once with `no_stream`. */
const EPOCH_STREAM = 'dateline-meta';

/** Claims of an event id (see kurrentdb-event-ids.ts) live in one small stream per id. */
const CLAIM_STREAM_PREFIX = 'dateline-event-id-';

/** The metadata key that carries Dateline's own event id (KurrentDB ids must be UUIDs). */
export const EVENT_ID_KEY = 'datelineEventId';

/** A fixed namespace, so a non-UUID event id always maps to the same KurrentDB id. */
const EVENT_ID_NAMESPACE = '0f6ad2c4-3c55-4a8e-9d1b-6c1d2e7f9a10';

const FIELD_WIDTH = 20;
const CHECKPOINT_PATTERN = /^(\d{20})-(\d{20})$/;

/** Before every event: `<commit>-<prepare>`, each zero-padded to 20 digits (a log position fits in 20). */
export const START_CHECKPOINT = encodeCheckpoint({ commit: 0n, prepare: 0n });

export function encodeCheckpoint(position: Position): Checkpoint {
  const pad = (value: bigint) => value.toString(10).padStart(FIELD_WIDTH, '0');
  if (position.commit < 0n || position.prepare < 0n) throw new RangeError('a log position is never negative');
  return `${pad(position.commit)}-${pad(position.prepare)}` as Checkpoint;
}

/** Only checkpoints this adapter made parse; anything else (another store's, junk) throws InvalidCheckpoint. */
export function parseCheckpoint(checkpoint: string): Position {
  const match = CHECKPOINT_PATTERN.exec(checkpoint);
  if (!match) throw new InvalidCheckpoint(checkpoint);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** `$all` is ordered by (commit, prepare); the fixed width makes string order agree with it. */
export function isAfter(event: { readonly checkpoint: Checkpoint }, after: Checkpoint | undefined): boolean {
  return after === undefined || event.checkpoint > after;
}

/**
 * The event's global number: its prepare position, the log offset of its own record, which no other
 * event shares (the events of one batch share a commit position) and which is never reused.
 */
export function positionNumber(position: Position): number {
  const value = Number(position.prepare);
  if (!Number.isSafeInteger(value)) throw new RangeError(`log position ${position.prepare} is past 2^53`);
  return value;
}

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** The last revision as the port counts it: -1 for a stream that does not exist. */
export function toRevision(state: CurrentStreamState): number {
  return state === NO_STREAM ? -1 : Number(state);
}

export function toWrongExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: CurrentStreamState,
): WrongExpectedRevision {
  return new WrongExpectedRevision(stream, expected, toRevision(actual));
}

/** KurrentDB ids are UUIDs: a UUID passes through (lower-cased), any other id maps to a stable v5 UUID. */
export function kurrentEventId(eventId: string): string {
  return isUuid(eventId) ? eventId.toLowerCase() : uuidv5(eventId, EVENT_ID_NAMESPACE);
}

/** The event as the client's `jsonEvent` takes it; Dateline's own id rides in the metadata. */
export function toEventData(event: EventToAppend) {
  return {
    id: kurrentEventId(event.eventId),
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, [EVENT_ID_KEY]: event.eventId },
  };
}

/** A stored event back in the port's shape; `stream` is the name Dateline uses (without any namespace). */
export function toRecordedEvent(recorded: KurrentRecordedEvent, stream: string): RecordedEvent {
  if (!recorded.isJson || !recorded.position) {
    throw new Error(`event ${recorded.id} of ${recorded.streamId} is not a JSON event with a log position`);
  }
  const { [EVENT_ID_KEY]: eventId, ...metadata } = asObject(recorded.metadata);
  return {
    eventId: typeof eventId === 'string' ? eventId : recorded.id,
    type: recorded.type,
    data: asObject(recorded.data),
    metadata,
    stream,
    revision: Number(recorded.revision),
    position: positionNumber(recorded.position),
    checkpoint: encodeCheckpoint(recorded.position),
    recordedAt: recorded.created.toISOString(),
  };
}

/** The same pattern in JavaScript and in the server's .NET regular expressions: only these characters are special. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function asObject(value: unknown): Record<string, unknown> {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  return isObject ? (value as Record<string, unknown>) : {};
}

/**
 * Maps Dateline's stream names to the server's. A namespace lets several Dateline stores share one
 * server without seeing each other (the contract suite gives each test its own); it is empty by default.
 */
export class StreamNames {
  constructor(readonly namespace = '') {}

  onServer(stream: string): string {
    return this.namespace + stream;
  }

  /** Dateline's name of a server stream that `onServer` made. */
  inDateline(serverStream: string): string {
    return serverStream.startsWith(this.namespace) ? serverStream.slice(this.namespace.length) : serverStream;
  }

  /**
   * The `$all` filter, as a regular expression on the server's stream name: the feed's streams
   * (FEED_STREAMS, and the families FEED_STREAM_FAMILIES) in this namespace, nothing else.
   */
  feedPattern(): string {
    const families = FEED_STREAM_FAMILIES.map((prefix) => `${escapeRegExp(prefix)}.+`);
    const streams = FEED_STREAMS.map(escapeRegExp);
    return `^${escapeRegExp(this.namespace)}(?:${[...families, ...streams].join('|')})$`;
  }

  /** Whether the feed carries this server stream (what the server's filter decides, asked here). */
  inFeed(serverStream: string): boolean {
    return new RegExp(this.feedPattern()).test(serverStream);
  }

  claimsOf(eventId: string): string {
    return this.namespace + CLAIM_STREAM_PREFIX + kurrentEventId(eventId);
  }

  epoch(): string {
    return this.namespace + EPOCH_STREAM;
  }
}
