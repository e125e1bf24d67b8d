/**
 * The shared folder's door for the browser (browser/, bundled into public/js): the wording, the body
 * markup rule and the update headline rule, which the server uses too. Nothing here imports a
 * library or Node, so the pages' bundles carry these few functions and nothing else.
 */
export { SAFE_MARKUP } from './markup-rule.js';
export { updateHeadline } from './update-headline.js';
export * from './wording.js';
