import { sanitizeBody, wording } from '../shared/index.js';

/**
 * What templates may call: the wording shared with the browser (src/shared/wording.ts) and the one
 * way a body reaches a page, through the safe markup subset (the only unescaped output, `<%~`).
 */
export const pageHelpers = {
  ...wording,
  body: (body: string | null | undefined) => sanitizeBody(body ?? ''),
};

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as
 * \u escapes so no field can close the element or open a comment, and U+2028/2029 stay escaped.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What the layout puts in the head. */
export interface PageHead {
  readonly title: string;
  readonly description?: string | null;
  readonly language?: string;
  readonly url?: string;
  readonly ogType?: 'website' | 'article';
  readonly modifiedTime?: string;
  readonly jsonLd?: string;
  readonly scripts?: readonly string[];
  /** Stylesheets after the site's own. */
  readonly stylesheets?: readonly string[];
  /** `<link rel="alternate">`s: other forms of the page, its feeds and its oEmbed (feed readers and oEmbed consumers find them there). */
  readonly alternates?: readonly { readonly type: string; readonly href: string; readonly title: string }[];
}
