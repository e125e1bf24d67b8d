import type { OpenedBlog, UpdateRecord } from '../live-blog/index.js';
import type { RecordPage } from './auditor-view.js';

/** Where one page of updates (newest first) stands among all those it pages through. */
export interface PagePlace {
  /** How many updates there are to page through. */
  readonly total: number;
  /** How many of them are newer than this page: the page shows updates newer + 1 to newer + its length. */
  readonly newer: number;
  /**
   * The cursor (`beforeRevision`) of the page of newer updates: null when that page is the first,
   * which needs none; undefined when this page is the first.
   */
  readonly newerBeforeRevision: number | null | undefined;
}

/**
 * Where the page of `limit` updates posted before `beforeRevision` stands, counting only the
 * updates `listed` keeps (the reader's page leaves out retracted ones; the record keeps them).
 * The newer page is the `limit` listed updates just after this one's newest, so paging back and
 * forth shows the same pages.
 */
export function placeOfPage(blog: OpenedBlog, page: RecordPage, listed: (update: UpdateRecord) => boolean): PagePlace {
  const before = page.beforeRevision ?? Number.POSITIVE_INFINITY;
  let total = 0;
  let newer = 0;
  let cursor: number | null = null;
  for (const update of blog.updates) {
    if (!listed(update)) continue;
    total++;
    if (update.revision < before) continue;
    newer++;
    // Updates come oldest first: the newer page ends (going back in time) with the limit-th after this one.
    if (newer === page.limit) cursor = update.revision + 1;
  }
  if (newer === 0) return { total, newer, newerBeforeRevision: undefined };
  return { total, newer, newerBeforeRevision: newer > page.limit ? cursor : null };
}
