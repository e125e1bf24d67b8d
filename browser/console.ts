// The newsroom console (GET /newsroom/:id): the story as readers see it, kept live by the reader's
// own script (live-page.js, the same push), beside the tools that write to it through /api.
import { currentEditor } from './console-auth.js';
import { Drafts, forgetDraftsOnSignOut } from './console-drafts.js';
import { clearFieldErrors, formBody, setStatus, showFieldErrors, submitOnCtrlEnter } from './console-forms.js';
import { watchLiveBlog } from './console-live-blog.js';
import { Presence } from './console-presence.js';
import { wirePreview } from './console-preview.js';
import { type Confirm, UpdateTools } from './console-updates.js';
import { type WriteRequest, Writer } from './console-writer.js';
import type { FormBody, FieldDetails } from './console-forms.js';
import type { FormField } from './console-drafts.js';

/** A story-wide form of the console: its request, what to say after, whether the fields empty, what to confirm first. */
interface Write {
  readonly request: (form: HTMLFormElement, base: string) => WriteRequest;
  /** What the editor is told once it is written; a function when the form decides (a post or a scheduling). */
  readonly doneText: string | ((form: HTMLFormElement) => string);
  readonly clear?: boolean;
  readonly current?: (story: HTMLElement) => string;
  readonly check?: (form: HTMLFormElement) => FieldDetails | null;
  readonly confirm?: (form: HTMLFormElement) => { heading: string; text: string; ok: string };
}

function start(root: HTMLElement): void {
  const story = root.querySelector<HTMLElement>('[data-article]')!;
  const liveBlogId = root.dataset.liveBlogId ?? '';
  const base = `/api/live-blogs/${encodeURIComponent(liveBlogId)}`;
  const seenRevision = () => Number(story.dataset.revision);
  const drafts = new Drafts(currentEditor()?.id ?? '', liveBlogId);
  forgetDraftsOnSignOut();
  const writer = new Writer(liveBlogId, drafts, seenRevision);
  const confirm = confirmer(root.querySelector<HTMLDialogElement>('[data-confirm]')!);
  new Presence(root, liveBlogId).connect();

  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-write]')) {
    form.dataset.draftForm = form.dataset.write;
    drafts.bind(form, seenRevision);
    submitOnCtrlEnter(form);
    const write = WRITES[form.dataset.write ?? '']!;
    form.addEventListener('submit', async (submit) => {
      submit.preventDefault();
      clearFieldErrors(form);
      const missing = write.check?.(form);
      if (missing) {
        showFieldErrors(form, missing);
        return setStatus(form, 'error', 'Not sent: check the fields marked below.');
      }
      if (write.confirm && !(await confirm(write.confirm(form)))) return;
      await writer.send(form, () => write.request(form, base), {
        doneText: typeof write.doneText === 'function' ? write.doneText(form) : write.doneText,
        done: () => write.clear && form.reset(),
        discarded: () =>
          write.current ? ((form.elements[0] as FormField).value = write.current(story)) : form.reset(),
      });
      if (form.dataset.write === 'post') form.dispatchEvent(new Event('input'));
    });
  }
  wirePreview(root.querySelector<HTMLFormElement>('form[data-write="post"]'), story);
  new UpdateTools(story, { base, writer, drafts, confirm, seenRevision }).attach();
  watchLiveBlog(root, story, { liveBlogId, drafts });
}

/** The browser's local "Publish at" as the instant the API takes (with its offset). */
function withPublishAt(body: FormBody): FormBody {
  if (body.publishAt === undefined) return body;
  const instant = new Date(String(body.publishAt));
  return { ...body, publishAt: Number.isNaN(instant.getTime()) ? body.publishAt : instant.toISOString() };
}

/** Each story-wide form: its request, what to say after, whether the fields empty, what to confirm first. */
const WRITES: Readonly<Record<string, Write>> = {
  post: {
    request: (form, base) => ({ method: 'POST', path: `${base}/updates`, body: withPublishAt(formBody(form)) }),
    doneText: (form) => (formBody(form).publishAt === undefined ? 'Published.' : 'Scheduled: it appears at its time.'),
    clear: true,
  },
  headline: {
    request: (form, base) => ({ method: 'PUT', path: `${base}/headline`, body: formBody(form) }),
    doneText: 'Headline changed.',
    current: (story) => story.querySelector('[data-field="title"]')?.textContent ?? '',
  },
  summary: {
    request: (form, base) => ({ method: 'PUT', path: `${base}/summary`, body: formBody(form) }),
    doneText: 'Summary revised.',
    current: (story) => story.querySelector('[data-field="summary"]')?.textContent ?? '',
  },
  figures: {
    request: (form, base) => ({ method: 'POST', path: `${base}/casualty-figures`, body: figuresBody(form) }),
    doneText: 'Figures revised.',
  },
  timeline: {
    request: (form, base) => ({ method: 'POST', path: `${base}/timeline`, body: formBody(form) }),
    doneText: 'Added to the timeline.',
    clear: true,
  },
  place: {
    request: placeRequest,
    doneText: 'Status set.',
    clear: true,
    check: (form) =>
      (form.elements.namedItem('place') as HTMLInputElement).value.trim()
        ? null
        : { fields: [{ field: 'place', problems: ['Name the place.'] }] },
  },
  close: {
    request: (form, base) => ({ method: 'POST', path: `${base}/close`, body: formBody(form) }),
    doneText: 'The story is closed.',
    confirm: () => ({
      heading: 'Close this story?',
      text: 'Readers will see that the page has ended. It cannot be reopened or changed afterwards.',
      ok: 'Close the story',
    }),
  },
};

/** A figure without a count is not being revised: its qualifier alone is not sent. */
function figuresBody(form: HTMLFormElement): FormBody {
  const body = formBody(form);
  for (const key of ['dead', 'injured']) {
    const figure = body[key];
    if (typeof figure === 'object' && figure.count === undefined) delete body[key];
  }
  return body;
}

function placeRequest(form: HTMLFormElement, base: string): WriteRequest {
  const { place = '', ...body } = formBody(form);
  return { method: 'PUT', path: `${base}/locations/${encodeURIComponent(String(place))}`, body };
}

/** A confirmation in the page (a <dialog>, not window.confirm): answers true when the editor confirms. */
function confirmer(dialog: HTMLDialogElement): Confirm {
  return ({ heading, text, ok }) =>
    new Promise((resolve) => {
      dialog.querySelector('[data-confirm-heading]')!.textContent = heading;
      dialog.querySelector('[data-confirm-text]')!.textContent = text;
      dialog.querySelector('[data-confirm-ok]')!.textContent = ok;
      dialog.returnValue = 'cancel';
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-confirm-cancel]')!.focus();
    });
}

const root = document.querySelector<HTMLElement>('[data-console]');
if (root) start(root);
