import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { carriesCredentials } from '../../auth/index.js';
import { LIVE_BLOG_ID_PATTERN } from '../application/stream-names.js';
import { ArticleViews } from '../projections/article-views.js';
import { ARTICLE_CACHE_CONTROL, etagOf, matchesAny } from './http-replies.js';

const ARTICLE_PATH = '/api/live-blogs/';

/**
 * An anonymous reader's `GET /api/live-blogs/:id` of a blog this node holds is answered from an
 * onRequest hook with the article's cached bytes (or 304), without Nest's router, guard,
 * interceptor and pipe: under a breaking-news spike that pipeline cost more than the rest of the
 * request (bench/article.ts, P4). The answer is the route's own (ReaderController.article): same
 * body, ETag, Cache-Control and type; the hooks before it (security headers, request id, access
 * log, READ_RATE_LIMIT) and those after it (onSend, the access log's line) run as for any request.
 * Anything else (a caller with credentials, a query string, an id that names no blog) goes on to
 * the route, which answers it.
 */
@Injectable()
export class ArticleFastPath implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly views: ArticleViews,
  ) {}

  /** After every module's onModuleInit: the hook runs after the per-address limit (LimitsModule) added there. */
  onApplicationBootstrap(): void {
    const http = this.adapterHost.httpAdapter;
    if (http?.getType() !== 'fastify') return;
    (http.getInstance() as FastifyInstance).addHook('onRequest', (request, reply, done) => {
      if (!this.answered(request, reply)) done();
    });
  }

  private answered(request: FastifyRequest, reply: FastifyReply): boolean {
    if (request.method !== 'GET' || !request.url.startsWith(ARTICLE_PATH)) return false;
    const id = request.url.slice(ARTICLE_PATH.length);
    if (!LIVE_BLOG_ID_PATTERN.test(id) || carriesCredentials(request.raw)) return false;
    const blog = this.views.blog(id);
    if (!blog) return false;
    const etag = etagOf(blog.revision);
    reply.header('ETag', etag).header('Cache-Control', ARTICLE_CACHE_CONTROL);
    if (matchesAny(request.headers['if-none-match'], etag)) {
      reply.code(304).send();
      return true;
    }
    reply.type('application/json; charset=utf-8').send(this.views.articleJson(id, blog));
    return true;
  }
}
