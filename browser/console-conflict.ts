// A 412 in words: what other editors changed since the revision this editor saw (the public change
// feed says what, the newsroom's activity route says who), with the choice to apply this editor's
// change on top or discard it. Their text stays in the form, and in its draft, until they choose.
import { type PublicEvent, typedEvent } from '../packages/client/src/wire.js';
import { read } from './console-api.js';
import type { Activity } from './console-live-blog.js';

/** One change since the editor's revision, in words. */
export interface Change {
  readonly revision: number;
  readonly text: string;
  readonly who: string | null;
  readonly at: string;
}

export interface Changes {
  readonly revision: number | null;
  readonly events: readonly Change[];
}
import { casualtyWords, updateTime } from '../src/shared/browser.js';

/** The events after `afterRevision`, each as `{revision, text, who, at}`. */
export async function changesSince(liveBlogId: string, afterRevision: number): Promise<Changes> {
  const id = encodeURIComponent(liveBlogId);
  const query = `afterRevision=${encodeURIComponent(afterRevision)}&limit=50`;
  const [changes, activity] = await Promise.all([
    read<{ revision: number; events: PublicEvent[] }>(`/api/live-blogs/${id}/changes?${query}`),
    read<Activity>(`/api/newsroom/live-blogs/${id}/activity?${query}`),
  ]);
  const authors = new Map((activity?.events ?? []).map((event) => [event.revision, event.author.name]));
  return {
    revision: changes?.revision ?? null,
    events: (changes?.events ?? []).map((event) => ({
      revision: event.revision,
      text: describe(event),
      who: authors.get(event.revision) ?? null,
      at: event.at,
    })),
  };
}

/** One public event as a sentence an editor reads at a glance. */
export function describe(pushed: PublicEvent): string {
  const event = typedEvent(pushed);
  const { type } = event;
  switch (event.type) {
    case 'UpdatePosted':
      return event.data.retracted
        ? 'Posted an update (since retracted)'
        : `Posted an update: “${excerpt(event.data.body)}”`;
    case 'UpdateCorrected':
      return event.data.retracted
        ? 'Corrected an update (since retracted)'
        : `Corrected an update to “${excerpt(event.data.body)}” (${event.data.reason})`;
    case 'UpdateRetracted':
      // Why is for auditors: the public change feed does not say (src/live-blog/realtime/public-events.ts).
      return 'Retracted an update';
    case 'UpdateRedacted':
      return `Redacted the ${event.data.fields.join(', ')} of an update (${event.data.reference})`;
    case 'UpdatePinned':
      return 'Pinned an update as a key point';
    case 'UpdateUnpinned':
      return 'Unpinned an update';
    case 'KeyEventMarked':
      return 'Marked an update as a key event';
    case 'KeyEventUnmarked':
      return 'Took an update off the key events';
    case 'HeadlineChanged':
      return `Changed the headline to “${event.data.title}”`;
    case 'SummaryRevised':
      return `Revised the summary: “${excerpt(event.data.summary)}”`;
    case 'CasualtyFiguresRevised':
      return `Revised the casualty figures: ${casualtyWords(event.data) ?? 'no counts'} (source: ${event.data.source})`;
    case 'TimelineEntryAdded':
      return `Added to the timeline: ${event.data.period}, “${excerpt(event.data.text)}”`;
    case 'LocationStatusUpdated':
      return `Set the status of ${event.data.place}: “${excerpt(event.data.status)}”`;
    case 'LiveBlogClosed':
      return event.data.reason ? `Closed the story: ${event.data.reason}` : 'Closed the story';
    default:
      return type;
  }
}

/** The text of a body without its markup, parsed in an inert document (nothing in it runs), shortened. */
function excerpt(body: string | null | undefined, length = 120): string {
  const inert = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  inert.body.innerHTML = String(body ?? '');
  const text = (inert.body.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * Shows the conflict in the form's status area. `apply(revision)` re-sends on top of `revision`;
 * `discard()` throws the editor's change away.
 */
export function showConflict(
  status: HTMLElement,
  { events, revision }: Changes,
  { apply, discard }: { apply: (revision: number | null) => void; discard: () => void },
): void {
  const box = document.createElement('div');
  box.className = 'conflict';
  box.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.className = 'conflict__title';
  title.textContent = 'Not sent: the story changed while you were writing. Your text is kept below.';
  const list = document.createElement('ol');
  list.className = 'conflict__changes';
  for (const event of events) {
    const item = document.createElement('li');
    const who = document.createElement('span');
    who.className = 'conflict__who';
    who.textContent = `${event.who ?? 'Another editor'}, ${updateTime(event.at, null)} (revision ${event.revision})`;
    item.append(who, document.createTextNode(` ${event.text}`));
    list.append(item);
  }
  const actions = document.createElement('div');
  actions.className = 'form__actions';
  actions.append(
    button('Apply my change on top', 'button button--primary', () => apply(revision)),
    button('Discard my change', 'button', discard),
  );
  box.append(title, ...(events.length ? [list] : []), actions);
  status.replaceChildren(box);
  actions.querySelector('button')!.focus();
}

function button(text: string, className: string, click: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.addEventListener('click', click);
  return element;
}
