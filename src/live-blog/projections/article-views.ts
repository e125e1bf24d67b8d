import { Injectable } from '@nestjs/common';
import type { OpenedBlog } from '../domain/index.js';
import { toArticleView, toListItem, updatesPage, type ArticleView, type UpdatesPage } from './article.view.js';
import { ProjectionRunner } from './projection-runner.js';

/** The reader's views, built from the runner's folded state and kept per revision. */
@Injectable()
export class ArticleViews {
  private readonly cache = new Map<string, ArticleView>();

  constructor(private readonly projections: ProjectionRunner) {}

  list() {
    const items = [];
    for (const [id, state] of this.projections.states()) {
      if (state.status !== 'none') items.push(toListItem(id, state));
    }
    return items.sort((a, b) => Date.parse(b.lastUpdatedAt) - Date.parse(a.lastUpdatedAt) || a.id.localeCompare(b.id));
  }

  /** The revision a client would get, without building the article (for If-None-Match). */
  blog(id: string): OpenedBlog | null {
    const state = this.projections.state(id);
    return state && state.status !== 'none' ? state : null;
  }

  article(id: string, blog: OpenedBlog): ArticleView {
    const cached = this.cache.get(id);
    if (cached && cached.revision === blog.revision) return cached;
    const view = toArticleView(id, blog);
    this.cache.set(id, view);
    return view;
  }

  updates(blog: OpenedBlog, beforeRevision: number | undefined, limit: number): UpdatesPage {
    return updatesPage(blog, { beforeRevision, limit });
  }
}
