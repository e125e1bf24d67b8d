import type { CasualtyFigures, OpenedBlog, UpdateRecord } from '../domain/index.js';
import { toJsonLd } from './json-ld.js';

/** How many updates the article carries; older ones are paged through /updates?beforeRevision=. */
export const ARTICLE_UPDATES = 50;

export interface PublicUpdate {
  readonly updateId: string;
  readonly revision: number;
  readonly kind: string;
  readonly body: string;
  readonly byline: string | null;
  readonly attribution: string | null;
  readonly location: string | null;
  readonly sources: string | null;
  readonly media: UpdateRecord['media'];
  readonly at: string;
  readonly occurredAt: string | null;
  readonly corrected: { readonly at: string; readonly reason: string } | null;
}

export interface UpdatesPage {
  readonly updates: PublicUpdate[];
  /** Pass as `beforeRevision` for the next (older) page; null when there is none. */
  readonly nextBeforeRevision: number | null;
}

/** The reader's article (DESIGN §4): retracted updates absent, corrections applied, newest first. */
export function toArticleView(id: string, blog: OpenedBlog, updatesLimit = ARTICLE_UPDATES) {
  const page = updatesPage(blog, { limit: updatesLimit });
  return {
    id,
    title: blog.title,
    summary: blog.summary,
    status: blog.status,
    language: blog.language,
    timeZone: blog.timeZone,
    openedAt: blog.openedAt,
    lastUpdatedAt: blog.lastUpdatedAt,
    closedAt: blog.closedAt,
    revision: blog.revision,
    casualties: toCasualties(blog.casualtyHistory.at(-1)),
    pinned: [...blog.pinned],
    updates: page.updates,
    nextBeforeRevision: page.nextBeforeRevision,
    timeline: blog.timeline.map(({ entryId, period, text }) => ({ entryId, period, text })),
    locations: blog.locations.map(({ place, status, coordinates, at }) => ({ place, status, coordinates, at })),
    jsonLd: toJsonLd(id, blog, page.updates),
  };
}

export type ArticleView = ReturnType<typeof toArticleView>;

export function toListItem(id: string, blog: OpenedBlog) {
  return { id, title: blog.title, status: blog.status, lastUpdatedAt: blog.lastUpdatedAt, revision: blog.revision };
}

/** Public updates, newest first, posted before `beforeRevision` (exclusive). */
export function updatesPage(blog: OpenedBlog, options: { beforeRevision?: number; limit: number }): UpdatesPage {
  const before = options.beforeRevision ?? Number.POSITIVE_INFINITY;
  const updates: PublicUpdate[] = [];
  let nextBeforeRevision: number | null = null;
  for (let index = blog.updates.length - 1; index >= 0; index--) {
    const update = blog.updates.at(index)!;
    if (update.retraction || update.revision >= before) continue;
    if (updates.length === options.limit) {
      nextBeforeRevision = updates[updates.length - 1]!.revision;
      break;
    }
    updates.push(toPublicUpdate(update));
  }
  return { updates, nextBeforeRevision };
}

export function toPublicUpdate(update: UpdateRecord): PublicUpdate {
  const lastCorrection = update.corrections.at(-1);
  return {
    updateId: update.updateId,
    revision: update.revision,
    kind: update.kind,
    body: update.body,
    byline: update.byline,
    attribution: update.attribution,
    location: update.location,
    sources: update.sources,
    media: update.media,
    at: update.at,
    occurredAt: update.occurredAt,
    corrected: lastCorrection ? { at: lastCorrection.at, reason: lastCorrection.reason } : null,
  };
}

function toCasualties(figures: CasualtyFigures | undefined) {
  if (!figures) return null;
  const { dead, injured, source, scope, note, at } = figures;
  return { dead, injured, source, scope, note, at };
}
