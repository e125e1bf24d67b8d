import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Metrics, requestOrigin, RevisionCache } from '../shared/index.js';

/**
 * 64 variants (hosts, archive pages) of the newest revision per story, and 64 MB in all, hold
 * the stories being read: a page is tens to hundreds of KB (docs/performance.md, P4b).
 */
const PAGE_CACHE_LIMITS = { variantsPerLiveBlog: 64, maxBytes: 64 * 2 ** 20 };

/**
 * The anonymous readers' pages (and, as they come, the embed and the feeds), rendered once per
 * story revision and variant and served as those bytes with a strong ETag, instead of a render on
 * every GET (docs/performance.md, P4b, gives what a render costs). A caller
 * with credentials is never answered from here nor stored here (carriesCredentials).
 */
@Injectable()
export class PageCache extends RevisionCache {
  constructor(metrics: Metrics) {
    super(PAGE_CACHE_LIMITS, (result) => metrics.responseCache.inc({ cache: 'pages', result }));
  }
}

/** What a page's bytes depend on besides the story: the address it was asked at (canonical, og:url) and the query. */
export function pageVariant(request: FastifyRequest, query = ''): string {
  return `${requestOrigin(request)}?${query}`;
}

/** A cached page's type, as @fastify/view sets it on a rendered one. */
export const HTML_TYPE = 'text/html; charset=utf-8';
