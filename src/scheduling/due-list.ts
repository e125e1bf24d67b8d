/** One scheduled update and when to try publishing it. */
interface DueItem {
  readonly liveBlogId: string;
  readonly updateId: string;
  /** Epoch ms of its publishAt. */
  readonly publishAt: number;
  /** Epoch ms: its publishAt, or a retry's time after a failed attempt. */
  readonly dueAt: number;
}

/** The updates every story has waiting, by story; small (an embargo or two per story), so kept in plain maps. */
export class DueList {
  private readonly stories = new Map<string, Map<string, DueItem>>();

  static keyOf(item: { readonly liveBlogId: string; readonly updateId: string }): string {
    return `${item.liveBlogId}/${item.updateId}`;
  }

  /** The story's waiting list as it now stands; a postponed retry keeps its time while its publishAt is unchanged. */
  replaceLiveBlog(liveBlogId: string, items: readonly DueItem[]): void {
    const before = this.stories.get(liveBlogId);
    if (items.length === 0) {
      this.stories.delete(liveBlogId);
      return;
    }
    const next = new Map<string, DueItem>();
    for (const item of items) {
      const kept = before?.get(item.updateId);
      next.set(item.updateId, kept && kept.publishAt === item.publishAt ? kept : item);
    }
    this.stories.set(liveBlogId, next);
  }

  remove(liveBlogId: string, updateId: string): void {
    const story = this.stories.get(liveBlogId);
    story?.delete(updateId);
    if (story?.size === 0) this.stories.delete(liveBlogId);
  }

  postpone(liveBlogId: string, updateId: string, dueAt: number): void {
    const story = this.stories.get(liveBlogId);
    const item = story?.get(updateId);
    if (item) story!.set(updateId, { ...item, dueAt });
  }

  earliest(): number | undefined {
    let earliest: number | undefined;
    for (const story of this.stories.values())
      for (const item of story.values()) if (earliest === undefined || item.dueAt < earliest) earliest = item.dueAt;
    return earliest;
  }

  dueAt(now: number): DueItem[] {
    const due: DueItem[] = [];
    for (const story of this.stories.values()) for (const item of story.values()) if (item.dueAt <= now) due.push(item);
    return due;
  }
}
