import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { type OpenedBlog, ArticleViews } from '../live-blog/index.js';
import { LruMap } from '../shared/index.js';
import { ATOM_TYPE, renderAtomFeed } from './atom-feed.js';
import { JSON_FEED_TYPE, toJsonFeed } from './json-feed.js';
import { feedLinks, toLiveBlogFeed } from './live-blog-feed.js';

export type FeedFormat = 'atom' | 'json';

/** A feed as sent: its bytes, their type, and the ETag that names this revision in this format. */
interface RenderedFeed {
  readonly revision: number;
  readonly base: string;
  readonly etag: string;
  readonly contentType: string;
  readonly body: Buffer;
}

const RENDERERS: Record<FeedFormat, { type: string; render: (id: string, blog: OpenedBlog, base: string) => string }> =
  {
    atom: {
      type: ATOM_TYPE,
      render: (id, blog, base) => renderAtomFeed(toLiveBlogFeed(id, blog), feedLinks(base, id)),
    },
    json: {
      type: JSON_FEED_TYPE,
      render: (id, blog, base) => JSON.stringify(toJsonFeed(toLiveBlogFeed(id, blog), feedLinks(base, id))),
    },
  };

/**
 * Each story's feeds, rendered once per revision and format: aggregators poll a breaking story
 * together, and all but the first of them get the bytes (or a 304) without building anything.
 * Only the latest revision of each story and format is kept, of as many stories as the views hold
 * in memory (LIVE_BLOGS_IN_MEMORY), the least recently asked for dropped first.
 */
@Injectable()
export class LiveBlogFeeds {
  private readonly rendered: LruMap<string, RenderedFeed>;

  constructor(
    private readonly views: ArticleViews,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rendered = new LruMap(2 * config.liveBlogsInMemory);
  }

  /** The story a reader may follow (read back when not in memory), or null. */
  blog(id: string): Promise<OpenedBlog | null> {
    return this.views.load(id);
  }

  /** The ETag alone: answering If-None-Match needs no rendering. */
  etag(blog: OpenedBlog, format: FeedFormat): string {
    return `"${blog.revision}-${format}"`;
  }

  feed(id: string, blog: OpenedBlog, format: FeedFormat, base: string): RenderedFeed {
    const key = `${format} ${id}`;
    const cached = this.rendered.get(key);
    if (cached && cached.revision === blog.revision && cached.base === base) return cached;
    const renderer = RENDERERS[format];
    const feed: RenderedFeed = {
      revision: blog.revision,
      base,
      etag: this.etag(blog, format),
      contentType: renderer.type,
      body: Buffer.from(renderer.render(id, blog, base)),
    };
    this.rendered.set(key, feed);
    return feed;
  }
}
