import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type SessionUser, CurrentAuthor, CurrentSession } from '../auth/index.js';
import { ArticleViews } from '../live-blog/index.js';
import { notFound, SignedInPage } from '../pages/index.js';
import { NewsroomPresenter } from './console.presenter.js';
import type { Author } from '../kernel/index.js';

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
  async console(
    @Param('id') id: string,
    @CurrentAuthor() editor: Author,
    @CurrentSession() session: SessionUser | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const blog = await this.views.load(id);
    if (!blog) return notFound(reply, `There is no story called “${id}” to edit.`);
    const url = `${request.protocol}://${request.host}/live/${id}`;
    const model = { ...this.presenter.console(id, blog, url), editor, session };
    return reply.header('Cache-Control', 'no-store').view('newsroom-console', model);
  }
}
