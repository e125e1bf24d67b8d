import {
  type OpenedBlog,
  type Redaction,
  type UpdateRecord,
  toArticleView,
  toPublicUpdate,
  type PublicUpdate,
} from '../live-blog/index.js';
import type { Author } from '../kernel/index.js';

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
  /** Lawful redactions: which fields' text is gone, under which reference, why, by whom. */
  readonly redactions: readonly (AuditedChange & Omit<Redaction, keyof AuditedChange>)[];
  /** Who scheduled it, or which contributor filed it (DESIGN §3b); null when its author posted it. */
  readonly origin: UpdateRecord['origin'];
}

/** Which of the record's updates an auditor's view carries: newest first, posted before `beforeRevision`. */
export interface RecordPage {
  readonly beforeRevision?: number;
  readonly limit: number;
}

/**
 * The article as readers saw it at the blog's revision, built by the readers' own `toArticleView`,
 * except that `updates` holds the record: every update ever posted (newest first), retracted ones
 * included and marked, a page at a time like the readers' (`nextBeforeRevision` asks for the next,
 * older page; null after the last). A story of 6,400 updates was 3.7 MB of JSON on one page.
 */
export function toAuditorView(id: string, blog: OpenedBlog, page: RecordPage) {
  const { updates: _page, nextBeforeRevision: _cursor, ...article } = toArticleView(id, blog);
  const before = page.beforeRevision ?? Number.POSITIVE_INFINITY;
  const updates: AuditedUpdate[] = [];
  let nextBeforeRevision: number | null = null;
  for (let index = blog.updates.length - 1; index >= 0; index--) {
    const update = blog.updates.at(index)!;
    if (update.revision >= before) continue;
    if (updates.length === page.limit) {
      nextBeforeRevision = updates.at(-1)!.revision;
      break;
    }
    updates.push(toAuditedUpdate(update));
  }
  return { ...article, updates, nextBeforeRevision };
}

export type AuditorView = ReturnType<typeof toAuditorView>;

function toAuditedUpdate(update: UpdateRecord): AuditedUpdate {
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
    origin: update.origin,
    redactions: update.redactions.map(({ revision, at, author, fields, reference, reason }) => ({
      revision,
      at,
      author,
      fields,
      reference,
      reason,
    })),
  });
}
