import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { ArticleViews } from '../live-blog/index.js';
import { EmbedPagePresenter } from './embed-page.presenter.js';
import { siteOrigin } from '../shared/index.js';
import { notFound } from './pages.controller.js';

/**
 * A story for other sites' pages to frame (its frame-ancestors: EMBED_ORIGINS, pages.setup.ts).
 * Anonymous and cookieless: it reads and follows the story as any reader does.
 */
@ApiExcludeController()
@Controller('embed')
export class EmbedController {
  constructor(
    private readonly views: ArticleViews,
    private readonly embedPage: EmbedPagePresenter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id')
  async embed(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const blog = await this.views.load(id);
    if (!blog) return notFound(reply, `There is no live page called “${id}”.`);
    const model = this.embedPage.present(id, blog, `${siteOrigin(this.config, request)}/live/${id}`);
    return reply.header('Cache-Control', 'no-cache').view('embed', model);
  }
}
