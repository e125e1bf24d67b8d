import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { carriesCredentials } from '../auth/index.js';
import { ArticleViews, matchesAny } from '../live-blog/index.js';
import { type CachedBody, requestOrigin } from '../shared/index.js';
import { archiveVariant, LivePagePresenter } from './live-page.presenter.js';
import { HTML_TYPE, PageCache, pageVariant } from './page-cache.js';
import { pageHelpers } from './page-helpers.js';

/** Pages must be asked for again each time (If-None-Match makes that a 304 when nothing moved). */
const PAGE_CACHE_CONTROL = 'no-cache';

/** The readers' pages, rendered on the server so a story reads before any script runs. */
@ApiExcludeController()
@Controller()
export class PagesController {
  constructor(
    private readonly views: ArticleViews,
    private readonly livePage: LivePagePresenter,
    private readonly cache: PageCache,
  ) {}

  @Get()
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    // Live ones first; within each, the list's own order (most recently updated first).
    const blogs = this.views
      .list()
      .sort((a, b) => Number(b.status === 'live') - Number(a.status === 'live'))
      .map((item) => ({ ...item, summary: this.views.listed(item.id)?.summary ?? null }));
    const page = {
      title: 'Live pages',
      description: 'Live news pages, kept as a record of events.',
      url: absoluteUrl(request, '/'),
    };
    return reply.header('Cache-Control', 'no-cache').view('index', { page, blogs, fmt: pageHelpers });
  }

  /**
   * Anonymous readers get the page rendered once per revision and variant (PageCache; the first
   * page of a story usually from readerPageFastPath); a caller with credentials gets it rendered
   * for them, `private, no-store` (src/ops/http-hooks.ts), and nothing is kept of it.
   */
  @Get('live/:id')
  async live(
    @Param('id') id: string,
    @Query('before') before: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const blog = await this.views.load(id);
    if (!blog) return notFound(reply, `There is no live page called “${id}”.`);
    const beforeRevision = before === undefined ? undefined : wholeNumber(before);
    if (beforeRevision === null) return badRequest(reply, '“before” must be a whole number of 1 or more, such as 20.');
    const render = () =>
      reply.viewAsync(
        'live',
        this.livePage.present(id, blog, { beforeRevision, url: absoluteUrl(request, `/live/${id}`) }),
      );
    if (carriesCredentials(request.raw)) return reply.header('Cache-Control', PAGE_CACHE_CONTROL).send(await render());
    const archive = beforeRevision === undefined ? '' : `before=${archiveVariant(blog, beforeRevision)}`;
    const variant = pageVariant(request, archive);
    const page = await this.cache.getAsync({ story: id, variant }, blog.revision, render);
    return sendCachedPage(request, reply, page!);
  }
}

/** A cached page, or 304 when the reader holds it already. */
export function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedBody): FastifyReply {
  reply.header('ETag', page.etag).header('Cache-Control', PAGE_CACHE_CONTROL);
  if (matchesAny(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  return reply.type(HTML_TYPE).send(page.body);
}

export function notFound(reply: FastifyReply, message: string) {
  return problemPage(reply, 404, 'Page not found', message);
}

function badRequest(reply: FastifyReply, message: string) {
  return problemPage(reply, 400, 'This address is not quite right', message);
}

/** An error a reader sees as a page, not as the API's JSON. */
function problemPage(reply: FastifyReply, status: number, title: string, message: string) {
  return reply
    .code(status)
    .header('Cache-Control', 'no-cache')
    .view('not-found', { page: { title }, message, fmt: pageHelpers });
}

/** Digits only, 1 or more; anything else (empty, "1.5", "-1", "abc") is null. */
function wholeNumber(text: string): number | null {
  return /^\d{1,15}$/.test(text) && Number(text) >= 1 ? Number(text) : null;
}

/** The page's own address for canonical and Open Graph tags, from the Host the reader used. */
function absoluteUrl(request: FastifyRequest, path: string): string {
  return `${requestOrigin(request)}${path}`;
}
