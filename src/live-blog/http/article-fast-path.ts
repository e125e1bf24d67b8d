import type { FastifyReply, FastifyRequest } from 'fastify';
import { carriesCredentials } from '../../auth/index.js';
import { LIVE_BLOG_ID_PATTERN } from '../application/stream-names.js';
import type { ArticleViews } from '../projections/article-views.js';
import { ARTICLE_CACHE_CONTROL, etagOf, matchesAny } from './http-replies.js';

const ARTICLE_PATH = '/api/live-blogs/';

type HeadersOf = { readonly headers: Record<string, string | string[] | undefined> };

/** What the answer needs of a reply: Fastify's (also Express's, which bench/http-platforms.ts serves). */
export interface ArticleReply {
  header(name: string, value: string): unknown;
  status(code: number): unknown;
  type(contentType: string): unknown;
  send(body?: unknown): unknown;
}

/**
 * The answer to `GET /api/live-blogs/:id`, for the fast path below and the route
 * (ReaderController.article) alike: the ETag (the revision) and Cache-Control, then 304 when the
 * client holds this revision, else the article's bytes, serialised once per revision. False, and
 * nothing sent, when this node holds no such blog.
 */
export function answerArticle(
  views: ArticleViews,
  id: string,
  request: HeadersOf,
  reply: ArticleReply,
  blog = views.blog(id),
): boolean {
  if (!blog) return false;
  const etag = etagOf(blog.revision);
  reply.header('ETag', etag);
  reply.header('Cache-Control', ARTICLE_CACHE_CONTROL);
  if (matchesAny(request.headers['if-none-match'], etag)) {
    reply.status(304);
    reply.send();
    return true;
  }
  reply.type('application/json; charset=utf-8');
  reply.send(views.articleJson(id, blog));
  return true;
}

/**
 * An onRequest hook: an anonymous reader's `GET /api/live-blogs/:id` of a blog this node holds is
 * answered here, with `answerArticle`, without Nest's router, guard, interceptor and pipe: under a
 * breaking-news spike that pipeline cost more than the rest of the request (docs/performance.md).
 * The hooks before it (src/http-pipeline.ts: access log, security headers, request id,
 * READ_RATE_LIMIT) and after the answer (onSend, the access line) run as for any request. Anything
 * else (a caller with credentials, a query string, an id that names no blog) goes on to the route.
 */
export function articleFastPath(views: ArticleViews) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (!answeredEarly(views, request, reply)) done();
  };
}

function answeredEarly(views: ArticleViews, request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' || !request.url.startsWith(ARTICLE_PATH)) return false;
  const id = request.url.slice(ARTICLE_PATH.length);
  if (!LIVE_BLOG_ID_PATTERN.test(id) || carriesCredentials(request.raw)) return false;
  return answerArticle(views, id, request, reply);
}
