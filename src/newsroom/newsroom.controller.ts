import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LIVE_BLOG_ID_PATTERN } from '../live-blog/application/stream-names.js';
import { ArticleViews } from '../live-blog/projections/article-views.js';
import { notFound } from '../pages/pages.controller.js';
import { NewsroomPresenter } from './console.presenter.js';

/** The editors' pages: the newsroom index and one story's console. The writes go through /api. */
@ApiExcludeController()
@Controller('newsroom')
export class NewsroomController {
  constructor(
    private readonly views: ArticleViews,
    private readonly presenter: NewsroomPresenter,
  ) {}

  @Get()
  index(@Res() reply: FastifyReply) {
    return reply.header('Cache-Control', 'no-store').view('newsroom', this.presenter.index());
  }

  @Get(':id')
  console(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const blog = LIVE_BLOG_ID_PATTERN.test(id) ? this.views.blog(id) : null;
    if (!blog) return notFound(reply, `There is no story called “${id}” to edit.`);
    const url = `${request.protocol}://${request.host}/live/${id}`;
    return reply.header('Cache-Control', 'no-store').view('newsroom-console', this.presenter.console(id, blog, url));
  }
}
