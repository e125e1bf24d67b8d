import { Body, Controller, Delete, Get, NotFoundException, Param, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/index.js';
import { CommandHandler, type CommandContext } from '../application/command-handler.js';
import { scheduledList } from '../projections/newsroom-lists.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { Context } from './command-context.js';
import { CancelScheduledUpdateDto, ChangeScheduledUpdateDto } from './dto/newsroom.dto.js';
import { HttpReplies } from './http-replies.js';
import { LiveBlogIdPipe } from './live-blog-id.pipe.js';

/**
 * Updates waiting for their time (DESIGN §3b): scheduled with `POST …/updates` and `publishAt`,
 * listed for editors and auditors, changed or cancelled by editors until the server publishes them.
 */
@ApiTags('editors')
@ApiBearerAuth()
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
  @ApiOperation({ summary: 'Updates scheduled and not yet published, soonest first' })
  async list(@Param('id', LiveBlogIdPipe) id: string) {
    const blog = await this.projections.latest(id);
    if (blog.status === 'none') throw new NotFoundException(`no live blog "${id}"`);
    return scheduledList(id, blog);
  }

  @Patch(':id/scheduled/:updateId')
  @Roles('editor')
  @ApiOperation({ summary: 'Change a scheduled update (fields, publishAt) before its time' })
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
  @ApiOperation({ summary: 'Cancel a scheduled update: it is never published' })
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
