// Draws a pushed update body in the browser through the safe markup subset (safe-markup.js), the
// same rule the server applies with sanitize-html. The text is parsed in an inert document (nothing
// in it runs or loads) and only allowed elements are rebuilt, with DOM APIs, into this page.
import { SAFE_MARKUP } from '../src/shared/browser.js';

const ALLOWED = new Set(SAFE_MARKUP.allowedTags);
const DROPPED = new Set(SAFE_MARKUP.nonTextTags);

/** A fragment holding the body's allowed markup and text. */
export function safeBody(body: string | null | undefined): DocumentFragment {
  const inert = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  inert.body.innerHTML = String(body ?? '');
  const fragment = document.createDocumentFragment();
  copyAllowed(inert.body, fragment);
  return fragment;
}

function copyAllowed(from: Node, to: Node & ParentNode): void {
  for (const node of from.childNodes) {
    if (node instanceof Text) to.append(document.createTextNode(node.data));
    if (!(node instanceof Element)) continue;
    const tag = node.localName;
    if (DROPPED.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      copyAllowed(node, to);
      continue;
    }
    const copy = document.createElement(tag);
    const href = node.getAttribute('href');
    if (tag === 'a' && allowedUrl(href)) copy.setAttribute('href', href!);
    copyAllowed(node, copy);
    to.append(copy);
  }
}

/** Only absolute links with an allowed scheme (https). */
export function allowedUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    return SAFE_MARKUP.allowedSchemes.includes(new URL(url).protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}
