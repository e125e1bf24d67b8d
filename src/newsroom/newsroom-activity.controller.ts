import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../shared/index.js';
import { ActivityResponse } from './activity.responses.js';
import { Roles } from '../auth/index.js';
import { EVENT_STORE, type EventStore } from '../event-store/index.js';
import {
  toStoredEvents,
  streamOf,
  ChangesQueryDto,
  LiveBlogIdPipe,
  ArticleViews,
  LiveBlogNotFound,
} from '../live-blog/index.js';

/** One line of "who did what when": the public change feed says what changed, this says who. */
export interface ActivityItem {
  readonly revision: number;
  readonly type: string;
  readonly at: string;
  readonly author: { readonly id: string; readonly name: string };
}

/**
 * The authors of a story's recent events, for the console: who set the casualty figures, and who
 * wrote what another editor's 412 says changed. Editors only: readers never see authors.
 */
@ApiTags('newsroom')
@ApiBearerAuth()
@Roles('editor')
@Controller('api/newsroom/live-blogs')
export class NewsroomActivityController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly views: ArticleViews,
  ) {}

  @Get(':id/activity')
  @ApiOperation({
    summary: 'Who wrote each event after a revision (type, at, author), oldest first',
    operationId: 'getActivity',
  })
  @ApiOkResponse({ type: ActivityResponse })
  @ApiProblemResponses(400, 404, 429)
  async activity(@Param('id', LiveBlogIdPipe) id: string, @Query() query: ChangesQueryDto) {
    if (!(await this.views.load(id))) throw new LiveBlogNotFound(id);
    const afterRevision = query.afterRevision ?? -1;
    const read = await this.store.readStream(streamOf(id), {
      fromRevision: afterRevision + 1,
      maxCount: query.limit ?? 100,
    });
    const events: ActivityItem[] = toStoredEvents(read).map(({ revision, type, metadata }) => ({
      revision,
      type,
      at: metadata.at,
      author: { id: metadata.author.id, name: metadata.author.name },
    }));
    return { liveBlogId: id, afterRevision, events };
  }
}
