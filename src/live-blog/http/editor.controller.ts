import { randomUUID } from 'node:crypto';
import { BadRequestException, Body, Controller, Delete, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../shared/index.js';
import { Roles } from '../../auth/index.js';
import { CommandHandler, type CommandContext, type CommandRequest } from '../application/command-handler.js';
import { ChangeHeadlineDto, CloseLiveBlogDto, OpenLiveBlogDto, ReviseSummaryDto } from './dto/blog.dto.js';
import { DatedDto } from './dto/common.js';
import { CasualtyFiguresDto, LocationStatusDto, TimelineEntryDto } from './dto/live-blog.dto.js';
import { CorrectUpdateDto, PostUpdateDto, RetractUpdateDto } from './dto/update.dto.js';
import { Context } from './command-context.js';
import { madeId } from './made-ids.js';
import { HttpReplies } from './http-replies.js';
import { LiveBlogIdPipe } from './live-blog-id.pipe.js';
import { WriteResultResponse } from './responses/changes.response.js';
import { slugOf } from './slug.js';

/** What every write answers: 201 and the new revision, also as ETag. */
const WRITTEN = { type: WriteResultResponse, description: 'written; ETag is the new revision' } as const;

/** Editor writes: each answers 201 {liveBlogId, revision, position} with the new revision as ETag. */
@ApiTags('editors')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'the revision you read; a stale one answers 412' })
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request answers the original result' })
@ApiProblemResponses(400, 401, 403, 404, 409, 412, 422, 429)
@Roles('editor')
@Controller('api/live-blogs')
export class EditorController {
  constructor(
    private readonly commands: CommandHandler,
    private readonly replies: HttpReplies,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open a live blog', operationId: 'openLiveBlog' })
  @ApiCreatedResponse(WRITTEN)
  async open(@Body() dto: OpenLiveBlogDto, @Context() context: CommandContext, @Res() response: unknown) {
    const { id, ...fields } = dto;
    await this.run(id ?? slugOf(dto.title), { type: 'OpenLiveBlog', ...fields }, context, response);
  }

  @Post(':id/updates')
  @ApiOperation({ summary: 'Post an update, or schedule it with publishAt (DESIGN §3b)', operationId: 'postUpdate' })
  @ApiCreatedResponse(WRITTEN)
  async post(
    @Param('id', LiveBlogIdPipe) id: string,
    @Body() dto: PostUpdateDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    const { publishAt, ...fields } = dto;
    if (publishAt === undefined) {
      const updateId = dto.updateId ?? randomUUID();
      return this.run(id, { type: 'PostUpdate', ...fields, updateId }, context, response);
    }
    const updateId = dto.updateId ?? madeId(context, 'scheduled update');
    if (dto.at !== undefined) {
      const message = 'a scheduled update is dated when it is published: send publishAt without at';
      throw new BadRequestException({ message, details: { field: 'at' } });
    }
    const request = { type: 'ScheduleUpdate' as const, ...fields, updateId, publishAt };
    const result = await this.commands.execute(id, request, context);
    this.replies.created(response, result, {
      updateId,
      status: 'scheduled',
      publishAt: new Date(publishAt).toISOString(),
    });
  }

  @Post(':id/updates/:updateId/corrections')
  @ApiOperation({
    summary: "Correct an update's body (and headline), with a reason readers see",
    operationId: 'correctUpdate',
  })
  @ApiCreatedResponse(WRITTEN)
  async correct(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() dto: CorrectUpdateDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'CorrectUpdate', updateId, ...dto }, context, response);
  }

  @Post(':id/updates/:updateId/retraction')
  @ApiOperation({
    summary: 'Retract an update: readers no longer see it; the reason is for auditors',
    operationId: 'retractUpdate',
  })
  @ApiCreatedResponse(WRITTEN)
  async retract(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() dto: RetractUpdateDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'RetractUpdate', updateId, ...dto }, context, response);
  }

  @Put(':id/updates/:updateId/pin')
  @ApiOperation({
    summary: 'Pin an update as a key point (pinning it again changes nothing)',
    operationId: 'pinUpdate',
  })
  @ApiCreatedResponse(WRITTEN)
  async pin(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() dto: DatedDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'PinUpdate', updateId, ...dto }, context, response);
  }

  @Delete(':id/updates/:updateId/pin')
  @ApiOperation({ summary: 'Unpin an update', operationId: 'unpinUpdate' })
  @ApiCreatedResponse(WRITTEN)
  async unpin(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() dto: DatedDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'UnpinUpdate', updateId, ...dto }, context, response);
  }

  @Put(':id/updates/:updateId/key-event')
  @ApiOperation({
    summary: 'Mark an update as a key event (marking it again changes nothing)',
    operationId: 'markKeyEvent',
  })
  @ApiCreatedResponse(WRITTEN)
  async markKeyEvent(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() dto: DatedDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'MarkKeyEvent', updateId, ...dto }, context, response);
  }

  @Delete(':id/updates/:updateId/key-event')
  @ApiOperation({ summary: 'Take an update off the key events', operationId: 'unmarkKeyEvent' })
  @ApiCreatedResponse(WRITTEN)
  async unmarkKeyEvent(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('updateId') updateId: string,
    @Body() dto: DatedDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'UnmarkKeyEvent', updateId, ...dto }, context, response);
  }

  @Put(':id/headline')
  @ApiOperation({ summary: 'Change the headline', operationId: 'changeHeadline' })
  @ApiCreatedResponse(WRITTEN)
  async headline(
    @Param('id', LiveBlogIdPipe) id: string,
    @Body() dto: ChangeHeadlineDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'ChangeHeadline', ...dto }, context, response);
  }

  @Put(':id/summary')
  @ApiOperation({ summary: 'Revise the summary', operationId: 'reviseSummary' })
  @ApiCreatedResponse(WRITTEN)
  async summary(
    @Param('id', LiveBlogIdPipe) id: string,
    @Body() dto: ReviseSummaryDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'ReviseSummary', ...dto }, context, response);
  }

  @Post(':id/casualty-figures')
  @ApiOperation({ summary: 'Revise the casualty figures', operationId: 'reviseCasualtyFigures' })
  @ApiCreatedResponse(WRITTEN)
  async figures(
    @Param('id', LiveBlogIdPipe) id: string,
    @Body() dto: CasualtyFiguresDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'ReviseCasualtyFigures', ...dto }, context, response);
  }

  @Post(':id/timeline')
  @ApiOperation({ summary: 'Add a timeline entry', operationId: 'addTimelineEntry' })
  @ApiCreatedResponse(WRITTEN)
  async timeline(
    @Param('id', LiveBlogIdPipe) id: string,
    @Body() dto: TimelineEntryDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    const entryId = dto.entryId ?? randomUUID();
    await this.run(id, { type: 'AddTimelineEntry', ...dto, entryId }, context, response);
  }

  @Put(':id/locations/:place')
  @ApiOperation({ summary: "Set a place's status (and coordinates)", operationId: 'updateLocationStatus' })
  @ApiCreatedResponse(WRITTEN)
  async location(
    @Param('id', LiveBlogIdPipe) id: string,
    @Param('place') place: string,
    @Body() dto: LocationStatusDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'UpdateLocationStatus', place, ...dto }, context, response);
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close the live blog: it takes no more writes', operationId: 'closeLiveBlog' })
  @ApiCreatedResponse(WRITTEN)
  async close(
    @Param('id', LiveBlogIdPipe) id: string,
    @Body() dto: CloseLiveBlogDto,
    @Context() context: CommandContext,
    @Res() response: unknown,
  ) {
    await this.run(id, { type: 'CloseLiveBlog', ...dto }, context, response);
  }

  private async run(id: string, request: CommandRequest, context: CommandContext, response: unknown) {
    this.replies.created(response, await this.commands.execute(id, request, context));
  }
}
