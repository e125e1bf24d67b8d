import { Injectable } from '@nestjs/common';
import {
  type OpenedBlog,
  ArticleViews,
  ARTICLE_UPDATES,
  toPublicUpdate,
  updatesPage,
  type PublicUpdate,
} from '../live-blog/index.js';
import { oEmbedDiscovery } from './oembed.js';
import { pageHelpers, scriptSafeJson, type PageHead } from './page-helpers.js';

/** The empty update the browser fills for pushed updates (views/partials/update.eta, all fields hidden). */
const BLANK_UPDATE: PublicUpdate = {
  updateId: '',
  revision: 0,
  kind: 'report',
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

  present(id: string, blog: OpenedBlog, options: { beforeRevision?: number; url: string }) {
    const view = this.views.article(id, blog);
    const archive = options.beforeRevision !== undefined;
    const page = archive ? updatesPage(blog, { beforeRevision: options.beforeRevision, limit: ARTICLE_UPDATES }) : view;
    const article = { ...view, updates: page.updates, nextBeforeRevision: page.nextBeforeRevision };
    const head: PageHead = {
      title: view.title,
      description: view.summary,
      language: view.language,
      url: options.url,
      ogType: 'article',
      modifiedTime: view.lastUpdatedAt,
      jsonLd: scriptSafeJson(view.jsonLd),
      scripts: archive ? [] : ['/assets/js/live-page.js'],
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
      olderHref: page.nextBeforeRevision === null ? null : `/live/${id}?before=${page.nextBeforeRevision}`,
      live: !archive,
      archive,
      blankUpdate: BLANK_UPDATE,
      fmt: pageHelpers,
    };
  }
}

/** Key points may be older than the article's first page of updates, so they come from the whole blog. */
function pinnedUpdates(blog: OpenedBlog): PublicUpdate[] {
  return blog.pinned.flatMap((updateId) => {
    const update = blog.updates.byId(updateId);
    return update && !update.retraction ? [toPublicUpdate(update)] : [];
  });
}
