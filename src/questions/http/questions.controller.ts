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
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblemResponses } from '../../shared/index.js';
import { QuestionListResponse, QuestionOutcomeResponse, QuestionTakenResponse } from './questions.responses.js';
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
  @ApiOperation({
    summary: 'Ask the desk a question (anyone); nothing of it is public until an editor answers it',
    operationId: 'askQuestion',
  })
  @ApiAcceptedResponse({ type: QuestionTakenResponse })
  @ApiProblemResponses(400, 404, 409, 429)
  ask(@Param('id', LiveBlogIdPipe) id: string, @Body() dto: AskQuestionDto, @Req() request: FastifyRequest) {
    const address = clientAddress({ address: request.ip, headers: request.headers }, this.config.trustedProxies);
    return this.desk.ask(id, dto, address);
  }

  @Get()
  @Roles('editor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The story's questions, newest first (ETag: the questions' revision)",
    operationId: 'listQuestions',
  })
  @ApiOkResponse({ type: QuestionListResponse })
  @ApiProblemResponses(400, 404)
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
  @ApiOperation({
    summary: 'Publish one update holding the question (with the name the reader gave) and the answer',
    operationId: 'answerQuestion',
  })
  @ApiCreatedResponse({ type: QuestionOutcomeResponse })
  @ApiProblemResponses(400, 404, 409, 412, 429)
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
  @ApiOperation({ summary: 'Dismiss a question: it is never published', operationId: 'dismissQuestion' })
  @ApiOkResponse({ type: QuestionOutcomeResponse })
  @ApiProblemResponses(400, 404, 409)
  dismiss(@Param('id', LiveBlogIdPipe) id: string, @QuestionId() questionId: string, @CurrentAuthor() editor: Author) {
    return this.desk.dismiss(id, questionId, editor);
  }

  @Delete(':questionId')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Purge a question: the reader's name and text are removed from the store itself",
    operationId: 'purgeQuestion',
  })
  @ApiOkResponse({ type: QuestionOutcomeResponse })
  @ApiProblemResponses(400, 404, 501)
  purge(@Param('id', LiveBlogIdPipe) id: string, @QuestionId() questionId: string, @CurrentAuthor() admin: Author) {
    return this.desk.purge(id, questionId, admin);
  }
}
