import type { Logger } from '@nestjs/common';
import type { Checkpoint, EventStore, SnapshotStore } from '../../event-store/index.js';
import type { Metrics } from '../../shared/index.js';
import { loadLiveBlog, toSnapshot, type HeldLiveBlog } from '../application/live-blog-snapshots.js';
import { liveBlogIdOf, streamOf } from '../application/stream-names.js';

/** The views as the runner holds them: every story, and the checkpoint of the last event folded. */
export interface HeldViews {
  readonly blogs: ReadonlyMap<string, HeldLiveBlog>;
  readonly checkpoint?: Checkpoint;
}

/**
 * Writes the views' snapshots (every `every` events of a story, and of every story at shutdown) off the
 * fold's path, and reads them back at start: each story the runner held when it last saved, from its
 * snapshot and the events after it, and the feed's place to follow on from.
 */
export class ViewSnapshots {
  /** The revision of each story's last snapshot written or loaded (-1: none; -Infinity: one to replace). */
  private readonly saved = new Map<string, number>();
  private readonly due = new Set<string>();
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

  /** The views at the place last saved, each story from its snapshot and tail; null when none was saved. */
  async restore(): Promise<{ checkpoint: Checkpoint; blogs: Map<string, HeldLiveBlog>; eventsRead: number } | null> {
    if (this.every === 0) return null;
    const place = await this.snapshots.feedPlace();
    if (!place) return null;
    const blogs = new Map<string, HeldLiveBlog>();
    let eventsRead = 0;
    for (const stream of place.streams) {
      const liveBlogId = liveBlogIdOf(stream);
      if (liveBlogId === null) continue;
      const loaded = await loadLiveBlog(this.store, this.snapshots, liveBlogId);
      this.metrics.snapshotLoads.inc({ outcome: loaded.snapshot });
      eventsRead += loaded.eventsRead;
      blogs.set(liveBlogId, loaded.held);
      this.saved.set(liveBlogId, loaded.snapshot === 'rejected' ? -Infinity : loaded.snapshotRevision);
      this.folded(liveBlogId, loaded.held);
    }
    return { checkpoint: place.checkpoint, blogs, eventsRead };
  }

  /** After the fold: a story `every` events past its last snapshot gets a new one, written in a later task. */
  folded(liveBlogId: string, held: HeldLiveBlog): void {
    if (this.every === 0 || held.state.status === 'none') return;
    if (held.state.revision - (this.saved.get(liveBlogId) ?? -1) < this.every) return;
    this.due.add(liveBlogId);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.writeDue();
    });
  }

  /** At a clean shutdown: every story that moved since its last snapshot, so the next start reads no tail. */
  async writeAll(): Promise<void> {
    if (this.every === 0) return;
    for (const [liveBlogId, held] of this.views().blogs) {
      if (held.state.revision > (this.saved.get(liveBlogId) ?? -1)) this.due.add(liveBlogId);
    }
    this.writeDue();
    await this.writing;
  }

  private writeDue(): void {
    const ids = [...this.due];
    this.due.clear();
    this.writing = this.writing.then(() => this.write(ids));
  }

  /**
   * One story at a time (each serialised in a task of its own, so readers are answered in between),
   * then the runner's place and the stories it holds, as they were when the writing began.
   */
  private async write(ids: readonly string[]): Promise<void> {
    const { blogs, checkpoint } = this.views();
    if (checkpoint === undefined) return;
    const place = { checkpoint, streams: [...blogs.keys()].map(streamOf) };
    try {
      for (const liveBlogId of ids) {
        const held = blogs.get(liveBlogId);
        if (!held || held.state.status === 'none') continue;
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
