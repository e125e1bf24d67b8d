import { firstSentence } from '../../src/shared/update-headline.js';
import { diff } from '../../src/audit/diff.js';
import { foldHistory, type LiveBlogEvent, type OpenedBlog } from '../../src/live-blog/domain/index.js';
import { toArticleView } from '../../src/live-blog/projections/article.view.js';
import * as f from '../support/factories.js';
import { EDITOR, history, minutesAfterStart } from '../support/given.js';

const fold = (...events: LiveBlogEvent[]) => foldHistory(history(...events)) as OpenedBlog;
const posts = (count: number, from = 2) =>
  Array.from({ length: count }, (_, index) =>
    f.posted({ updateId: `p${from + index}`, body: `Post ${from + index}.` }),
  );

describe('the article view lists key events', () => {
  it('in the order the updates were posted, with their headlines or first sentences, however old', () => {
    const blog = fold(
      f.opened(),
      f.posted({ body: '<p>Gunfire in <b>Bishkek</b> &amp; Osh. Crowds gather.</p>' }),
      ...posts(60),
      f.posted({ updateId: 'late', headline: 'Interim government formed' }),
      f.keyEventMarked({ updateId: 'late' }),
      f.keyEventMarked(),
    );
    const view = toArticleView('kyrgyzstan', blog);
    expect(view.updates.map((update) => update.updateId)).not.toContain('u1');
    expect(view.keyEvents).toStrictEqual([
      { updateId: 'u1', headline: 'Gunfire in Bishkek & Osh.', at: minutesAfterStart(1), revision: 1 },
      { updateId: 'late', headline: 'Interim government formed', at: minutesAfterStart(62), revision: 62 },
    ]);
  });

  it('follows a correction of the headline and drops a retracted update', () => {
    const blog = fold(
      f.opened(),
      f.posted({ headline: 'Gunfire' }),
      f.posted({ updateId: 'u2' }),
      f.keyEventMarked(),
      f.keyEventMarked({ updateId: 'u2' }),
      f.corrected({ body: f.BODY, headline: 'Gunfire at night' }),
      f.retracted({ updateId: 'u2' }),
    );
    expect(toArticleView('kyrgyzstan', blog).keyEvents.map(({ updateId, headline }) => [updateId, headline])).toEqual([
      ['u1', 'Gunfire at night'],
    ]);
  });
});

describe('firstSentence', () => {
  it.each([
    ['Gunfire was heard. Crowds gathered.', 'Gunfire was heard.'],
    ['"Leave now!" the envoy said.', '"Leave now!"'],
    ['  No full stop at all  ', 'No full stop at all'],
    ['Version 2.5 was released today. More later.', 'Version 2.5 was released today.'],
  ])('makes %j into %j', (text, sentence) => expect(firstSentence(text)).toBe(sentence));
  it('cuts a long sentence at a word, within 120 characters, with an ellipsis', () => {
    const sentence = firstSentence(`${'word '.repeat(40)}end.`);
    expect([...sentence].length).toBeLessThanOrEqual(120);
    expect(sentence).toMatch(/^word( word)+…$/);
  });
});

describe('the auditor diff names key events', () => {
  it('with who marked and unmarked them, and a corrected headline with the one it replaced', () => {
    const events = history(
      f.opened(),
      f.posted({ headline: 'Gunfire' }),
      f.keyEventMarked(),
      f.corrected({ body: f.BODY, headline: 'Gunfire at night' }),
      f.keyEventUnmarked(),
    );
    const { changes } = diff(foldHistory(events.slice(0, 2)) as OpenedBlog, events.slice(2));
    const by = (revision: number) => ({ revision, at: minutesAfterStart(revision), author: EDITOR });
    expect(changes).toStrictEqual([
      { kind: 'key-event-marked', updateId: 'u1', ...by(2) },
      {
        kind: 'update-corrected',
        updateId: 'u1',
        before: f.BODY,
        after: f.BODY,
        reason: 'wrong day',
        headline: { before: 'Gunfire', after: 'Gunfire at night' },
        ...by(3),
      },
      { kind: 'key-event-unmarked', updateId: 'u1', ...by(4) },
    ]);
  });
});
