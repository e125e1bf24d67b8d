import type { Logger } from '@nestjs/common';
import type { Checkpoint, EventStore, SnapshotStore } from '../../event-store/index.js';
import type { Metrics } from '../../shared/index.js';
import {
  loadLiveBlog,
  parseSummaries,
  serialiseSummaries,
  toSnapshot,
  type HeldLiveBlog,
  type LiveBlogSummary,
  type LoadedLiveBlog,
} from '../application/live-blog-snapshots.js';
import { liveBlogIdOf, streamOf } from '../application/stream-names.js';
import type { HeldLiveBlogs } from './held-live-blogs.js';

/** The views as the runner holds them: every story, and the checkpoint of the last event folded. */
export interface HeldViews {
  readonly blogs: HeldLiveBlogs;
  readonly checkpoint?: Checkpoint;
}

/**
 * Writes the views' snapshots (every `every` events of a story, of a story that leaves memory having
 * moved, and of every story in memory at shutdown) off the fold's path, with the runner's place and
 * every story's summary; and reads the summaries back at start.
 */
export class ViewSnapshots {
  /** The revision of each story's last snapshot written or loaded (-1: none; -Infinity: one to replace). */
  private readonly saved = new Map<string, number>();
  /** Each story due a snapshot, with its state when it became due (used if it has left memory since). */
  private readonly due = new Map<string, HeldLiveBlog>();
  private scheduled = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly snapshots: SnapshotStore,
    private readonly every: number,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    private readonly views: () => HeldViews,
  ) {}

  /**
   * The views at the place last saved: every story's summary, or, from a place saved before they were
   * kept (or whose summaries do not match their digest), each story from its snapshot and tail.
   * Null when no place was saved.
   */
  async restore(
    keep: (liveBlogId: string, story: LiveBlogSummary | HeldLiveBlog) => void,
  ): Promise<{ checkpoint: Checkpoint; eventsRead: number } | null> {
    if (this.every === 0) return null;
    const place = await this.snapshots.feedPlace();
    if (!place) return null;
    const summaries = parseSummaries(place.summaries);
    if (summaries) {
      for (const [liveBlogId, summary] of summaries) keep(liveBlogId, summary);
      return { checkpoint: place.checkpoint, eventsRead: 0 };
    }
    let eventsRead = 0;
    for (const stream of place.streams) {
      const liveBlogId = liveBlogIdOf(stream);
      if (liveBlogId === null) continue;
      const loaded = await loadLiveBlog(this.store, this.snapshots, liveBlogId);
      this.metrics.snapshotLoads.inc({ outcome: loaded.snapshot });
      eventsRead += loaded.eventsRead;
      this.loaded(liveBlogId, loaded);
      keep(liveBlogId, loaded.held);
      this.folded(liveBlogId, loaded.held);
    }
    return { checkpoint: place.checkpoint, eventsRead };
  }

  /** A story read back: which snapshot it came from. */
  loaded(liveBlogId: string, loaded: LoadedLiveBlog): void {
    this.saved.set(liveBlogId, loaded.snapshot === 'rejected' ? -Infinity : loaded.snapshotRevision);
  }

  /** After the fold: a story `every` events past its last snapshot gets a new one, written in a later task. */
  folded(liveBlogId: string, held: HeldLiveBlog): void {
    if (this.every === 0 || held.state.status === 'none') return;
    if (held.state.revision - (this.saved.get(liveBlogId) ?? -1) < this.every) return;
    this.schedule(liveBlogId, held);
  }

  /** A story leaving memory having moved since its snapshot gets a new one, so reading it back folds no tail. */
  dropped(liveBlogId: string, held: HeldLiveBlog): void {
    if (this.every === 0 || held.state.status === 'none') return;
    if (held.state.revision > (this.saved.get(liveBlogId) ?? -1)) this.schedule(liveBlogId, held);
  }

  /** At a clean shutdown: every story in memory that moved since its last snapshot, so the next start reads no tail. */
  async writeAll(): Promise<void> {
    if (this.every === 0) return;
    for (const [liveBlogId, held] of this.views().blogs.wholeStories()) {
      if (held.state.revision > (this.saved.get(liveBlogId) ?? -1)) this.due.set(liveBlogId, held);
    }
    this.writeDue();
    await this.writing;
  }

  private schedule(liveBlogId: string, held: HeldLiveBlog): void {
    this.due.set(liveBlogId, held);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.writeDue();
    });
  }

  private writeDue(): void {
    const due = [...this.due];
    this.due.clear();
    this.writing = this.writing.then(() => this.write(due));
  }

  /**
   * One story at a time (each serialised in a task of its own, so readers are answered in between),
   * then the runner's place and every story's summary, as they were when the writing began.
   */
  private async write(due: ReadonlyArray<[string, HeldLiveBlog]>): Promise<void> {
    const { blogs, checkpoint } = this.views();
    if (checkpoint === undefined) return;
    const summaries = blogs.all();
    const place = {
      checkpoint,
      streams: [...summaries.keys()].map(streamOf),
      summaries: serialiseSummaries(summaries),
    };
    try {
      for (const [liveBlogId, dueHeld] of due) {
        const held = blogs.peek(liveBlogId) ?? dueHeld;
        if (held.state.status === 'none') continue;
        const written = await this.snapshots.save([toSnapshot(liveBlogId, { ...held, state: held.state })], null);
        this.metrics.snapshotsWritten.inc(written);
        this.saved.set(liveBlogId, held.state.revision);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await this.snapshots.save([], place);
    } catch (error) {
      this.logger.warn({ err: error }, 'snapshots not written; the next start folds more of the stories');
    }
  }
}
