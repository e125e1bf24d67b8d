import type { LiveBlogState } from '../live-blog/index.js';

/** A snapshot every this many revisions: an as-of folds at most this many events past the nearest one. */
export const SNAPSHOT_EVERY = 1000;
/** Snapshots are kept for this many blogs, the ones asked about last. */
const MAX_BLOGS = 16;
/**
 * Event types that rewrite events stored before them (a lawful redaction removes text from the
 * record): states folded before one arrived may hold what is no longer in the store.
 */
const REWRITES_HISTORY: ReadonlySet<string> = new Set(['UpdateRedacted']);

interface BlogSnapshots {
  /** States at revisions SNAPSHOT_EVERY - 1, 2 × SNAPSHOT_EVERY - 1, …, by revision. */
  readonly states: Map<number, LiveBlogState>;
  /** The stream's revisions up to here were checked for events that rewrite history. */
  checkedUpTo: number;
  /** How many times a rewrite of history dropped the states. */
  drops: number;
}

/**
 * Folded states of a blog every SNAPSHOT_EVERY revisions, so that a past state is the nearest
 * snapshot plus at most SNAPSHOT_EVERY events, not a fold from the first event (at 100,000 events
 * that took most of a second). Kept in memory, built as folds pass them; a state is immutable
 * (the fold is pure), so one snapshot serves every later question.
 */
export class FoldSnapshots {
  private readonly blogs = new Map<string, BlogSnapshots>();

  /** The latest snapshot at or before `revision` whose events are all dated at or before `until` (ms). */
  nearest(liveBlogId: string, revision: number, until: number): LiveBlogState | undefined {
    const blog = this.blogs.get(liveBlogId);
    if (!blog) return undefined;
    this.blogs.delete(liveBlogId); // kept last in the map: asked about last
    this.blogs.set(liveBlogId, blog);
    for (let at = revision - ((revision + 1) % SNAPSHOT_EVERY); at >= 0; at -= SNAPSHOT_EVERY) {
      const state = blog.states.get(at);
      if (state && state.status !== 'none' && Date.parse(state.lastUpdatedAt) <= until) return state;
    }
    return undefined;
  }

  /** Changes when the blog's snapshots are dropped: a fold begun before then may hold rewritten text. */
  generation(liveBlogId: string): number {
    return this.blogs.get(liveBlogId)?.drops ?? 0;
  }

  /** Keeps the state if it stands at a snapshot revision and no rewrite came since its fold began. */
  remember(liveBlogId: string, state: LiveBlogState, generation: number): void {
    if ((state.revision + 1) % SNAPSHOT_EVERY !== 0) return;
    const blog = this.blogOf(liveBlogId);
    if (blog.drops === generation) blog.states.set(state.revision, state);
  }

  /** The revision after which the stream still has to be checked for history rewrites. */
  checkedUpTo(liveBlogId: string): number {
    return this.blogs.get(liveBlogId)?.checkedUpTo ?? -1;
  }

  /** Records what the stream held from `checkedUpTo` on; a rewrite of history drops the blog's snapshots. */
  check(liveBlogId: string, types: readonly string[], upTo: number): void {
    const blog = this.blogs.get(liveBlogId);
    if (!blog) return;
    if (types.some((type) => REWRITES_HISTORY.has(type))) {
      blog.states.clear();
      blog.drops++;
    }
    blog.checkedUpTo = Math.max(blog.checkedUpTo, upTo);
  }

  private blogOf(liveBlogId: string): BlogSnapshots {
    let blog = this.blogs.get(liveBlogId);
    if (!blog) {
      blog = { states: new Map(), checkedUpTo: -1, drops: 0 };
      this.blogs.set(liveBlogId, blog);
      if (this.blogs.size > MAX_BLOGS) this.blogs.delete(this.blogs.keys().next().value!);
    }
    return blog;
  }
}
