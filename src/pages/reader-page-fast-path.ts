import type { FastifyReply, FastifyRequest } from 'fastify';
import { carriesCredentials } from '../auth/index.js';
import { type ArticleViews, LIVE_BLOG_ID_PATTERN } from '../live-blog/index.js';
import { type PageCache, pageVariant } from './page-cache.js';
import { sendCachedPage } from './pages.controller.js';

const LIVE_PATH = '/live/';

/**
 * An onRequest hook (placed by src/http-pipeline.ts): an anonymous reader's `GET /live/:id` (no
 * query) of a page already in the cache at the story's revision is answered here, as the
 * article's JSON is (src/live-blog/http/article-fast-path.ts): same bytes, ETag, Cache-Control and
 * type as the route (PagesController.live, through the same `sendCachedPage`), without Nest's
 * pipeline. The hooks before it (security headers, request id, access log, READ_RATE_LIMIT) and
 * after it (onSend) run as for any request. Anything else (a caller with credentials, a query, a
 * page not rendered yet at this revision) goes on to the route.
 */
export function readerPageFastPath(views: ArticleViews, cache: PageCache) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (!answeredEarly(views, cache, request, reply)) done();
  };
}

function answeredEarly(views: ArticleViews, cache: PageCache, request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' || !request.url.startsWith(LIVE_PATH)) return false;
  const id = request.url.slice(LIVE_PATH.length);
  if (!LIVE_BLOG_ID_PATTERN.test(id) || carriesCredentials(request.raw)) return false;
  const blog = views.blog(id);
  const page = blog && cache.peek({ story: id, variant: pageVariant(request) }, blog.revision);
  if (!page) return false;
  sendCachedPage(request, reply, page);
  return true;
}
