/** The live-blog folder's front door: what other folders may use. */
export * from './pure.js';
export { articleFastPath } from './http/article-fast-path.js';
export { CommandHandler } from './application/command-handler.js';
export { ChangesQueryDto } from './http/dto/live-blog.dto.js';
export { LiveBlogIdPipe } from './http/live-blog-id.pipe.js';
export { slugOf } from './http/slug.js';
export { seedIfEmpty } from './import/seed.js';
export { importLiveBlog, readLiveBlogFile } from './import/live-blog-importer.js';
export { LiveBlogModule } from './live-blog.module.js';
export { ArticleViews } from './projections/article-views.js';
export { ChainHeads } from './projections/chain-heads.js';
export { ProjectionRunner } from './projections/projection-runner.js';
export type { LiveBlogSummary } from './application/live-blog-snapshots.js';
export { LIVE_MESSAGE_LIMIT, LIVE_NAMESPACE } from './realtime/live-events.js';
export { matchesAny } from './http/http-replies.js';
export { toPublicEvent } from './realtime/public-events.js';
export { ArticleViewResponse, FigureResponse, PublicUpdateResponse } from './http/responses/article.response.js';
export { PushedEventResponse } from './http/responses/changes.response.js';
export {
  GoodbyePayload,
  LiveErrorPayload,
  ReadersCountPayload,
  ResumePayload,
  SubscribedWithArticlePayload,
  SubscribedWithEventsPayload,
  SubscribeRequestPayload,
  UnsubscribedPayload,
  UnsubscribeRequestPayload,
} from './realtime/socket.payloads.js';
export { scheduledList, submissionsList } from './projections/newsroom-lists.js';
export type { CommandContext, CommandRequest, CommandResult } from './application/command-handler.js';
export { Context as WriteContext } from './http/command-context.js';
