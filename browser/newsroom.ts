// The newsroom index (GET /newsroom): open a new live blog, then go to its console. The form's
// text is kept as a draft until the story is opened.
import { failureMessage, write } from './console-api.js';
import { currentEditor } from './console-auth.js';
import { Drafts, forgetDraftsOnSignOut } from './console-drafts.js';
import {
  clearFieldErrors,
  type FieldDetails,
  formBody,
  setStatus,
  showFieldErrors,
  submitOnCtrlEnter,
} from './console-forms.js';

const root = document.querySelector<HTMLElement>('[data-newsroom]');
if (root) start(root);

function start(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-open-form]')!;
  const drafts = new Drafts(currentEditor()?.id ?? '', 'newsroom');
  forgetDraftsOnSignOut();
  drafts.bind(form, () => -1);
  submitOnCtrlEnter(form);
  form.addEventListener('submit', async (submit) => {
    submit.preventDefault();
    clearFieldErrors(form);
    setStatus(form, 'busy', 'Opening…');
    const result = await write('POST', '/api/live-blogs', formBody(form));
    if (result.ok) {
      drafts.clear(form);
      setStatus(form, 'done', 'Opened. Going to its console…');
      window.location.assign(`/newsroom/${encodeURIComponent(String(result.body?.liveBlogId))}`);
      return;
    }
    const taken = {
      fields: [{ field: 'id', problems: ['A story with this address exists already: choose another address.'] }],
    };
    const details = result.status === 409 ? taken : (result.body?.details as FieldDetails | undefined);
    const unplaced = result.status === 400 || result.status === 409 ? showFieldErrors(form, details) : [];
    const marked = form.querySelector('[aria-invalid="true"]');
    setStatus(
      form,
      'error',
      marked && !unplaced.length ? 'Not opened: check the fields marked below.' : failureMessage(result),
    );
  });
}
