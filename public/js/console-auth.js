// Who is editing, and how their requests prove it. The one place that knows: the console's writes,
// its presence socket and the newsroom index all ask here. Today an editor pastes a token from
// `npm run token -- --role editor --name "…"`; it is kept for this tab only (sessionStorage).

const TOKEN_KEY = 'dateline:editor-token';

const token = () => sessionStorage.getItem(TOKEN_KEY) ?? '';

/** Headers that authenticate a write to /api. */
export function authHeaders() {
  return token() ? { Authorization: `Bearer ${token()}` } : {};
}

/** The Socket.IO handshake's `auth` for the /newsroom namespace. */
export function socketAuth() {
  return { token: token() };
}

/** `{id, name}` of the signed-in editor, or null. Read from the token for display only: the server checks it. */
export function currentEditor() {
  const value = token();
  if (!value) return null;
  try {
    const claims = JSON.parse(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.sub === 'string' ? { id: claims.sub, name: String(claims.name ?? claims.sub) } : null;
  } catch {
    return null;
  }
}

/** Shows the token form or who is signed in, and calls `changed` when that changes. */
export function wireAuth(root, changed) {
  const form = root.querySelector('[data-token-form]');
  const signedIn = root.querySelector('[data-signed-in]');
  if (!form || !signedIn) return;
  const show = () => {
    const editor = currentEditor();
    form.hidden = Boolean(editor);
    signedIn.hidden = !editor;
    signedIn.querySelector('[data-editor-name]').textContent = editor?.name ?? '';
  };
  form.addEventListener('submit', (submit) => {
    submit.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, form.elements.token.value.trim());
    form.reset();
    show();
    changed();
  });
  signedIn.querySelector('[data-sign-out]').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    show();
    changed();
  });
  show();
}
