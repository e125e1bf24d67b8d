/** Syndication's front door: feeds of each story, built from the public views. */
export { SyndicationModule } from './syndication.module.js';
export { renderAtomFeed } from './atom-feed.js';
export { toJsonFeed } from './json-feed.js';
export { entryId, feedLinks, toLiveBlogFeed } from './live-blog-feed.js';
