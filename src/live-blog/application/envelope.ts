import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../../event-store/index.js';
import { foldHistory, type LiveBlogEvent, type LiveBlogHistoryEvent, type LiveBlogState } from '../domain/index.js';
import {
  chainHash,
  contentHashOf,
  HASH_SCHEMA_SALTED,
  saltedContentHashOf,
  saltsFor,
  type FieldSalts,
} from './hash-chain.js';
import type { Author, AuthorRole } from '../../kernel/index.js';

/** Written with every new event: the hashing schema of DESIGN §3 (1: unsalted, before redaction existed). */
const SCHEMA_VERSION = HASH_SCHEMA_SALTED;

/** What a redaction keeps of one field: the field's commitment, and where and why it was removed. */
export type RedactedField = {
  /** sha256(salt + value) as hashed when the event was written; its salt is gone with the text. */
  readonly fieldHash: string;
  /** The revision of the UpdateRedacted event that removed it. */
  readonly revision: number;
  readonly reference: string;
};

/**
 * The metadata of every stored live-blog event (DESIGN §3). A type literal, not an interface, so
 * that it is also a `Record<string, unknown>`: the port's default metadata.
 */
export type EventMetadata = {
  /** The story's own dated time of the event. */
  readonly at: string;
  readonly author: Author;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly idempotencyKey?: string;
  /** A digest of the request an Idempotency-Key came with. */
  readonly requestHash?: string;
  readonly schemaVersion: number;
  /** Schema 2: one salt per redactable field present, by dotted path (DESIGN §3). */
  readonly salts?: FieldSalts;
  /** Fields removed by a lawful redaction, by dotted path; their salts are gone. */
  readonly redacted?: Readonly<Record<string, RedactedField>>;
  readonly contentHash: string;
  readonly prevHash: string;
  readonly hash: string;
};

/** A live-blog event as the store returns it, its metadata read with types. */
export type StoredEvent = RecordedEvent<EventMetadata>;

/** Who writes a batch and why: everything the envelope takes besides the events and the chain. */
interface EnvelopeContext {
  readonly author: Author;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly idempotencyKey?: string;
  readonly requestHash?: string;
}

/** The stored event's metadata is not one the command path wrote: the stream was altered or is not a live blog's. */
export class UnreadableEnvelope extends Error {
  override readonly name = 'UnreadableEnvelope';

  constructor(readonly eventId: string) {
    super(`event ${eventId} does not carry live-blog metadata`);
  }
}

/** Wraps a batch of decided events for the store, extending the stream's hash chain from `prevHash`. */
export function envelope(
  events: readonly LiveBlogEvent[],
  chain: { readonly prevHash: string; readonly at: string },
  context: EnvelopeContext,
  eventIdAt: (index: number) => string = () => randomUUID(),
): EventToAppend<EventMetadata>[] {
  const { at } = chain;
  const { author } = context;
  const correlationId = context.correlationId ?? randomUUID();
  let prevHash = chain.prevHash;
  return events.map((event, index) => {
    const salts = saltsFor(event.type, event.data);
    const contentHash = saltedContentHashOf({ type: event.type, data: event.data, at, author }, salts)!;
    const hash = chainHash(prevHash, contentHash);
    const metadata: EventMetadata = {
      at,
      author,
      correlationId,
      ...(context.causationId ? { causationId: context.causationId } : {}),
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
      ...(context.requestHash ? { requestHash: context.requestHash } : {}),
      schemaVersion: SCHEMA_VERSION,
      ...(Object.keys(salts).length > 0 ? { salts } : {}),
      contentHash,
      prevHash,
      hash,
    };
    prevHash = hash;
    return { eventId: eventIdAt(index), type: event.type, data: { ...event.data }, metadata };
  });
}

/** True when the event carries the metadata the command path writes (checked field by field, no cast). */
export function isStoredEvent(event: RecordedEvent): event is StoredEvent {
  const { metadata: m } = event;
  return (
    typeof m.at === 'string' &&
    isAuthor(m.author) &&
    typeof m.correlationId === 'string' &&
    typeof m.schemaVersion === 'number' &&
    typeof m.contentHash === 'string' &&
    typeof m.prevHash === 'string' &&
    typeof m.hash === 'string' &&
    isOptionalString(m.causationId) &&
    isOptionalString(m.idempotencyKey) &&
    isOptionalString(m.requestHash) &&
    (m.salts === undefined || isStringRecord(m.salts)) &&
    (m.redacted === undefined || isRedactedRecord(m.redacted))
  );
}

/**
 * The contentHash the event's stored fields give under its hashing schema, or null when they
 * cannot give one (an unknown schema, a salted field without its salt).
 */
export function recomputedContentHash(event: StoredEvent): string | null {
  const { at, author, schemaVersion, salts, redacted } = event.metadata;
  const input = { type: event.type, data: event.data, at, author };
  if (schemaVersion === 1) return redacted === undefined ? contentHashOf(input) : null;
  if (schemaVersion !== HASH_SCHEMA_SALTED) return null;
  const committed = Object.fromEntries(Object.entries(redacted ?? {}).map(([path, field]) => [path, field.fieldHash]));
  return saltedContentHashOf(input, salts ?? {}, committed);
}

/** The event with its metadata typed; throws UnreadableEnvelope when it is not a live-blog event's. */
export function toStoredEvent(event: RecordedEvent): StoredEvent {
  if (isStoredEvent(event)) return event;
  throw new UnreadableEnvelope(event.eventId);
}

export function toStoredEvents(events: readonly RecordedEvent[]): StoredEvent[] {
  return events.map(toStoredEvent);
}

/** The stored type and data are the domain's own: evolve ignores a type it does not know (a newer version's). */
export function toHistoryEvent(stored: StoredEvent): LiveBlogHistoryEvent {
  const { at, author } = stored.metadata;
  return { type: stored.type, data: stored.data, revision: stored.revision, at, author } as LiveBlogHistoryEvent;
}

/**
 * The one fold (the domain's `foldHistory`) over a run of one stream's stored events: the live
 * views, the command path's state, as-of views and rebuilds all extend a state with this. One call
 * per run, not per event: foldHistory builds its state in place (see bench/replay.ts).
 */
export function foldStored(state: LiveBlogState, events: readonly StoredEvent[]): LiveBlogState {
  return events.length === 0 ? state : foldHistory(events.map(toHistoryEvent), state);
}

/** The same fold over a batch as it was appended, its first event at `firstRevision`: the state the store now holds. */
export function foldAppended(
  state: LiveBlogState,
  events: readonly EventToAppend<EventMetadata>[],
  firstRevision: number,
): LiveBlogState {
  const history = events.map(
    ({ type, data, metadata: { at, author } }, index) =>
      ({ type, data, revision: firstRevision + index, at, author }) as LiveBlogHistoryEvent,
  );
  return history.length === 0 ? state : foldHistory(history, state);
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** Checked in place: every stored event is checked on every read, and a rebuild reads them all (P3). */
function isStringRecord(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) {
    if (Object.hasOwn(value, key) && typeof (value as Record<string, unknown>)[key] !== 'string') return false;
  }
  return true;
}

function isRedactedRecord(value: unknown): value is Record<string, RedactedField> {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every((field: Partial<Record<keyof RedactedField, unknown>>) => {
    return (
      typeof field === 'object' &&
      field !== null &&
      typeof field.fieldHash === 'string' &&
      Number.isSafeInteger(field.revision) &&
      typeof field.reference === 'string'
    );
  });
}

const ROLES: ReadonlySet<unknown> = new Set<AuthorRole>(['editor', 'contributor', 'auditor', 'admin', 'system']);

function isAuthor(value: unknown): value is Author {
  if (typeof value !== 'object' || value === null) return false;
  const author: Partial<Record<keyof Author, unknown>> = value;
  return typeof author.id === 'string' && typeof author.name === 'string' && ROLES.has(author.role);
}
