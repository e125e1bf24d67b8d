// Keeps the console's own parts in step with the story the reader script keeps live: the bar's
// headline and revision, the headline and summary fields (unless the editor is changing them),
// the known places, the closed state, and who set the casualty figures now shown.
import { read } from './console-api.js';
import { currentEditor } from './console-auth.js';
import { updateTime } from '../src/shared/browser.js';
import type { Drafts, FormField } from './console-drafts.js';

/** The newsroom's activity route: who made each change. */
export interface Activity {
  readonly events: ReadonlyArray<{
    readonly revision: number;
    readonly type: string;
    readonly at: string;
    readonly author: { readonly name: string };
  }>;
}

export function watchLiveBlog(
  root: HTMLElement,
  story: HTMLElement,
  { liveBlogId, drafts }: { liveBlogId: string; drafts: Drafts },
): void {
  const refresh = () => {
    const title = story.querySelector('[data-field="title"]')!.textContent ?? '';
    root.querySelector('[data-console-title]')!.textContent = title;
    root.querySelector('[data-console-revision]')!.textContent = `revision ${story.dataset.revision}`;
    follow(root, 'headline', drafts, title);
    follow(root, 'summary', drafts, story.querySelector('[data-field="summary"]')!.textContent ?? '');
    knownPlaces(root, story);
    closed(root, story.dataset.status === 'closed');
  };
  new MutationObserver(refresh).observe(story, {
    attributes: true,
    attributeFilter: ['data-revision', 'data-status'],
  });
  const box = story.querySelector('[data-casualties]')!;
  new MutationObserver(() => figures(root, story, liveBlogId)).observe(box, {
    attributes: true,
    attributeFilter: ['data-figures'],
  });
  closed(root, story.dataset.status === 'closed');
}

/** A story-wide field shows the story's current value, unless the editor has a draft of their own in it. */
function follow(root: HTMLElement, name: string, drafts: Drafts, value: string): void {
  const form = root.querySelector<HTMLFormElement>(`form[data-write="${name}"]`);
  if (!form || drafts.has(form)) return;
  const input = form.querySelector<FormField>('[data-draft]');
  if (input && document.activeElement !== input) input.value = value;
}

function knownPlaces(root: HTMLElement, story: HTMLElement): void {
  const options = [...story.querySelectorAll<HTMLElement>('[data-places-list] [data-place]')].map((item) => {
    const option = document.createElement('option');
    option.value = item.dataset.place ?? '';
    return option;
  });
  root.querySelector('#known-places')?.replaceChildren(...options);
}

function closed(root: HTMLElement, isClosed: boolean): void {
  root.querySelector<HTMLElement>('[data-console-closed]')!.hidden = !isClosed;
  for (const control of root.querySelectorAll<FormField | HTMLButtonElement>(
    '.console__tools button, .console__tools input, .console__tools select, .console__tools textarea',
  )) {
    control.disabled = isClosed;
  }
  root.classList.toggle('console--closed', isClosed);
}

/** The figures panel: the words and source the reader box now shows, and who set them (editors only). */
async function figures(root: HTMLElement, story: HTMLElement, liveBlogId: string): Promise<void> {
  const box = story.querySelector('[data-casualties]')!;
  const text = (selector: string) => box.querySelector(selector)?.textContent ?? '';
  root.querySelector('[data-figures-words]')!.textContent = text('[data-field="words"]');
  root.querySelector('[data-figures-source]')!.textContent = text('[data-field="source"]');
  root.querySelector<HTMLElement>('[data-figures-by]')!.hidden = false;
  if (!currentEditor()) return;
  const after = Math.max(-1, Number(story.dataset.revision) - 50);
  const activity = await read<Activity>(
    `/api/newsroom/live-blogs/${encodeURIComponent(liveBlogId)}/activity?afterRevision=${after}`,
  );
  const last = activity?.events.filter((event) => event.type === 'CasualtyFiguresRevised').at(-1);
  if (!last) return;
  root.querySelector('[data-figures-setter]')!.textContent = last.author.name;
  const at = root.querySelector<HTMLTimeElement>('[data-figures-at]')!;
  at.dateTime = last.at;
  at.textContent = updateTime(last.at, new Date().toISOString());
}
