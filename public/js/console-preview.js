// The compose form's preview: the update drawn exactly as readers will see it, by the reader page's
// own drawing code (article-dom.js, the safe markup subset), as the editor types. Also the
// formatting buttons, which wrap the selected text in the subset's tags.
import { updateElement } from './article-dom.js';
import { formBody } from './console-forms.js';

export function wirePreview(form, story) {
  if (!form) return;
  const slot = form.querySelector('[data-preview-slot]');
  const empty = slot.firstElementChild;
  let drawn = null;
  // Redrawn only when the text changed: a redraw on blur would move the buttons under the pointer.
  const draw = () => {
    const update = formBody(form);
    const key = JSON.stringify(update);
    if (key === drawn) return;
    drawn = key;
    if (!update.body && !update.media) return slot.replaceChildren(empty);
    const pageAt = story.querySelector('[data-field="last-updated"]').dateTime;
    const preview = updateElement(
      { ...nulls(), ...update, updateId: 'preview', revision: 0, at: new Date().toISOString() },
      pageAt,
    );
    preview.removeAttribute('id');
    preview.removeAttribute('tabindex');
    slot.replaceChildren(preview);
  };
  form.addEventListener('input', draw);
  form.addEventListener('change', draw);
  wireMarkup(form, form.elements.body, draw);
  draw();
}

function nulls() {
  return {
    kind: 'report',
    body: '',
    byline: null,
    attribution: null,
    location: null,
    sources: null,
    media: null,
    corrected: null,
  };
}

const SHORTCUTS = { b: 'b', i: 'i' };

function wireMarkup(form, textarea, changed) {
  for (const button of form.querySelectorAll('[data-markup]')) {
    button.addEventListener('click', () => wrap(textarea, button.dataset.markup, changed));
  }
  textarea.addEventListener('keydown', (key) => {
    const tag = (key.ctrlKey || key.metaKey) && !key.shiftKey && SHORTCUTS[key.key.toLowerCase()];
    if (!tag) return;
    key.preventDefault();
    wrap(textarea, tag, changed);
  });
}

/** Wraps the selection in a tag of the safe subset; a link's address is left selected to type over. */
function wrap(textarea, tag, changed) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const open = tag === 'a' ? '<a href="https://">' : `<${tag}>`;
  const close = `</${tag}>`;
  textarea.focus();
  textarea.setRangeText(`${open}${value.slice(start, end)}${close}`, start, end, 'end');
  if (tag === 'a') textarea.setSelectionRange(start + 9, start + 17);
  else if (start === end) textarea.setSelectionRange(start + open.length, start + open.length);
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  changed();
}
