/** The shared folder's front door: what other folders may use. */
export { JsonBodyInterceptor } from './json-body.interceptor.js';
export { LeanIoAdapter } from './lean-io-adapter.js';
export { Metrics, secondsSince } from './metrics.js';
export { projectRoot } from './paths.js';
export { RevisionCache, type CachedBody } from './revision-cache.js';
export { PROBLEM_CONTENT_TYPE, problemOf } from './problem-details.js';
export { ProblemDetailsFilter, replyWithProblem } from './problem-details.filter.js';
export { Integer, WholeNumber } from './query-numbers.js';
export { sanitizeBody } from './safe-markup.js';
export { wording } from './pure.js';
export { SharedModule } from './shared.module.js';
export { LoopTurns } from './loop-turns.js';
export { LruMap } from './lru-map.js';
export { TakingTurns } from './taking-turns.js';
export { validationPipe } from './validation.js';
export { ApiProblemResponses } from './api-problem.js';
export type { SameShape } from './api-shape.js';
export { requestOrigin, siteOrigin } from './request-origin.js';
