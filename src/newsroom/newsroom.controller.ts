import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../auth/session-authenticator.js';
import { CurrentAuthor, CurrentSession } from '../auth/roles.js';
import { LIVE_BLOG_ID_PATTERN } from '../live-blog/application/stream-names.js';
import { ArticleViews } from '../live-blog/projections/article-views.js';
import { notFound } from '../pages/pages.controller.js';
import { NewsroomPresenter } from './console.presenter.js';
import type { Author } from '../kernel/index.js';
import { SignedInPage } from '../pages/signed-in-page.js';

/**
 * The editors' pages: the newsroom index and one story's console, for signed-in editors (others
 * are sent to /signin and back). The pages' scripts write through /api with the session cookie.
 */
@ApiExcludeController()
@SignedInPage('editor')
@Controller('newsroom')
export class NewsroomController {
  constructor(
    private readonly views: ArticleViews,
    private readonly presenter: NewsroomPresenter,
  ) {}

  @Get()
  index(
    @CurrentAuthor() editor: Author,
    @CurrentSession() session: SessionUser | undefined,
    @Res() reply: FastifyReply,
  ) {
    return reply.header('Cache-Control', 'no-store').view('newsroom', { ...this.presenter.index(), editor, session });
  }

  @Get(':id')
  console(
    @Param('id') id: string,
    @CurrentAuthor() editor: Author,
    @CurrentSession() session: SessionUser | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const blog = LIVE_BLOG_ID_PATTERN.test(id) ? this.views.blog(id) : null;
    if (!blog) return notFound(reply, `There is no story called “${id}” to edit.`);
    const url = `${request.protocol}://${request.host}/live/${id}`;
    const model = { ...this.presenter.console(id, blog, url), editor, session };
    return reply.header('Cache-Control', 'no-store').view('newsroom-console', model);
  }
}
