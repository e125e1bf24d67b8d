import type { Author, OpenedBlog, UpdateRecord } from '../live-blog/domain/index.js';
import { toArticleView, toPublicUpdate, type PublicUpdate } from '../live-blog/projections/article.view.js';

export interface AuditedChange {
  readonly revision: number;
  readonly at: string;
  readonly author: Author;
}

export interface AuditedCorrection extends AuditedChange {
  readonly reason: string;
  readonly previousBody: string;
  /** The body this correction put in place. */
  readonly body: string;
}

/** An update as the record keeps it: the reader's fields, who posted it, every correction, and its retraction. */
export interface AuditedUpdate extends PublicUpdate {
  readonly author: Author;
  readonly corrections: readonly AuditedCorrection[];
  readonly retracted: (AuditedChange & { readonly reason: string }) | null;
}

/**
 * The article as readers saw it at the blog's revision, built by the readers' own `toArticleView`,
 * except that `updates` holds every update ever posted (newest first), retracted ones included and
 * marked. The reader's page of updates and its cursor are left out: the auditor gets the whole record.
 */
export function toAuditorView(id: string, blog: OpenedBlog) {
  const { updates: _page, nextBeforeRevision: _cursor, ...article } = toArticleView(id, blog);
  return { ...article, updates: blog.updates.toReversed().map(toAuditedUpdate) };
}

export type AuditorView = ReturnType<typeof toAuditorView>;

export function toAuditedUpdate(update: UpdateRecord): AuditedUpdate {
  const { retraction } = update;
  // Added to the reader's fields rather than spread into a new literal: V8 builds a literal that
  // opens with a spread slowly, and a long story's view holds thousands of these.
  return Object.assign(toPublicUpdate(update), {
    author: update.author,
    corrections: update.corrections.map((correction, index) => ({
      revision: correction.revision,
      at: correction.at,
      author: correction.author,
      reason: correction.reason,
      previousBody: correction.previousBody,
      // A correction's own body is what the next one replaced, or the current body for the last.
      body: update.corrections[index + 1]?.previousBody ?? update.body,
    })),
    retracted: retraction && {
      revision: retraction.revision,
      at: retraction.at,
      author: retraction.author,
      reason: retraction.reason,
    },
  });
}
