import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  EVENT_STORE,
  type AppendResult,
  type EventRewrite,
  type EventStore,
  type EventToAppend,
  StoreUnavailable,
  WrongExpectedRevision,
} from '../../event-store/index.js';
import { Metrics, TakingTurns } from '../../shared/index.js';
import { decide, type LiveBlogCommand, LiveBlogNotFound, type LiveBlogState } from '../domain/index.js';
import { ConcurrentWriteConflict, IdempotencyKeyReused } from './errors.js';
import { envelope, toStoredEvent, type EventMetadata, type StoredEvent } from './envelope.js';
import { redactionRewritesFor } from './redaction-rewrites.js';
import { streamOf } from './stream-names.js';
import { VIEW_PROGRESS, type ViewProgress } from './view-progress.js';
import { WriteStates } from './write-states.js';
import { type Author, normalizeInstant, CLOCK, type Clock, StaleRevision } from '../../kernel/index.js';

/**
 * How long a write without If-Match keeps retrying while writers on other nodes win the race for
 * its story (on this node, writes to one story take turns and do not race). Each retry waits a
 * random delay that grows with the attempts (full jitter), so two nodes do not retry in step.
 */
const RETRY_FOR_MS = 10_000;
const MAX_BACKOFF_MS = 100;
/** Namespace of the event ids derived from an Idempotency-Key (uuid v5). */
const IDEMPOTENCY_NAMESPACE = '6f1d0c1e-3b0a-4a53-9d5e-2f7f2c8f6a10';

export interface CommandContext {
  readonly author: Author;
  /** The revision the writer saw (If-Match): a stale one is refused, never retried. */
  readonly expectedRevision?: number;
  readonly idempotencyKey?: string;
  /** A digest of the request the key came with: the same key with another request is refused. */
  readonly requestHash?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface CommandResult {
  readonly liveBlogId: string;
  readonly revision: number;
  readonly position: number;
  /** False when nothing was written: a retry answered from its first attempt, or a command that changed nothing. */
  readonly appended: boolean;
}

/** A command before it meets the clock: `at` is the editor's date for it, if any. */
export type CommandRequest = { readonly at?: string } & DistributiveOmit<LiveBlogCommand, 'at' | 'now'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** load → decide → envelope → append, with optimistic concurrency on the loaded revision. */
@Injectable()
export class CommandHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writeStates: WriteStates,
    @Inject(VIEW_PROGRESS) private readonly views: ViewProgress,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Writes to one story take turns on this node: concurrent writers would only make each other retry. */
  private readonly turns = new TakingTurns();

  async execute(liveBlogId: string, request: CommandRequest, context: CommandContext): Promise<CommandResult> {
    const stream = streamOf(liveBlogId);
    const eventIdAt = eventIdsFor(stream, context.idempotencyKey);
    const earlier = await this.previousResult(liveBlogId, context, eventIdAt);
    if (earlier) return earlier;
    const written = await this.turns.take(liveBlogId, () => this.write(liveBlogId, request, context, eventIdAt));
    // Read-your-writes: the editor's next GET is served from the views, so answer once they hold the write.
    if (written.checkpoint !== undefined) await this.views.waitUntilProjected(written.checkpoint);
    return written.result;
  }

  private async write(
    liveBlogId: string,
    request: CommandRequest,
    context: CommandContext,
    eventIdAt?: (index: number) => string,
  ): Promise<{ result: CommandResult; checkpoint?: AppendResult['checkpoint'] }> {
    const stream = streamOf(liveBlogId);
    const retryUntil = Date.now() + RETRY_FOR_MS;
    // Attempt 0 decides on this node's cached state without reading the store: an append the store
    // accepts on its revision proves it was the head. Any other outcome may come of a stale cache
    // (another node wrote), so it is not answered but decided again on what the store holds.
    for (let attempt = this.writeStates.cached(liveBlogId) ? 0 : 1; ; attempt++) {
      const cached = attempt === 0 ? this.writeStates.cached(liveBlogId) : undefined;
      const current = cached ?? (await this.writeStates.load(liveBlogId));
      const revision = current.state.revision;
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
        if (cached) continue;
        throw new StaleRevision(context.expectedRevision, revision);
      }
      const now = normalizeInstant(this.clock.now());
      const command = { ...request, ...dated(request.at, now, current.state) } as LiveBlogCommand;
      const events = cached
        ? decideOrNull(command, current.state)
        : await this.decideOrFindRetry(command, current.state, liveBlogId, context, eventIdAt);
      if (events === null || (cached && Array.isArray(events) && events.length === 0)) continue;
      if (!Array.isArray(events)) return { result: events };
      if (events.length === 0) return { result: { liveBlogId, revision, position: current.position, appended: false } };

      const envelopes = envelope(events, { prevHash: current.lastHash, at: command.at }, context, eventIdAt);
      let result: AppendResult;
      try {
        const rewrites = await redactionRewritesFor(this.store, stream, events, current.state);
        result = await this.timedAppend(stream, envelopes, revision, rewrites);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) {
          // A store that does not answer is answered at once (503): trying again would double the wait.
          if (cached && !(error instanceof StoreUnavailable)) continue;
          throw error;
        }
        if (context.expectedRevision !== undefined) throw new StaleRevision(context.expectedRevision, error.actual);
        if (cached) continue;
        this.metrics.commandConflicts.inc();
        if (Date.now() >= retryUntil) throw new ConcurrentWriteConflict(attempt);
        await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
        continue;
      }
      this.writeStates.committed(liveBlogId, current, envelopes, result);
      return {
        result: { liveBlogId, revision: result.nextRevision - 1, position: result.position, appended: true },
        checkpoint: result.checkpoint,
      };
    }
  }

  /**
   * The same request running concurrently (a retry, or two nodes importing one story) may commit
   * between the first look for it and the load; then the domain refuses what is already there,
   * and the answer is that attempt's result.
   */
  private async decideOrFindRetry(
    command: LiveBlogCommand,
    state: Parameters<typeof decide>[1],
    liveBlogId: string,
    context: CommandContext,
    eventIdAt?: (index: number) => string,
  ): Promise<ReturnType<typeof decide> | CommandResult> {
    try {
      return decide(command, state);
    } catch (error) {
      const concurrent = await this.previousResult(liveBlogId, context, eventIdAt);
      if (concurrent) return concurrent;
      throw error instanceof LiveBlogNotFound ? new LiveBlogNotFound(liveBlogId) : error;
    }
  }

  /** A retried request's first attempt, once the views hold it (the retry may follow a lost reply). */
  private async previousResult(
    liveBlogId: string,
    context: CommandContext,
    eventIdAt?: (index: number) => string,
  ): Promise<CommandResult | null> {
    if (!eventIdAt) return null;
    let last: StoredEvent | null = null;
    for (let index = 0; ; index++) {
      const recorded = await this.store.readEvent(eventIdAt(index));
      if (!recorded) break;
      const event = toStoredEvent(recorded);
      const stored = event.metadata.requestHash;
      if (index === 0 && context.requestHash && stored !== undefined && stored !== context.requestHash) {
        throw new IdempotencyKeyReused(context.idempotencyKey!);
      }
      // A key is its writer's own: another writer's result is never theirs to see.
      if (index === 0 && event.metadata.author.id !== context.author.id) {
        throw new IdempotencyKeyReused(context.idempotencyKey!, 'by another writer');
      }
      last = event;
    }
    if (!last) return null;
    await this.views.waitUntilProjected(last.checkpoint);
    return { liveBlogId, revision: last.revision, position: last.position, appended: false };
  }

  /** A redaction rewrites the stored events that hold the text in the transaction that appends it (DESIGN §3a). */
  private async timedAppend(
    stream: string,
    events: EventToAppend<EventMetadata>[],
    revision: number,
    rewrites: EventRewrite[] | null,
  ) {
    const stop = this.metrics.appendDuration.startTimer();
    const options = { expectedRevision: revision === -1 ? ('no_stream' as const) : revision };
    const result = rewrites
      ? await this.store.redact(stream, events, { ...options, rewrites })
      : await this.store.append(stream, events, options);
    stop();
    for (const event of events) this.metrics.eventsAppended.inc({ type: event.type });
    return result;
  }
}

/** The domain's events, or null when it refuses: on a cached state that may be stale, a refusal is not yet an answer. */
function decideOrNull(command: LiveBlogCommand, state: LiveBlogState): ReturnType<typeof decide> | null {
  try {
    return decide(command, state);
  } catch {
    return null;
  }
}

/**
 * A write the editor dates is checked against the server's now (never in the future). One the editor
 * does not date is dated now, or at the blog's last change when another node's clock put that later:
 * so no writer's date, and no clock, can make another writer's undated command too early.
 */
function dated(at: string | undefined, now: string, state: LiveBlogState): { at: string; now: string } {
  if (at) return { at: normalizeInstant(at), now };
  const last = state.status === 'none' ? now : state.lastUpdatedAt;
  const serverDate = Date.parse(last) > Date.parse(now) ? last : now;
  return { at: serverDate, now: serverDate };
}

/** With an Idempotency-Key, a retried request derives the same event ids and finds its first attempt. */
function eventIdsFor(stream: string, idempotencyKey?: string): ((index: number) => string) | undefined {
  if (!idempotencyKey) return undefined;
  return (index) => uuidv5(`${stream}|${idempotencyKey}|${index}`, IDEMPOTENCY_NAMESPACE);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
