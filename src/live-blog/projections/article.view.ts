import { plainText, updateHeadline } from '../../shared/pure.js';
import type { CasualtyFigures, OpenedBlog, UpdateRecord } from '../domain/index.js';

/** How many updates the article carries; older ones are paged through /updates?beforeRevision=. */
export const ARTICLE_UPDATES = 50;

export interface PublicUpdate {
  readonly updateId: string;
  readonly revision: number;
  readonly kind: string;
  readonly headline: string | null;
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

/** A key event as the article lists it: the update it points to, what it is called, when it was posted. */
export interface KeyEvent {
  readonly updateId: string;
  /** The update's own headline, or the first sentence of its text. */
  readonly headline: string;
  readonly at: string;
  /** Where the update was posted: the archive page `?before=<revision + 1>` opens with it. */
  readonly revision: number;
}

/**
 * The reader's article (DESIGN §4): retracted updates absent, corrections applied, newest first.
 * The served view adds its JSON-LD, which depends on where the site is served (ArticleViews).
 */
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
    keyEvents: keyEventsOf(blog),
    updates: page.updates,
    nextBeforeRevision: page.nextBeforeRevision,
    timeline: blog.timeline.map(({ entryId, period, text }) => ({ entryId, period, text })),
    locations: blog.locations.map(({ place, status, coordinates, at }) => ({ place, status, coordinates, at })),
  };
}

/**
 * Every key event of the story, however old (not only those on the first page), in the order the
 * updates were posted: the story's own chronology, whatever order the editors marked them in.
 */
function keyEventsOf(blog: OpenedBlog): KeyEvent[] {
  return blog.keyEvents
    .flatMap(({ updateId }) => {
      const update = blog.updates.byId(updateId);
      return update && !update.retraction ? [update] : [];
    })
    .sort((a, b) => a.revision - b.revision)
    .map((update) => {
      const { updateId, at, revision } = update;
      return { updateId, headline: headlineOf(update), at, revision };
    });
}

/** What a line standing for the update says: its headline, or the first sentence of its text. */
export function headlineOf(update: Pick<UpdateRecord, 'headline' | 'body'>): string {
  return updateHeadline(update.headline, plainText(update.body));
}

export type ArticleView = ReturnType<typeof toArticleView>;

export function toListItem(id: string, blog: Pick<OpenedBlog, 'title' | 'status' | 'lastUpdatedAt' | 'revision'>) {
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
    headline: update.headline,
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
