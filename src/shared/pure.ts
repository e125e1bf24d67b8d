/**
 * The shared folder's second door: the body rules (sanitize-html, entities), without Nest, for the
 * article fold that tools run without a server (test/unit/proof-offline.spec.ts).
 */
export { plainText } from './safe-markup.js';
export { updateHeadline } from './update-headline.js';
export * as wording from './wording.js';
