import {
  BACKWARDS,
  END,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  START,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { Observable, Subscriber } from 'rxjs';
import { DuplicateEventId, RedactionUnsupported, WrongExpectedRevision } from '../errors.js';
import {
  matchesExpected,
  repeatedId,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type OpenOptions,
  type RedactOptions,
  type SubscribeOptions,
} from '../event-store.js';
import { EventIdClaims } from './kurrentdb-event-ids.js';
import { followAll } from './kurrentdb-feed.js';
import { readOrCreateEpochs, readServerStream } from './kurrentdb-server-streams.js';
import {
  START_CHECKPOINT,
  StreamNames,
  isAfter,
  parseCheckpoint,
  toEventData,
  toRecordedEvent,
  toStreamState,
  toWrongExpectedRevision,
} from './kurrentdb-mapping.js';

/** Appends with 'any' or 'stream_exists' are sent at the revision just read; another writer may move it first. */
const MAX_ATTEMPTS = 5;

interface KurrentDbOptions extends OpenOptions {
  /** Prefixes every stream this store touches, so several stores can share one server (tests do). */
  readonly namespace?: string;
}

/**
 * Connects with the client's own connection string (`kurrentdb://`, `esdb://`, `esdb+discover://`…)
 * and reads, or on first use writes, the store's epoch.
 */
export async function openKurrentDbEventStore(connectionString: string, options: KurrentDbOptions = {}) {
  const client = KurrentDBClient.connectionString(connectionString);
  const names = new StreamNames(options.namespace);
  try {
    const epochs = await readOrCreateEpochs(client, names.epoch(), options.newEpoch);
    return new KurrentDbEventStore(client, names, epochs.epoch, epochs.earlierEpochs);
  } catch (error) {
    await client.dispose();
    // The client's own message can be as bare as "UnavailableError"; say what was being done.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`cannot open the KurrentDB event store (${reason})`, { cause: error });
  }
}

export class KurrentDbEventStore implements EventStore {
  private readonly ids: EventIdClaims;
  private readonly subscribers = new Set<Subscriber<RecordedEvent>>();
  private closed = false;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
    readonly epoch: string,
    readonly earlierEpochs: readonly string[] = [],
  ) {
    this.ids = new EventIdClaims(client, names, (stream, revision) => this.readAt(stream, revision));
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const repeated = repeatedId(events);
    if (repeated !== undefined) throw new DuplicateEventId(repeated);
    const original = await this.originalResult(stream, events);
    if (original) return original;
    const { expectedRevision } = options;
    for (let attempt = 1; ; attempt++) {
      const current = await this.streamRevision(stream);
      if (!matchesExpected(expectedRevision, current)) {
        throw new WrongExpectedRevision(stream, expectedRevision, current);
      }
      if (events.length === 0) return this.resultAt(stream, current);
      await this.ids.claim(stream, current + 1, events);
      try {
        // The exact state the claims were written for, whatever the caller's expectation was.
        const streamState = toStreamState(current === -1 ? 'no_stream' : current);
        const records = events.map((event) => jsonEvent(toEventData(event)));
        await this.client.appendToStream(this.names.onServer(stream), records, { streamState });
        return await this.resultAt(stream, current + events.length);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Another writer got there first: maybe with this very batch (a retry racing its original).
        const raced = await this.originalResult(stream, events);
        if (raced) return raced;
        const exact = expectedRevision !== 'any' && expectedRevision !== 'stream_exists';
        if (exact || attempt >= MAX_ATTEMPTS) {
          throw toWrongExpectedRevision(stream, expectedRevision, error.actualState);
        }
      }
    }
  }

  /**
   * KurrentDB events are immutable: a stream can only be deleted whole, or truncated before a
   * revision, and even then the bytes stay in its chunk files until a scavenge. No honest way to
   * remove one field's text while keeping the chain: refused, nothing written (DESIGN §3a).
   */
  async redact(_stream: string, _events: readonly EventToAppend[], _options: RedactOptions): Promise<AppendResult> {
    throw new RedactionUnsupported(
      'this store (KurrentDB) keeps events immutable and cannot remove text from them: ' +
        'redaction needs the SQLite or PostgreSQL store',
    );
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const forwards = options.direction !== 'backwards';
    const records = await readServerStream(this.client, this.names.onServer(stream), {
      direction: forwards ? FORWARDS : BACKWARDS,
      fromRevision: options.fromRevision === undefined ? (forwards ? START : END) : BigInt(options.fromRevision),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    return records.map((record) => toRecordedEvent(record, stream));
  }

  /** `$all` filtered on the server to Dateline's streams; the read starts at `after` and drops it. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after, maxCount } = options;
    const fromPosition = after === undefined ? START : parseCheckpoint(after);
    const events: RecordedEvent[] = [];
    if (maxCount === 0) return events;
    const reading = this.client.readAll({
      fromPosition,
      filter: streamNameFilter({ regex: this.names.feedPattern() }),
      ...(maxCount === undefined ? {} : { maxCount: maxCount + 1 }),
    });
    for await (const { event: record } of reading) {
      const event = record && toRecordedEvent(record, this.names.inDateline(record.streamId));
      if (event && isAfter(event, after)) events.push(event);
      if (events.length === maxCount) break;
    }
    return events;
  }

  readEvent(eventId: string): Promise<RecordedEvent | null> {
    return this.ids.find(eventId);
  }

  async streamRevision(stream: string): Promise<number> {
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last?.revision ?? -1;
  }

  /** A catch-up subscription to `$all` filtered to Dateline's streams; it resumes when dropped. */
  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    return followAll(this.client, this.names, options.after, this.subscribers);
  }

  async ping(): Promise<void> {
    await readServerStream(this.client, this.names.epoch(), { maxCount: 1 });
  }

  /** Completes live subscriptions, then closes the connection; later calls do nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscriber of [...this.subscribers]) subscriber.complete();
    await this.client.dispose();
  }

  /** A retried batch answers what the first attempt answered; ids stored anywhere else are refused. */
  private async originalResult(stream: string, events: readonly EventToAppend[]): Promise<AppendResult | null> {
    const stored = await Promise.all(events.map((event) => this.ids.find(event.eventId)));
    const first = stored[0];
    if (!first) {
      const clash = stored.findIndex((event) => event !== null);
      if (clash >= 0) throw new DuplicateEventId(events[clash].eventId);
      return null;
    }
    stored.forEach((event, index) => {
      if (event?.stream !== stream || event.revision !== first.revision + index) {
        throw new DuplicateEventId(events[index].eventId);
      }
    });
    return this.resultAt(stream, first.revision + events.length - 1);
  }

  /** The result an append ending at `revision` gives; a stream that does not exist yet is at the start. */
  private async resultAt(stream: string, revision: number): Promise<AppendResult> {
    const event = revision < 0 ? null : await this.readAt(stream, revision);
    if (!event) return { nextRevision: 0, position: 0, checkpoint: START_CHECKPOINT };
    return { nextRevision: event.revision + 1, position: event.position, checkpoint: event.checkpoint };
  }

  private async readAt(stream: string, revision: number): Promise<RecordedEvent | null> {
    const [event] = await this.readStream(stream, { fromRevision: revision, maxCount: 1 });
    return event?.revision === revision ? event : null;
  }
}
