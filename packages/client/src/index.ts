export {
  createClient,
  type ClientOptions,
  type CorrectUpdateBody,
  type DatelineClient,
  DatelineError,
  type FieldProblem,
  type FollowOptions,
  type Following,
  type HistoryPoint,
  type LiveBlogListItem,
  type PostUpdateBody,
  type ProblemDetails,
  type RetractUpdateBody,
  type WriteOptions,
  type WriteResult,
} from './client.js';
export {
  connectLive,
  type FollowHandlers,
  type FollowResume,
  type FollowStatus,
  LiveBlogFollower,
  type LiveClientSocket,
  RECONNECTION,
  retryDelay,
  subscribe,
} from './follower.js';
export * from './wire.js';
