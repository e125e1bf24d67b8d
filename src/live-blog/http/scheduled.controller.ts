import { Body, Controller, Delete, Get, Param, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/index.js';
import { ApiProblemResponses } from '../../shared/index.js';
import { LiveBlogNotFound } from '../domain/index.js';
import { WriteResultResponse } from './responses/changes.response.js';
import { ScheduledListResponse } from './responses/newsroom.responses.js';
import { CommandHandler, type CommandContext } from '../application/command-handler.js';
import { scheduledList } from '../projections/newsroom-lists.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { Context } from './command-context.js';
import { CancelScheduledUpdateDto, ChangeScheduledUpdateDto } from './dto/newsroom.dto.js';
import { HttpReplies } from './http-replies.js';
import { LiveBlogIdPipe } from './live-blog-id.pipe.js';

const WRITTEN = { type: WriteResultResponse, description: 'written; ETag is the new revision' } as const;

/**
 * Updates waiting for their time (DESIGN §3b): scheduled with `POST …/updates` and `publishAt`,
 * listed for editors and auditors, changed or cancelled by editors until the server publishes them.
 */
@ApiTags('editors')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 404, 409, 412, 422, 429)
@ApiHeader({ name: 'If-Match', required: false, description: 'the revision you read; a stale one answers 412' })
@Controller('api/live-blogs')
export class ScheduledController {
  constructor(
    private readonly commands: CommandHandler,
    private readonly projections: ProjectionRunner,
    private readonly replies: HttpReplies,
  ) {}

  @Get(':id/scheduled')
  @Roles('editor', 'auditor')
  @ApiOperation({
    summary: 'Updates scheduled and not yet published, soonest first',
    operationId: 'listScheduledUpdates',
  })
  @ApiOkResponse({ type: ScheduledListResponse })
  async list(@Param('id', LiveBlogIdPipe) id: string) {
    const blog = await this.projections.latest(id);
    if (blog.status === 'none') throw new LiveBlogNotFound(id);
    return scheduledList(id, blog);
  }

  @Patch(':id/scheduled/:updateId')
  @Roles('editor')
  @ApiOperation({
    summary: 'Change a scheduled update (fields, publishAt) before its time',
    operationId: 'changeScheduledUpdate',
  })
  @ApiCreatedResponse(WRITTEN)
  async change(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() changes: ChangeScheduledUpdateDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    const result = await this.commands.execute(id, { type: 'ChangeScheduledUpdate', updateId, changes }, context);
    this.replies.created(response, result, { updateId, status: 'scheduled' });
  }

  @Delete(':id/scheduled/:updateId')
  @Roles('editor')
  @ApiOperation({ summary: 'Cancel a scheduled update: it is never published', operationId: 'cancelScheduledUpdate' })
  @ApiCreatedResponse(WRITTEN)
  async cancel(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() dto: CancelScheduledUpdateDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    const result = await this.commands.execute(id, { type: 'CancelScheduledUpdate', updateId, ...dto }, context);
    this.replies.created(response, result, { updateId, status: 'cancelled' });
  }
}
