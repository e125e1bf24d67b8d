import type { FeedLinks, LiveBlogFeed } from './live-blog-feed.js';

export const JSON_FEED_TYPE = 'application/feed+json; charset=utf-8';

/**
 * The story as a JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The format has no
 * tombstone: a retracted update's item simply goes. `expired` tells readers a closed story will not
 * grow again.
 */
export function toJsonFeed(feed: LiveBlogFeed, links: FeedLinks) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: links.page,
    feed_url: links.json,
    ...(feed.summary ? { description: feed.summary } : {}),
    language: feed.language,
    authors: [{ name: 'Dateline' }],
    ...(feed.closed ? { expired: true } : {}),
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: links.update(entry.update.updateId),
      content_html: entry.contentHtml,
      date_published: entry.publishedAt,
      ...(entry.updatedAt !== entry.publishedAt ? { date_modified: entry.updatedAt } : {}),
      ...(entry.update.byline ? { authors: [{ name: entry.update.byline }] } : {}),
      tags: [entry.update.kind],
    })),
  };
}

export type JsonFeed = ReturnType<typeof toJsonFeed>;
