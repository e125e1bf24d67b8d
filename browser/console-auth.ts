// Who is editing, and how their requests prove it: the one place the console and the newsroom
// index ask. The session cookie (HttpOnly) goes with every same-origin request by itself; writes
// add the page's CSRF token; the presence socket's handshake carries the cookie too.

const root = () => document.querySelector<HTMLElement>('[data-editor-id]');

export interface Editor {
  readonly id: string;
  readonly name: string;
}

/** Headers that authenticate a write to /api from this page. */
export function authHeaders(): Record<string, string> {
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content;
  return csrf ? { 'X-CSRF-Token': csrf } : {};
}

/** `{id, name}` of the signed-in editor, as the server rendered the page for them. */
export function currentEditor(): Editor | null {
  const element = root();
  return element ? { id: element.dataset.editorId ?? '', name: element.dataset.editorName ?? '' } : null;
}

/** The session ended (signed out elsewhere, expired, account disabled): sign in again and come back here. */
export function signInAgain(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/signin?next=${encodeURIComponent(here)}`);
}
