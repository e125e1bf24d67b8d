import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/index.js';
import { ApiProblemResponses } from '../../shared/index.js';
import { LiveBlogNotFound } from '../domain/index.js';
import { WriteResultResponse } from './responses/changes.response.js';
import { SubmissionsListResponse } from './responses/newsroom.responses.js';
import { CommandHandler, type CommandContext } from '../application/command-handler.js';
import { submissionsList } from '../projections/newsroom-lists.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { Context } from './command-context.js';
import { ApproveSubmissionDto, RejectSubmissionDto, SubmissionsQueryDto, SubmitUpdateDto } from './dto/newsroom.dto.js';
import { HttpReplies } from './http-replies.js';
import { LiveBlogIdPipe } from './live-blog-id.pipe.js';
import { madeId } from './made-ids.js';

const WRITTEN = { type: WriteResultResponse, description: 'written; ETag is the new revision' } as const;

/**
 * Contributors file copy; editors approve it (it is posted as an update naming both) or reject it
 * (DESIGN §3b). Nothing of a submission is public until it is approved.
 */
@ApiTags('editors')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 404, 409, 412, 422, 429)
@Controller('api/live-blogs')
export class SubmissionsController {
  constructor(
    private readonly commands: CommandHandler,
    private readonly projections: ProjectionRunner,
    private readonly replies: HttpReplies,
  ) {}

  @Post(':id/submissions')
  @Roles('contributor', 'editor')
  @ApiOperation({ summary: "File an update for an editor's approval", operationId: 'submitUpdate' })
  @ApiCreatedResponse(WRITTEN)
  async submit(
    @Param('id', LiveBlogIdPipe) id: string,
    @Body() dto: SubmitUpdateDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    const submissionId = dto.submissionId ?? madeId(context, 'submission');
    const result = await this.commands.execute(id, { type: 'SubmitUpdate', ...dto, submissionId }, context);
    this.replies.created(response, result, { submissionId, status: 'pending' });
  }

  @Get(':id/submissions')
  @Roles('editor', 'auditor')
  @ApiOperation({
    summary: 'Submissions in the order filed (pending ones unless ?status= says otherwise)',
    operationId: 'listSubmissions',
  })
  @ApiOkResponse({ type: SubmissionsListResponse })
  async list(@Param('id', LiveBlogIdPipe) id: string, @Query() query: SubmissionsQueryDto) {
    const blog = await this.projections.latest(id);
    if (blog.status === 'none') throw new LiveBlogNotFound(id);
    return submissionsList(id, blog, query.status ?? 'pending');
  }

  @Post(':id/submissions/:submissionId/approval')
  @Roles('editor')
  @ApiOperation({ summary: 'Publish a submission as an update, with optional edits', operationId: 'approveSubmission' })
  @ApiCreatedResponse(WRITTEN)
  async approve(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('submissionId') submissionId: string,
    @Body() dto: ApproveSubmissionDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    const { updateId = madeId(context, `approval of ${submissionId}`), ...edits } = dto;
    const request = { type: 'ApproveSubmission' as const, submissionId, updateId, edits };
    const result = await this.commands.execute(id, request, context);
    this.replies.created(response, result, { submissionId, updateId, status: 'approved' });
  }

  @Post(':id/submissions/:submissionId/rejection')
  @Roles('editor')
  @ApiOperation({ summary: 'Reject a submission: it is never published', operationId: 'rejectSubmission' })
  @ApiCreatedResponse(WRITTEN)
  async reject(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('submissionId') submissionId: string,
    @Body() dto: RejectSubmissionDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    const result = await this.commands.execute(id, { type: 'RejectSubmission', submissionId, ...dto }, context);
    this.replies.created(response, result, { submissionId, status: 'rejected' });
  }
}
