import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { ArticleViews } from '../live-blog/index.js';
import { LivePagePresenter } from './live-page.presenter.js';
import { pageHelpers } from './page-helpers.js';
import { siteOrigin } from '../shared/index.js';
import { notFound } from './pages.controller.js';
import { pageOfUpdate } from './update-page.js';

/**
 * An update's own address: the reader page that holds it (the live one, or the older page it has
 * moved to), rendered on the server with the update's id as its anchor and this address as canonical.
 */
@ApiExcludeController()
@Controller('live/:id/updates')
export class PermalinkController {
  constructor(
    private readonly views: ArticleViews,
    private readonly livePage: LivePagePresenter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':updateId')
  async update(
    @Param('id') id: string,
    @Param('updateId') updateId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const blog = await this.views.load(id);
    if (!blog) return notFound(reply, `There is no live page called “${id}”.`);
    const place = pageOfUpdate(blog, updateId);
    if (place.found === 'none') return notFound(reply, `“${blog.title}” has no update called “${updateId}”.`);
    reply.header('Cache-Control', 'no-cache');
    if (place.found === 'retracted') {
      const page = { title: 'This update was retracted' };
      return reply.code(410).view('update-gone', { page, story: { id, title: blog.title }, fmt: pageHelpers });
    }
    const url = `${siteOrigin(this.config, request)}/live/${id}/updates/${encodeURIComponent(updateId)}`;
    const model = this.livePage.present(id, blog, { beforeRevision: place.beforeRevision, url });
    return reply.view('live', { ...model, linkedUpdate: updateId });
  }
}
