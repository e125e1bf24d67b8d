import type { Observable } from 'rxjs';

/** What a writer hands to the store. The store adds stream, revision, position, checkpoint and recordedAt. */
export interface EventToAppend<Metadata = Record<string, unknown>> {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Metadata;
}

/**
 * An opaque place in the global feed. Each adapter encodes its own so that checkpoints compare as
 * plain strings in feed order (fixed-width, zero-padded fields). Only the adapter that made one parses it.
 */
export type Checkpoint = string & { readonly __brand: 'Checkpoint' };

/** Feed order: negative when `a` comes first, 0 when they name the same place. */
export const compareCheckpoints = (a: Checkpoint, b: Checkpoint): number => (a < b ? -1 : a > b ? 1 : 0);

/** What the store gives back: an appended event with its place in the stream and in the store. */
export interface RecordedEvent<Metadata = Record<string, unknown>> {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Metadata;
  readonly stream: string;
  /** 0-based, contiguous within the stream. */
  readonly revision: number;
  /** Global number, unique and never reused (a safe integer); shown to editors and readers. Not a cursor. */
  readonly position: number;
  /** The event's place in the global feed: checkpoints strictly increase in feed order. */
  readonly checkpoint: Checkpoint;
  /** ISO 8601 UTC instant at which the store committed the event. */
  readonly recordedAt: string;
}

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** The first event id a batch repeats, if any: a store holds each id once, so every adapter refuses such a batch. */
export function repeatedId(events: readonly EventToAppend[]): string | undefined {
  const seen = new Set<string>();
  for (const { eventId } of events) {
    if (seen.has(eventId)) return eventId;
    seen.add(eventId);
  }
  return undefined;
}

/** Whether a stream whose last revision is `current` (-1: none) meets the expectation; every adapter checks this. */
export function matchesExpected(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return expected === current;
  }
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

/** A stored event's new data and metadata (same id, stream, revision and type): a lawful redaction's rewrite. */
export interface EventRewrite {
  readonly eventId: string;
  readonly revision: number;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface RedactOptions extends AppendOptions {
  readonly rewrites: readonly EventRewrite[];
}

export interface AppendResult {
  /** The revision the stream's next event will take (last revision + 1). */
  readonly nextRevision: number;
  /** The position of the batch's last event. */
  readonly position: number;
  /** The checkpoint of the batch's last event (of the stream's last one for an empty batch). */
  readonly checkpoint: Checkpoint;
}

export interface ReadStreamOptions {
  /** Inclusive: forwards, events from this revision on; backwards, from this revision down. */
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this checkpoint. Omitted: from the start. */
  readonly after?: Checkpoint;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive: events strictly after this checkpoint. Omitted: from the start. */
  readonly after?: Checkpoint;
}

/**
 * The event store port. Nothing above it knows which adapter runs.
 * Adapters: sqlite/ (embedded default), postgres/, kurrentdb/.
 */
export interface EventStore {
  /**
   * An id made when the store was created, and made anew when it is restored from a backup: a
   * client can tell a replaced or restored store from one that moved on.
   */
  readonly epoch: string;

  /**
   * The epochs this store had before, oldest first (one more each time it was restored or given a
   * new epoch): what was signed under them is still this store's history.
   */
  readonly earlierEpochs: readonly string[];

  /**
   * Appends the batch atomically. A mismatch throws WrongExpectedRevision and writes nothing.
   * A batch whose event ids are already stored is a no-op that returns the original result.
   */
  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;

  /**
   * A lawful redaction (DESIGN §3a): appends the batch and replaces the data and metadata of the
   * stream's events named in `rewrites`, in one transaction (a rewrite that matches no stored event
   * rolls it all back), then clears the replaced text out of the store's files. A store whose
   * events are immutable throws RedactionUnsupported and writes nothing.
   */
  redact(stream: string, events: readonly EventToAppend[], options: RedactOptions): Promise<AppendResult>;

  /** Events of one stream; an unknown stream yields an empty array. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events of every stream in feed order. A checkpoint this adapter did not make throws InvalidCheckpoint. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** The stored event with this id, wherever it is, or null. Serves idempotent retries. */
  readEvent(eventId: string): Promise<RecordedEvent | null>;

  /** The stream's last revision, or -1 when it does not exist. */
  streamRevision(stream: string): Promise<number>;

  /**
   * Catches up from the store, then goes live: every event once, in feed order, none skipped.
   * A checkpoint this adapter did not make throws InvalidCheckpoint at once.
   */
  subscribeToAll(options?: SubscribeOptions): Observable<RecordedEvent>;

  /** Cheap check that the store answers; throws when it does not. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

/** How a store is opened: `newEpoch` gives it a new epoch (after a restore the store cannot tell of itself). */
export interface OpenOptions {
  readonly newEpoch?: boolean;
}
