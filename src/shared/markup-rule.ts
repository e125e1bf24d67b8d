// The one rule for update bodies: the markup subset a body may carry. The server enforces it with
// sanitize-html when a body is written and again when a page is rendered (./safe-markup.ts); the
// browser enforces it when it draws a pushed body (browser/safe-body.ts). Nothing else is ever kept.

export const SAFE_MARKUP: {
  readonly allowedTags: readonly string[];
  readonly allowedAttributes: { readonly a: readonly string[] };
  readonly allowedSchemes: readonly string[];
  readonly nonTextTags: readonly string[];
} = Object.freeze({
  allowedTags: Object.freeze(['p', 'br', 'b', 'strong', 'i', 'em', 'a', 'ul', 'ol', 'li', 'blockquote']),
  allowedAttributes: Object.freeze({ a: Object.freeze(['href']) }),
  allowedSchemes: Object.freeze(['https']),
  // Elements dropped together with their text (any other disallowed element is unwrapped, its text kept).
  nonTextTags: Object.freeze(['script', 'style', 'textarea', 'option', 'noscript']),
});
