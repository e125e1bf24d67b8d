import { Module } from '@nestjs/common';
import { CommandHandler } from './application/command-handler.js';
import { VIEW_PROGRESS } from './application/view-progress.js';
import { WriteStates } from './application/write-states.js';
import { EditorController } from './http/editor.controller.js';
import { HttpReplies } from './http/http-replies.js';
import { ReaderController } from './http/reader.controller.js';
import { RedactionController } from './http/redaction.controller.js';
import { ScheduledController } from './http/scheduled.controller.js';
import { SubmissionsController } from './http/submissions.controller.js';
import { ArticleViews } from './projections/article-views.js';
import { ChainHeads } from './projections/chain-heads.js';
import { ProjectionRunner } from './projections/projection-runner.js';
import { CatchUp } from './realtime/catch-up.js';
import { ChangeFeed } from './realtime/change-feed.js';
import { LiveFanout } from './realtime/live-fanout.js';
import { LiveGateway } from './realtime/live.gateway.js';

@Module({
  controllers: [ReaderController, EditorController, RedactionController, ScheduledController, SubmissionsController],
  providers: [
    CommandHandler,
    WriteStates,
    ProjectionRunner,
    { provide: VIEW_PROGRESS, useExisting: ProjectionRunner },
    ArticleViews,
    ChainHeads,
    HttpReplies,
    LiveFanout,
    CatchUp,
    ChangeFeed,
    LiveGateway,
  ],
  exports: [CommandHandler, ProjectionRunner, ArticleViews, ChainHeads],
})
export class LiveBlogModule {}
