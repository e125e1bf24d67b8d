import { Injectable } from '@nestjs/common';
import type { OpenedBlog } from '../live-blog/index.js';
import { LivePagePresenter } from './live-page.presenter.js';

/** How many of the latest updates the embed shows (and keeps, as new ones arrive). */
const EMBED_UPDATES = 10;

/**
 * The embed's page model: the reader page's, cut to the latest updates, with the story's address for
 * its links. The page is the same article partial and follower script, told by data attributes on
 * <body> (views/embed-layout.eta) to keep only the latest updates and to tell the parent its height.
 */
@Injectable()
export class EmbedPagePresenter {
  constructor(private readonly livePage: LivePagePresenter) {}

  present(id: string, blog: OpenedBlog, liveBlogUrl: string) {
    const model = this.livePage.present(id, blog, { url: liveBlogUrl });
    return {
      ...model,
      // Not indexed as a page of its own: the canonical story is the reader page.
      page: { ...model.page, jsonLd: undefined, alternates: [], stylesheets: ['/assets/css/embed.css'] },
      article: { ...model.article, updates: model.article.updates.slice(0, EMBED_UPDATES) },
      olderHref: null,
      liveBlogUrl,
      keepUpdates: EMBED_UPDATES,
    };
  }
}
