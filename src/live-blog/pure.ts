/**
 * The live-blog folder's second door: the pure parts (the domain, stream names, the stored envelope, the hash chain, the article fold) that tools use without a server.
 * It loads no Nest, no store adapter and no driver (test/unit/proof-offline.spec.ts).
 */
export {
  foldStored,
  isStoredEvent,
  recomputedContentHash,
  type StoredEvent,
  toHistoryEvent,
  toStoredEvent,
  toStoredEvents,
} from './application/envelope.js';
export { chainHash, SALTED_PATHS, valueAt } from './application/hash-chain.js';
export { LIVE_BLOG_ID_PATTERN, liveBlogIdOf, streamOf } from './application/stream-names.js';
export {
  type CasualtyFigures,
  type Coordinates,
  evolve,
  type Figure,
  FIGURE_QUALIFIERS,
  initialState,
  LIVE_BLOG_EVENT_TYPES,
  LiveBlogConflict,
  type LiveBlogHistoryEvent,
  LiveBlogNotFound,
  type LiveBlogState,
  type OpenedBlog,
  REDACTABLE_FIELDS,
  type RedactableField,
  redactedText,
  type Redaction,
  UPDATE_KINDS,
  type UpdateDraft,
  type UpdatePosted,
  type UpdateRecord,
} from './domain/index.js';
export {
  ARTICLE_UPDATES,
  type ArticleView,
  headlineOf,
  type KeyEvent,
  type PublicUpdate,
  toArticleView,
  toPublicUpdate,
  updatesPage,
} from './projections/article.view.js';
export { toJsonLd } from './projections/json-ld.js';
