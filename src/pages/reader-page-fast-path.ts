import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { carriesCredentials } from '../auth/index.js';
import { ArticleViews, LIVE_BLOG_ID_PATTERN } from '../live-blog/index.js';
import { PageCache, pageVariant } from './page-cache.js';
import { sendCachedPage } from './pages.controller.js';

const LIVE_PATH = '/live/';

/**
 * An anonymous reader's `GET /live/:id` (no query) of a page already in the cache at the story's
 * revision is answered from an onRequest hook, as the article's JSON is
 * (src/live-blog/http/article-fast-path.ts): same bytes, ETag, Cache-Control and type as the route
 * (PagesController.live), without Nest's pipeline. The hooks before it (security headers, request
 * id, access log, READ_RATE_LIMIT) and after it (onSend) run as for any request. Anything else (a
 * caller with credentials, a query, a page not rendered yet at this revision) goes on to the route.
 */
@Injectable()
export class ReaderPageFastPath implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly views: ArticleViews,
    private readonly cache: PageCache,
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
    if (request.method !== 'GET' || !request.url.startsWith(LIVE_PATH)) return false;
    const id = request.url.slice(LIVE_PATH.length);
    if (!LIVE_BLOG_ID_PATTERN.test(id) || carriesCredentials(request.raw)) return false;
    const blog = this.views.blog(id);
    const page = blog && this.cache.peek({ story: id, variant: pageVariant(request) }, blog.revision);
    if (!page) return false;
    sendCachedPage(request, reply, page);
    return true;
  }
}
