import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentAuthor, Roles } from '../../auth/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { type Author, clientAddress } from '../../kernel/index.js';
import { type CommandContext, LiveBlogIdPipe, matchesAny, WriteContext } from '../../live-blog/index.js';
import { QuestionDesk } from '../application/question-desk.js';
import { AnswerQuestionDto, AskQuestionDto } from './question.dto.js';

/** A question id in the path: a UUID, else 404 as for an unknown one. */
const QuestionId = () => Param('questionId', new ParseUUIDPipe({ errorHttpStatusCode: 404 }));

/** Readers ask; editors list, answer and dismiss; admins purge (DESIGN §4e). */
@ApiTags('questions')
@Controller('api/live-blogs/:id/questions')
export class QuestionsController {
  constructor(
    private readonly desk: QuestionDesk,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask the desk a question (anyone); nothing of it is public until an editor answers it' })
  ask(@Param('id', LiveBlogIdPipe) id: string, @Body() dto: AskQuestionDto, @Req() request: FastifyRequest) {
    const address = clientAddress({ address: request.ip, headers: request.headers }, this.config.trustedProxies);
    return this.desk.ask(id, dto, address);
  }

  @Get()
  @Roles('editor')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The story's questions, newest first (ETag: the questions' revision)" })
  async list(
    @Param('id', LiveBlogIdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { revision, questions } = await this.desk.list(id);
    const etag = `"q${revision}"`;
    reply.header('ETag', etag);
    if (matchesAny(ifNoneMatch, etag)) {
      reply.status(304);
      return undefined;
    }
    return { liveBlogId: id, revision, questions };
  }

  @Post(':questionId/answer')
  @Roles('editor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Publish one update holding the question (with the name the reader gave) and the answer' })
  answer(
    @Param('id', LiveBlogIdPipe) id: string,
    @QuestionId() questionId: string,
    @Body() dto: AnswerQuestionDto,
    @WriteContext() context: CommandContext,
  ) {
    return this.desk.answer(id, questionId, dto, context);
  }

  @Post(':questionId/dismissal')
  @HttpCode(200)
  @Roles('editor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Dismiss a question: it is never published' })
  dismiss(@Param('id', LiveBlogIdPipe) id: string, @QuestionId() questionId: string, @CurrentAuthor() editor: Author) {
    return this.desk.dismiss(id, questionId, editor);
  }

  @Delete(':questionId')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Purge a question: the reader's name and text are removed from the store itself" })
  purge(@Param('id', LiveBlogIdPipe) id: string, @QuestionId() questionId: string, @CurrentAuthor() admin: Author) {
    return this.desk.purge(id, questionId, admin);
  }
}
