// The compose form's preview: the update drawn exactly as readers will see it, by the reader page's
// own drawing code (article-dom.js, the safe markup subset), as the editor types. Also the
// formatting buttons, which wrap the selected text in the subset's tags.
import { type DrawnUpdate, updateElement } from './article-dom.js';
import { formBody } from './console-forms.js';

export function wirePreview(form: HTMLFormElement | null, story: HTMLElement): void {
  if (!form) return;
  const slot = form.querySelector('[data-preview-slot]')!;
  const empty = slot.firstElementChild!;
  let drawn: string | null = null;
  // Redrawn only when the text changed: a redraw on blur would move the buttons under the pointer.
  const draw = () => {
    const update = formBody(form);
    const key = JSON.stringify(update);
    if (key === drawn) return;
    drawn = key;
    if (!update.body && !update.media) return slot.replaceChildren(empty);
    const pageAt = story.querySelector<HTMLTimeElement>('[data-field="last-updated"]')!.dateTime;
    // The form's fields are the update's, by name (views/partials/newsroom-compose.eta).
    const fields = update as unknown as Partial<DrawnUpdate>;
    const preview = updateElement(
      { ...nulls(), ...fields, updateId: 'preview', revision: 0, at: new Date().toISOString() },
      pageAt,
    );
    preview.removeAttribute('id');
    preview.removeAttribute('tabindex');
    slot.replaceChildren(preview);
  };
  form.addEventListener('input', draw);
  form.addEventListener('change', draw);
  wireMarkup(form, form.elements.namedItem('body') as HTMLTextAreaElement, draw);
  draw();
}

function nulls(): Omit<DrawnUpdate, 'updateId' | 'revision' | 'at'> {
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

const SHORTCUTS: Readonly<Record<string, string>> = { b: 'b', i: 'i' };

function wireMarkup(form: HTMLFormElement, textarea: HTMLTextAreaElement, changed: () => void): void {
  for (const button of form.querySelectorAll<HTMLElement>('[data-markup]')) {
    button.addEventListener('click', () => wrap(textarea, button.dataset.markup ?? '', changed));
  }
  textarea.addEventListener('keydown', (key) => {
    const tag = (key.ctrlKey || key.metaKey) && !key.shiftKey && SHORTCUTS[key.key.toLowerCase()];
    if (!tag) return;
    key.preventDefault();
    wrap(textarea, tag, changed);
  });
}

/** Wraps the selection in a tag of the safe subset; a link's address is left selected to type over. */
function wrap(textarea: HTMLTextAreaElement, tag: string, changed: () => void): void {
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
