import sanitizeHtml from 'sanitize-html';
import { decodeHTML } from 'entities';
import { SAFE_MARKUP } from './markup-rule.js';

/**
 * An update body reduced to the safe markup subset: anything that could run in a reader's page
 * (scripts, event handlers, javascript: links, styles) is removed. Bodies are cleaned when they
 * are written and again when a page is rendered, with the same rule the browser applies.
 */
export function sanitizeBody(body: string): string {
  return sanitizeHtml(body, {
    allowedTags: [...SAFE_MARKUP.allowedTags],
    allowedAttributes: { a: [...SAFE_MARKUP.allowedAttributes.a] },
    allowedSchemes: [...SAFE_MARKUP.allowedSchemes],
    nonTextTags: [...SAFE_MARKUP.nonTextTags],
    // sanitize-html keeps relative and protocol-relative links (//evil.example); like the browser,
    // keep only a link that is absolute on its own, with an allowed scheme.
    allowProtocolRelative: false,
    transformTags: { a: (tagName, attribs) => ({ tagName, attribs: absoluteLink(attribs.href) }) },
  });
}

function absoluteLink(href: string | undefined): Record<string, string> {
  if (!href) return {};
  try {
    return SAFE_MARKUP.allowedSchemes.includes(new URL(href).protocol.replace(/:$/, '')) ? { href } : {};
  } catch {
    return {};
  }
}

/** Where one block of a body ends and the next begins: a space in its plain text. */
const BLOCK_BREAK = /<(?:br|\/p|\/li|\/blockquote)\b[^>]*>/gi;

/**
 * A body's text without its markup, as a search engine or a one-line list shows it: blocks apart
 * by a space, tags gone, character references decoded (the subset allows no other markup).
 */
export function plainText(body: string): string {
  const text = sanitizeHtml(body.replace(BLOCK_BREAK, ' '), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: [...SAFE_MARKUP.nonTextTags],
  });
  return decodeHTML(text).replace(/\s+/g, ' ').trim();
}
