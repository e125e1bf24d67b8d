// The diff between two revisions, one list item per stored event: when, who, and what it changed
// (the value it replaced struck through, the new one underlined).
import type { BlogDiff, PlaceStatus, LiveBlogChange } from '../../src/audit/diff.js';
import { authorWords, clockTime, element, statementWords } from './format.js';

type Said = string | null | undefined;

const placeWords = (place: PlaceStatus | null): string => (place ? place.status : 'not listed');

/** [heading, before, after] for each kind of change the server reports (src/audit/diff.ts). */
function describe(change: LiveBlogChange): [string, Said, Said] {
  switch (change.kind) {
    case 'opened':
      return ['Story opened', null, change.title];
    case 'headline':
      return ['Headline changed', change.before, change.after];
    case 'summary':
      return ['Summary revised', change.before, change.after];
    case 'update-added':
      return [
        `Update posted (${change.update.kind})`,
        null,
        change.update.headline ? `${change.update.headline} — ${change.update.body}` : change.update.body,
      ];
    case 'update-corrected':
      return change.headline
        ? [
            `Update corrected: ${change.reason}`,
            `${change.headline.before ?? '(no headline)'} — ${change.before}`,
            `${change.headline.after} — ${change.after}`,
          ]
        : [`Update corrected: ${change.reason}`, change.before, change.after];
    case 'update-retracted':
      return [`Update retracted: ${change.reason}`, change.body, null];
    case 'update-redacted':
      return [`Update redacted (${change.fields.join(', ')}), ${change.reference}: ${change.reason}`, null, null];
    case 'pinned':
      return ['Update pinned', null, change.updateId];
    case 'unpinned':
      return ['Update unpinned', change.updateId, null];
    case 'key-event-marked':
      return ['Marked as a key event', null, change.updateId];
    case 'key-event-unmarked':
      return ['No longer a key event', change.updateId, null];
    case 'figures':
      return ['Casualty figures revised', statementWords(change.before), statementWords(change.after)];
    case 'timeline-entry':
      return [`Timeline entry added (${change.period})`, null, change.text];
    case 'location':
      return [`Place: ${change.place}`, placeWords(change.before), placeWords(change.after)];
    case 'closed':
      return ['Story closed', null, change.reason];
    case 'update-scheduled':
      return [`Update scheduled for ${clockTime(change.publishAt)}`, null, change.update.body];
    case 'scheduled-update-changed':
      return ['Scheduled update changed', change.before?.update.body ?? null, change.after.update.body];
    case 'scheduled-update-cancelled':
      return ['Scheduled update cancelled', change.updateId, change.reason];
    case 'submission-received':
      return ['Submission received', null, change.update.body];
    case 'submission-rejected':
      return ['Submission rejected', change.submissionId, change.reason];
    default:
      return [`Unrecognised event ${change.type}`, null, null];
  }
}

/** Fills the list, and the summary line above it, from a BlogDiff. */
export function showDiff(list: HTMLElement, summary: HTMLElement, diff: BlogDiff): void {
  const { from, to, changes } = diff;
  summary.textContent =
    changes.length === 0
      ? `No change between revision ${from.revision} and revision ${to.revision}.`
      : `${changes.length} change${changes.length === 1 ? '' : 's'} after revision ${from.revision} ` +
        `(${clockTime(from.at)}) up to revision ${to.revision} (${clockTime(to.at)}):`;
  list.replaceChildren(...changes.map(changeItem));
}

function changeItem(change: LiveBlogChange): HTMLLIElement {
  const [heading, before, after] = describe(change);
  const item = element('li', undefined, `change change-${change.kind}`);
  item.dataset.revision = String(change.revision);
  const said = `Revision ${change.revision} · ${clockTime(change.at)} · ${authorWords(change.author)}`;
  const meta = element('p', said, 'change-meta');
  item.append(meta, element('p', heading, 'change-heading'));
  if (before !== null && before !== undefined) item.append(labelled('del', 'Before', before));
  if (after !== null && after !== undefined) item.append(labelled('ins', 'After', after));
  return item;
}

function labelled(tag: 'del' | 'ins', label: string, text: string): HTMLParagraphElement {
  const block = element('p', undefined, `change-${tag === 'del' ? 'before' : 'after'}`);
  block.append(element('span', `${label}: `, 'change-label'), element(tag, text));
  return block;
}
