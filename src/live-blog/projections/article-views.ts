import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import type { SignedCheckpoint } from '../../signing/index.js';
import { LruMap } from '../../shared/index.js';
import type { OpenedSummary } from '../application/live-blog-snapshots.js';
import { LIVE_BLOG_ID_PATTERN } from '../application/stream-names.js';
import type { LiveBlogState, OpenedBlog } from '../domain/index.js';
import { toArticleView, toListItem, updatesPage, type ArticleView, type UpdatesPage } from './article.view.js';
import { ChainHeads } from './chain-heads.js';
import { toJsonLd, type JsonLdSite } from './json-ld.js';
import { ProjectionRunner } from './projection-runner.js';

/**
 * The article as served: the view, its JSON-LD, and the signed checkpoint of the newest revision this
 * node holds (the article's own, or a moment behind it where this node's feed lags another node's write).
 */
export type PublishedArticle = ArticleView & {
  readonly jsonLd: ReturnType<typeof toJsonLd>;
  readonly checkpoint: SignedCheckpoint | null;
};

interface CachedArticle {
  readonly view: PublishedArticle;
  json?: Buffer;
}

/** The reader's views, built from the runner's folded state and kept per revision. */
@Injectable()
export class ArticleViews {
  /** As many stories' articles as the views hold whole (LIVE_BLOGS_IN_MEMORY), the least recently used dropped first. */
  private readonly cache: LruMap<string, CachedArticle>;
  /** PUBLIC_URL's origin, or none (URLs relative to the site; pages make them absolute from the request). */
  readonly site: JsonLdSite;

  constructor(
    private readonly projections: ProjectionRunner,
    private readonly heads: ChainHeads,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.site = { origin: config.operations.publicUrl ?? '', publisher: config.publisher };
    this.cache = new LruMap(config.liveBlogsInMemory);
  }

  /** Every opened story, most recently updated first, from the summaries (no story is read back for it). */
  list() {
    const items = [];
    for (const [id, story] of this.projections.summaries()) {
      if (story.opened) items.push(toListItem(id, story.opened));
    }
    return items.sort((a, b) => Date.parse(b.lastUpdatedAt) - Date.parse(a.lastUpdatedAt) || a.id.localeCompare(b.id));
  }

  /** What the list shows of one story; null for one never opened or unknown. */
  listed(id: string): OpenedSummary | null {
    return this.projections.summaries().get(id)?.opened ?? null;
  }

  /**
   * The story when the views hold it in memory (the sync fast paths ask this; when it is not, the
   * route behind them calls `load`). Its revision answers If-None-Match without building the article.
   */
  blog(id: string): OpenedBlog | null {
    return opened(this.projections.state(id));
  }

  /**
   * The story, read back from its snapshot when the views do not hold it in memory; null for an
   * unknown one, and for an id no story can have (the pages take it from the path as it came).
   */
  async load(id: string): Promise<OpenedBlog | null> {
    if (!LIVE_BLOG_ID_PATTERN.test(id)) return null;
    return opened(await this.projections.load(id));
  }

  /** Built, and its checkpoint signed, once per revision. */
  article(id: string, blog: OpenedBlog): PublishedArticle {
    return this.cached(id, blog).view;
  }

  /**
   * The article as the JSON bytes a reader is sent, serialised once per revision: a breaking-news
   * spike asks for the same revision thousands of times a second, and turning the view into JSON
   * on each GET cost more than the rest of the route (bench/article.ts, P4).
   */
  articleJson(id: string, blog: OpenedBlog): Buffer {
    const entry = this.cached(id, blog);
    entry.json ??= Buffer.from(JSON.stringify(entry.view));
    return entry.json;
  }

  /** A new event moves the blog's revision on, and with it what the cache answers. */
  private cached(id: string, blog: OpenedBlog): CachedArticle {
    const cached = this.cache.get(id);
    if (cached && cached.view.revision === blog.revision) return cached;
    const view = toArticleView(id, blog);
    const jsonLd = toJsonLd(id, blog, view.updates, this.site);
    const entry: CachedArticle = { view: { ...view, jsonLd, checkpoint: this.heads.checkpoint(id) } };
    this.cache.set(id, entry);
    return entry;
  }

  updates(blog: OpenedBlog, beforeRevision: number | undefined, limit: number): UpdatesPage {
    return updatesPage(blog, { beforeRevision, limit });
  }
}

function opened(state: LiveBlogState | undefined): OpenedBlog | null {
  return state && state.status !== 'none' ? state : null;
}
