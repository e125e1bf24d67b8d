import type { Observable } from 'rxjs';

/** What a writer hands to the store. The store adds stream, revision, position and recordedAt. */
export interface EventToAppend {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** What the store gives back: an appended event with its place in the stream and in the store. */
export interface RecordedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  readonly stream: string;
  /** 0-based, contiguous within the stream. */
  readonly revision: number;
  /** Global, strictly increasing with commit order, never reused (a safe integer). */
  readonly position: number;
  /** ISO 8601 UTC instant at which the store committed the event. */
  readonly recordedAt: string;
}

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The revision the stream's next event will take (last revision + 1). */
  readonly nextRevision: number;
  /** The position of the batch's last event. */
  readonly position: number;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted: from the start. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive: events strictly after this position. Omitted: from the start. */
  readonly fromPosition?: number;
}

/**
 * The event store port. Nothing above it knows which adapter runs.
 * Adapters: sqlite/ (embedded default), postgres/, kurrentdb/ (later).
 */
export interface EventStore {
  /** An id made when the store was created: a client can tell a replaced store from one that moved on. */
  readonly epoch: string;

  /**
   * Appends the batch atomically. A mismatch throws WrongExpectedRevision and writes nothing.
   * A batch whose event ids are already stored is a no-op that returns the original result.
   */
  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;

  /** Events of one stream; an unknown stream yields an empty array. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events of every stream in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** The stored event with this id, wherever it is, or null. Serves idempotent retries. */
  readEvent(eventId: string): Promise<RecordedEvent | null>;

  /** The stream's last revision, or -1 when it does not exist. */
  streamRevision(stream: string): Promise<number>;

  /** Catches up from the store, then goes live: every event once, in global order, none skipped. */
  subscribeToAll(options?: SubscribeOptions): Observable<RecordedEvent>;

  /** Cheap check that the store answers; throws when it does not. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
