import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../shared/index.js';
import { Roles } from '../../auth/index.js';
import { CommandHandler, type CommandContext } from '../application/command-handler.js';
import { Context } from './command-context.js';
import { RedactUpdateDto } from './dto/redaction.dto.js';
import { HttpReplies } from './http-replies.js';
import { LiveBlogIdPipe } from './live-blog-id.pipe.js';
import { WriteResultResponse } from './responses/changes.response.js';

/** Lawful redaction (DESIGN §3a): admins only, since it removes text from the record for ever. */
@ApiTags('admins')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/live-blogs')
export class RedactionController {
  constructor(
    private readonly commands: CommandHandler,
    private readonly replies: HttpReplies,
  ) {}

  @Post(':id/updates/:updateId/redaction')
  @ApiOperation({
    summary: "Remove an update's named fields from the story and its stored history for ever, under a legal reference",
    operationId: 'redactUpdate',
  })
  @ApiCreatedResponse({ type: WriteResultResponse, description: 'redacted; ETag is the new revision' })
  @ApiProblemResponses(400, 404, 409, 412, 422, 429, 501)
  async redact(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() dto: RedactUpdateDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    const result = await this.commands.execute(id, { type: 'RedactUpdate', updateId, ...dto }, context);
    this.replies.created(response, result);
  }
}
