import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { defer, firstValueFrom, retry, Subject, type Subscription, timer } from 'rxjs';
import {
  compareCheckpoints,
  EVENT_STORE,
  type Checkpoint,
  type EventStore,
  type RecordedEvent,
  OtherStreamEvents,
  SNAPSHOT_STORE,
  type SnapshotStore,
} from '../../event-store/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { Metrics, secondsSince } from '../../shared/index.js';
import { foldStored, toStoredEvent, toStoredEvents, type StoredEvent } from '../application/envelope.js';
import { loadLiveBlog, NO_STORY, type HeldLiveBlog, type LiveBlogSummary } from '../application/live-blog-snapshots.js';
import { liveBlogIdOf, streamOf } from '../application/stream-names.js';
import type { ViewProgress } from '../application/view-progress.js';
import { initialState, type LiveBlogState } from '../domain/index.js';
import { HeldLiveBlogs } from './held-live-blogs.js';
import { ViewSnapshots } from './view-snapshots.js';
import { CLOCK, type Clock } from '../../kernel/index.js';

/** After the store feed fails, the first wait before following it again; each failure in a row doubles it, up to the cap. */
const FEED_RETRY_FIRST_MS = 100;
const FEED_RETRY_MAX_MS = 5000;

export interface FoldedEvent {
  readonly liveBlogId: string;
  readonly event: StoredEvent;
}

/**
 * Tails the store feed and keeps every blog's folded state, the readers' views, with where its hash
 * chain ends. Events appended by another process arrive here too, because the feed is the store's,
 * not this node's. Snapshots of the views let a start fold only what came after them.
 */
@Injectable()
export class ProjectionRunner implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown, ViewProgress {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly blogs: HeldLiveBlogs;
  private readonly snapshots: ViewSnapshots;
  private readonly waiters = new Set<{ checkpoint: Checkpoint; resolve: () => void }>();
  private readonly folded$ = new Subject<FoldedEvent>();
  /** Feed events waiting while a story not in memory is read back, in feed order. */
  private readonly queued: RecordedEvent[] = [];
  private draining = false;
  private stopped = false;
  private subscription?: Subscription;
  /** The last event folded; undefined before the first. */
  private checkpoint?: Checkpoint;
  private position = 0;

  /**
   * Every live-blog event once folded, those folded at start-up included, in each blog's order;
   * `state(liveBlogId)` already holds it. The fan-out listens here and counts what it pushed.
   */
  readonly folded = this.folded$.asObservable();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: Metrics,
    private readonly otherStreams: OtherStreamEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SNAPSHOT_STORE) snapshotStore: SnapshotStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.blogs = new HeldLiveBlogs(
      config.liveBlogsInMemory,
      (liveBlogId, atRevision) => this.readBack(snapshotStore, liveBlogId, atRevision),
      (liveBlogId, held) => this.snapshots.dropped(liveBlogId, held),
      (held) => this.metrics.liveBlogsHeld.set(held),
    );
    this.snapshots = new ViewSnapshots(store, snapshotStore, config.snapshotEvery, metrics, this.logger, () => ({
      blogs: this.blogs,
      checkpoint: this.checkpoint,
    }));
  }

  /**
   * Before the app answers its first request: every story's summary as the last snapshots left it
   * (or, from a place saved without summaries, each story from its snapshot and the events after it),
   * then everything the feed holds after that place, or, without snapshots, everything stored. Then
   * follows the feed.
   */
  async onModuleInit(): Promise<void> {
    const restored = await this.snapshots.restore((liveBlogId, story) => {
      if ('state' in story) this.blogs.keep(liveBlogId, story);
      else this.blogs.summarised(liveBlogId, story);
    });
    let eventsFolded = restored?.eventsRead ?? 0;
    if (restored) this.checkpoint = restored.checkpoint;
    for (;;) {
      const page = await this.store.readAll({ after: this.checkpoint, maxCount: 1000 });
      if (page.length === 0) break;
      eventsFolded += await this.foldPage(page);
    }
    this.metrics.startEventsFolded.set(eventsFolded);
    this.follow();
    this.logger.log(
      `views caught up at checkpoint ${this.checkpoint ?? 'start'} (${this.blogs.all().size} live blogs)`,
    );
  }

  /**
   * Follows the feed after the last event folded. Whatever ends it with an error (a read the store
   * refused, a dropped connection the adapter does not resume by itself, an event it could not read)
   * subscribes again from the same place after a growing, jittered wait, so the views never freeze;
   * an event reached again is not folded twice, since each subscription starts after the checkpoint
   * folded last. A feed that completes (the store closing) is not followed again.
   */
  private follow(): void {
    const feed = defer(() => this.store.subscribeToAll({ after: this.checkpoint }));
    const retried = feed.pipe(
      retry({ delay: (error, failures) => this.feedFailed(error, failures), resetOnSuccess: true }),
    );
    this.subscription = retried.subscribe((event) => this.receive(event));
  }

  private feedFailed(error: unknown, failures: number) {
    const base = Math.min(FEED_RETRY_MAX_MS, FEED_RETRY_FIRST_MS * 2 ** (failures - 1));
    const waitMs = Math.round(base * (0.5 + Math.random()));
    this.metrics.feedErrors.inc();
    const after = this.checkpoint ?? 'start';
    this.logger.error(
      { err: error, failures, waitMs },
      `store feed failed; following it again after ${after} in ${waitMs} ms`,
    );
    return timer(waitMs);
  }

  /**
   * At start-up nobody listens yet: each blog's run of events in a page is folded in one go (linear,
   * not per event); events the views already hold are passed over. Answers how many it folded.
   */
  private async foldPage(page: readonly RecordedEvent[]): Promise<number> {
    const byBlog = new Map<string, RecordedEvent[]>();
    let read = 0;
    for (const event of page) {
      const liveBlogId = liveBlogIdOf(event.stream);
      if (liveBlogId === null) continue;
      if (event.revision <= this.blogs.revisionOf(liveBlogId)) continue;
      read++;
      const events = byBlog.get(liveBlogId);
      if (events) events.push(event);
      else byBlog.set(liveBlogId, [event]);
    }
    for (const [liveBlogId, events] of byBlog) {
      const stored = toStoredEvents(events);
      this.extend(liveBlogId, (await this.blogs.load(liveBlogId)) ?? NO_STORY, stored);
      for (const event of stored) this.folded$.next({ liveBlogId, event });
    }
    this.advance(page.at(-1)!);
    return read;
  }

  /** The blog's state with a run of its events folded in, and the chain's new end. */
  private extend(liveBlogId: string, from: HeldLiveBlog, stored: readonly StoredEvent[]): void {
    const last = stored.at(-1);
    if (!last) return;
    const state = foldStored(from.state, stored);
    const held = { state, position: last.position, lastHash: last.metadata.hash };
    this.blogs.keep(liveBlogId, held);
    this.snapshots.folded(liveBlogId, held);
  }

  /** A story read back on demand, at the revision the views have folded. */
  private async readBack(snapshotStore: SnapshotStore, liveBlogId: string, atRevision: number) {
    const loaded = await loadLiveBlog(this.store, snapshotStore, liveBlogId, atRevision);
    this.metrics.liveBlogLoads.inc();
    this.metrics.snapshotLoads.inc({ outcome: loaded.snapshot });
    this.snapshots.loaded(liveBlogId, loaded);
    // A story folded from zero (its snapshot rejected or absent) gets a snapshot anew.
    this.snapshots.folded(liveBlogId, loaded.held);
    return loaded.held;
  }

  /** A clean shutdown snapshots every story that moved, while the store is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.snapshots.writeAll();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    this.folded$.complete();
    this.otherStreams.complete();
  }

  /** The blog as this node's views hold it, when they hold it whole in memory (else see `load`). */
  state(liveBlogId: string): LiveBlogState | undefined {
    return this.blogs.inMemory(liveBlogId)?.state;
  }

  /** The blog as this node's views hold it, read back from its snapshot when it is not in memory. */
  async load(liveBlogId: string): Promise<LiveBlogState | undefined> {
    return (await this.blogs.load(liveBlogId))?.state;
  }

  /** Every blog the views know, by its summary: where its hash chain ends (the checkpoints sign these) and what is listed. */
  summaries(): ReadonlyMap<string, LiveBlogSummary> {
    return this.blogs.all();
  }

  /**
   * The blog as the store holds it now: these views plus what the feed has not brought yet (such
   * as another node's write that a reader already saw there). Folded aside; the views move only with the feed.
   */
  async latest(liveBlogId: string): Promise<LiveBlogState> {
    const viewed = (await this.load(liveBlogId)) ?? initialState;
    const tail = await this.store.readStream(streamOf(liveBlogId), { fromRevision: viewed.revision + 1 });
    return foldStored(viewed, toStoredEvents(tail));
  }

  get projectedPosition(): number {
    return this.position;
  }

  /** The checkpoint of the last event folded; undefined before the first. */
  get projectedCheckpoint(): Checkpoint | undefined {
    return this.checkpoint;
  }

  /** Resolves once the views hold everything up to and including this checkpoint (read-your-writes after a command). */
  waitUntilProjected(checkpoint: Checkpoint, timeoutMs = 5000): Promise<void> {
    if (this.holds(checkpoint)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { checkpoint, resolve: () => (clearTimeout(expiry), resolve()) };
      const expiry = setTimeout(() => (this.waiters.delete(waiter), resolve()), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * An event of a story the views hold only by its summary waits for the story to be read back, and
   * every event after it waits its turn, so each is still folded and heard in feed order.
   */
  private receive(event: RecordedEvent): void {
    if (!this.draining && !this.mustLoad(event)) return this.fold(event);
    this.queued.push(event);
    if (!this.draining) void this.drain();
  }

  private mustLoad(event: RecordedEvent): boolean {
    const liveBlogId = liveBlogIdOf(event.stream);
    return liveBlogId !== null && event.revision > this.blogs.revisionOf(liveBlogId) && this.blogs.mustLoad(liveBlogId);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    for (let failures = 0; this.queued.length > 0 && !this.stopped; ) {
      const event = this.queued[0]!;
      try {
        const story = this.mustLoad(event) ? await this.blogs.load(liveBlogIdOf(event.stream)!) : undefined;
        failures = 0;
        this.queued.shift();
        this.fold(event, story);
      } catch (error) {
        await firstValueFrom(this.feedFailed(error, ++failures));
      }
    }
    this.draining = false;
  }

  private fold(event: RecordedEvent, story?: HeldLiveBlog): void {
    const liveBlogId = liveBlogIdOf(event.stream);
    const stored = liveBlogId === null ? null : toStoredEvent(event);
    // A story read from its snapshot and tail at start may already hold an event the feed brings later.
    const known = liveBlogId !== null && event.revision <= this.blogs.revisionOf(liveBlogId);
    if (liveBlogId !== null && stored && !known) {
      this.extend(liveBlogId, story ?? this.blogs.inMemory(liveBlogId) ?? NO_STORY, [stored]);
    }
    this.advance(event);
    this.metrics.projectionLag.observe(secondsSince(event.recordedAt, this.clock));
    // Writers waiting for their event are let go before any listener hears of it.
    this.wakeWaiters();
    if (liveBlogId !== null && stored) {
      if (!known) this.folded$.next({ liveBlogId, event: stored });
    } else this.otherStreams.publish(event);
  }

  private wakeWaiters(): void {
    for (const waiter of this.waiters) {
      if (this.holds(waiter.checkpoint)) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private advance(last: RecordedEvent): void {
    this.checkpoint = last.checkpoint;
    this.position = last.position;
    this.metrics.projectionPosition.set(last.position);
  }

  private holds(checkpoint: Checkpoint): boolean {
    return this.checkpoint !== undefined && compareCheckpoints(checkpoint, this.checkpoint) <= 0;
  }
}
