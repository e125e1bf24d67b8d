import { diff } from '../../src/audit/diff.js';
import { foldHistory, type OpenedBlog } from '../../src/live-blog/domain/index.js';
import * as f from '../support/factories.js';
import { EDITOR, history, minutesAfterStart, plainCopy } from '../support/given.js';

const events = history(
  f.opened({ summary: 'Unrest in Bishkek.' }),
  f.posted(),
  f.posted({ updateId: 'u2', body: 'Crowds in Osh.', location: 'Osh', sources: 'Reuters' }),
  f.pinned(),
  f.figures(),
  f.headlineChanged(),
  f.summaryRevised(),
  f.corrected(),
  f.retracted({ updateId: 'u2' }),
  f.unpinned(),
  f.figures({ dead: { count: 76, qualifier: 'at-least' }, injured: undefined, source: 'Reuters', scope: 'Bishkek' }),
  f.timelineEntry(),
  f.locationUpdated(),
  f.locationUpdated({ status: 'Quiet', coordinates: undefined }),
  f.closed({ reason: 'Coverage ended' }),
);

/** The diff the auditor's route gives: from the state at `from`, over the events up to `to`. */
function diffBetween(from: number, to: number) {
  const before = foldHistory(events.slice(0, from + 1)) as OpenedBlog;
  return diff(before, events.slice(from + 1, to + 1));
}

const by = (revision: number) => ({ revision, at: minutesAfterStart(revision), author: EDITOR });
const firstFigures = {
  dead: { count: 75, qualifier: 'exact' },
  injured: { count: 1000, qualifier: 'more-than' },
  source: 'Kyrgyz health ministry',
  scope: null,
  note: null,
};

describe('the diff between two revisions', () => {
  it('lists every change in order, with the value it replaced, who made it and when', () => {
    expect(diffBetween(0, 14)).toStrictEqual({
      from: { revision: 0, at: minutesAfterStart(0) },
      to: { revision: 14, at: minutesAfterStart(14) },
      changes: [
        { kind: 'update-added', updateId: 'u1', update: { kind: 'report', body: f.BODY }, ...by(1) },
        {
          kind: 'update-added',
          updateId: 'u2',
          update: { kind: 'report', body: 'Crowds in Osh.', location: 'Osh', sources: 'Reuters' },
          ...by(2),
        },
        { kind: 'pinned', updateId: 'u1', ...by(3) },
        { kind: 'figures', before: null, after: firstFigures, ...by(4) },
        { kind: 'headline', before: f.TITLE, after: f.headlineChanged().data.title, ...by(5) },
        { kind: 'summary', before: 'Unrest in Bishkek.', after: f.summaryRevised().data.summary, ...by(6) },
        {
          kind: 'update-corrected',
          updateId: 'u1',
          before: f.BODY,
          after: f.corrected().data.body,
          reason: 'wrong day',
          ...by(7),
        },
        { kind: 'update-retracted', updateId: 'u2', body: 'Crowds in Osh.', reason: 'wrong town', ...by(8) },
        { kind: 'unpinned', updateId: 'u1', ...by(9) },
        {
          kind: 'figures',
          before: firstFigures,
          // The injured were not revised: they stand as before, under this revision's source.
          after: {
            dead: { count: 76, qualifier: 'at-least' },
            injured: { count: 1000, qualifier: 'more-than' },
            source: 'Reuters',
            scope: 'Bishkek',
            note: null,
          },
          ...by(10),
        },
        { kind: 'timeline-entry', entryId: 't1', period: 'March 2005', text: f.timelineEntry().data.text, ...by(11) },
        {
          kind: 'location',
          place: 'Bishkek',
          before: null,
          after: { status: f.locationUpdated().data.status, coordinates: { lat: 42.87, lon: 74.59 } },
          ...by(12),
        },
        {
          kind: 'location',
          place: 'Bishkek',
          before: { status: f.locationUpdated().data.status, coordinates: { lat: 42.87, lon: 74.59 } },
          after: { status: 'Quiet', coordinates: null },
          ...by(13),
        },
        { kind: 'closed', reason: 'Coverage ended', ...by(14) },
      ],
    });
  });

  it('lists only the changes after `from` up to and including `to`', () => {
    const { from, to, changes } = diffBetween(6, 9);
    expect([from.revision, to.revision]).toStrictEqual([6, 9]);
    expect(changes.map(({ kind, revision }) => [kind, revision])).toStrictEqual([
      ['update-corrected', 7],
      ['update-retracted', 8],
      ['unpinned', 9],
    ]);
  });

  it('is empty between a revision and itself', () => {
    expect(diffBetween(5, 5)).toStrictEqual({
      from: { revision: 5, at: minutesAfterStart(5) },
      to: { revision: 5, at: minutesAfterStart(5) },
      changes: [],
    });
  });

  it('accounts for an event type it does not know', () => {
    const before = foldHistory(events.slice(0, 2)) as OpenedBlog;
    const newer = {
      type: 'UpdateTranslated',
      data: { updateId: 'u1' },
      revision: 2,
      at: minutesAfterStart(2),
      author: EDITOR,
    } as never;
    expect(diff(before, [newer]).changes).toStrictEqual([{ kind: 'unrecognised', type: 'UpdateTranslated', ...by(2) }]);
  });

  it('leaves the state it starts from as it was', () => {
    const before = foldHistory(events.slice(0, 3)) as OpenedBlog;
    const copy = plainCopy(before);
    diff(before, events.slice(3));
    expect(plainCopy(before)).toStrictEqual(copy);
  });
});
