import { LruMap } from '../../shared/index.js';
import { summaryOf, type HeldLiveBlog, type LiveBlogSummary } from '../application/live-blog-snapshots.js';

/**
 * The stories as the views hold them: a summary of every story, always in memory, and the whole
 * folded state of at most `capacity` of them, the most recently read, written or folded (LIVE_BLOGS_IN_MEMORY).
 * Any other is read back on demand at the revision its summary gives (`read`: its snapshot and the
 * events after it); two asking for one story at once share one read.
 */
export class HeldLiveBlogs {
  private readonly summaries = new Map<string, LiveBlogSummary>();
  private readonly whole: LruMap<string, HeldLiveBlog>;
  private readonly loading = new Map<string, Promise<HeldLiveBlog>>();

  constructor(
    capacity: number,
    private readonly read: (liveBlogId: string, atRevision: number) => Promise<HeldLiveBlog>,
    private readonly dropped: (liveBlogId: string, held: HeldLiveBlog) => void,
    private readonly counted: (held: number) => void,
  ) {
    this.whole = new LruMap(capacity, (liveBlogId, held) => this.dropped(liveBlogId, held));
  }

  /** Every story known to the views, by what they keep of it. */
  all(): ReadonlyMap<string, LiveBlogSummary> {
    return this.summaries;
  }

  /** The revision the views have folded of the story; -1 for one they do not know. */
  revisionOf(liveBlogId: string): number {
    return this.summaries.get(liveBlogId)?.revision ?? -1;
  }

  /** The story's whole state when it is in memory (which makes it the most recently used). */
  inMemory(liveBlogId: string): HeldLiveBlog | undefined {
    return this.whole.get(liveBlogId);
  }

  /** Without making it the most recently used (a snapshot's writer reads it). */
  peek(liveBlogId: string): HeldLiveBlog | undefined {
    return this.whole.peek(liveBlogId);
  }

  /** The stories in memory, least recently used first. */
  wholeStories(): Iterable<[string, HeldLiveBlog]> {
    return this.whole.entriesInUse();
  }

  /** True when the views know the story but hold only its summary. */
  mustLoad(liveBlogId: string): boolean {
    return this.summaries.has(liveBlogId) && this.whole.peek(liveBlogId) === undefined;
  }

  /** The story whole, read back when it is not in memory; undefined for a story the views do not know. */
  async load(liveBlogId: string): Promise<HeldLiveBlog | undefined> {
    const held = this.whole.get(liveBlogId);
    if (held) return held;
    const summary = this.summaries.get(liveBlogId);
    if (!summary) return undefined;
    let loading = this.loading.get(liveBlogId);
    if (!loading) {
      loading = this.readBack(liveBlogId, summary.revision).finally(() => this.loading.delete(liveBlogId));
      this.loading.set(liveBlogId, loading);
    }
    return loading;
  }

  /** The story as just folded (or read): its summary and its whole state, the most recently used. */
  keep(liveBlogId: string, held: HeldLiveBlog): void {
    this.summaries.set(liveBlogId, summaryOf(held));
    this.whole.set(liveBlogId, held);
    this.counted(this.whole.size);
  }

  /** A story known only by its summary (read at start). */
  summarised(liveBlogId: string, summary: LiveBlogSummary): void {
    this.summaries.set(liveBlogId, summary);
  }

  /**
   * A story the views do not hold whole cannot move while it is read (the feed folds a story's event
   * only once it holds the story, and waits for this same read): what is read is kept, unless the
   * story came into memory meanwhile.
   */
  private async readBack(liveBlogId: string, atRevision: number): Promise<HeldLiveBlog> {
    const held = await this.read(liveBlogId, atRevision);
    const meanwhile = this.whole.get(liveBlogId);
    if (meanwhile) return meanwhile;
    this.keep(liveBlogId, held);
    return held;
  }
}
