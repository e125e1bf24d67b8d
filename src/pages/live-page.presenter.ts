import { Injectable } from '@nestjs/common';
import {
  type OpenedBlog,
  ArticleViews,
  ARTICLE_UPDATES,
  toPublicUpdate,
  updatesPage,
  type KeyEvent,
  type PublicUpdate,
  toJsonLd,
} from '../live-blog/index.js';
import { oEmbedDiscovery } from './oembed.js';
import { pageHelpers, scriptSafeJson, type PageHead } from './page-helpers.js';

/** The empty update the browser fills for pushed updates (views/partials/update.eta, all fields hidden). */
const BLANK_UPDATE: PublicUpdate = {
  updateId: '',
  revision: 0,
  kind: 'report',
  headline: null,
  body: '',
  byline: null,
  attribution: null,
  location: null,
  sources: null,
  media: null,
  at: '',
  occurredAt: null,
  corrected: null,
};

/** The reader's page model: the article view, its head (Open Graph, JSON-LD) and the live script. */
@Injectable()
export class LivePagePresenter {
  constructor(private readonly views: ArticleViews) {}

  /** `url`: the page's address as the reader asked for it; PUBLIC_URL, when set, names the canonical one. */
  present(id: string, blog: OpenedBlog, options: { beforeRevision?: number; url: string }) {
    const view = this.views.article(id, blog);
    const archive = options.beforeRevision !== undefined;
    const page = archive ? updatesPage(blog, { beforeRevision: options.beforeRevision, limit: ARTICLE_UPDATES }) : view;
    const article = { ...view, updates: page.updates, nextBeforeRevision: page.nextBeforeRevision };
    const origin = this.views.site.origin || new URL(options.url).origin;
    // The cached view's JSON-LD already names PUBLIC_URL; without it, the reader's own origin does.
    const jsonLd = this.views.site.origin
      ? view.jsonLd
      : toJsonLd(id, blog, view.updates, { ...this.views.site, origin });
    const head: PageHead = {
      title: view.title,
      description: view.summary,
      language: view.language,
      url: `${origin}${new URL(options.url).pathname}`,
      ogType: 'article',
      modifiedTime: view.lastUpdatedAt,
      jsonLd: scriptSafeJson(jsonLd),
      scripts: archive ? [] : ['/assets/js/live-page.js', '/assets/js/reader-tools.js'],
      alternates: [
        { href: `/live/${id}/feed.atom`, type: 'application/atom+xml', title: `${view.title} (Atom)` },
        { href: `/live/${id}/feed.json`, type: 'application/feed+json', title: `${view.title} (JSON Feed)` },
        oEmbedDiscovery(options.url, view.title),
      ],
    };
    return {
      page: head,
      article,
      pinnedUpdates: pinnedUpdates(blog),
      keyEvents: keyEventLinks(id, view.keyEvents, page.updates),
      olderHref: page.nextBeforeRevision === null ? null : `/live/${id}?before=${page.nextBeforeRevision}`,
      live: !archive,
      archive,
      blankUpdate: BLANK_UPDATE,
      fmt: pageHelpers,
    };
  }
}

/**
 * `before` values that select the same updates give the same page, so they share one cache entry:
 * the newest update shown names it (0 for a page with none). Without this, `?before=` counting
 * past the newest revision would make every request a render of its own.
 */
export function archiveVariant(blog: OpenedBlog, beforeRevision: number): number {
  const [newest] = updatesPage(blog, { beforeRevision, limit: 1 }).updates;
  return newest ? newest.revision + 1 : 0;
}

/** Key points may be older than the article's first page of updates, so they come from the whole blog. */
function pinnedUpdates(blog: OpenedBlog): PublicUpdate[] {
  return blog.pinned.flatMap((updateId) => {
    const update = blog.updates.byId(updateId);
    return update && !update.retraction ? [toPublicUpdate(update)] : [];
  });
}

/**
 * Each key event links to its update: the anchor on this page, or the older page that opens with
 * it (`?before=` its revision + 1) when it is further down the story than this page reaches.
 */
function keyEventLinks(id: string, keyEvents: readonly KeyEvent[], shown: readonly PublicUpdate[]) {
  const onPage = new Set(shown.map((update) => update.updateId));
  return keyEvents.map((keyEvent) => ({
    ...keyEvent,
    href: onPage.has(keyEvent.updateId)
      ? `#update-${keyEvent.updateId}`
      : `/live/${id}?before=${keyEvent.revision + 1}#update-${keyEvent.updateId}`,
  }));
}
