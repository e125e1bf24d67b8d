import { toAuditorView } from '../../src/audit/auditor-view.js';
import { figuresCsv, figuresHistory } from '../../src/audit/figures-history.js';
import { foldHistory, type OpenedBlog } from '../../src/live-blog/domain/index.js';
import { toArticleView } from '../../src/live-blog/projections/article.view.js';
import * as f from '../support/factories.js';
import { EDITOR, history, minutesAfterStart } from '../support/given.js';
import type { Author } from '../../src/kernel/index.js';

const fold = (...events: Parameters<typeof history>) => foldHistory(history(...events)) as OpenedBlog;
const by = (revision: number) => ({ revision, at: minutesAfterStart(revision), author: EDITOR });

const ALL = { limit: Number.POSITIVE_INFINITY };

describe("the auditor's view", () => {
  const blog = fold(
    f.opened(),
    f.posted(),
    f.posted({ updateId: 'u2', body: 'Crowds in Osh.' }),
    f.corrected({ body: 'Second text.', reason: 'first fix' }),
    f.corrected({ body: 'Third text.', reason: 'second fix' }),
    f.pinned({ updateId: 'u2' }),
    f.retracted({ updateId: 'u2', reason: 'unconfirmed' }),
  );

  it("is the readers' article in every part but the updates", () => {
    const { updates, nextBeforeRevision: _cursor, ...rest } = toAuditorView('osh-unrest', blog, ALL);
    const { updates: publicUpdates, nextBeforeRevision, ...article } = toArticleView('osh-unrest', blog);
    expect(rest).toStrictEqual(article);
    expect(
      updates
        .filter((update) => !update.retracted)
        .map(({ author, corrections, retracted, redactions, origin, ...update }) => update),
    ).toStrictEqual(publicUpdates);
  });

  it("pages the record's updates like the readers' article: newest first, retracted ones included", () => {
    // given: five updates, the fourth retracted
    const long = fold(
      f.opened(),
      ...['u1', 'u2', 'u3', 'u4', 'u5'].map((updateId) => f.posted({ updateId })),
      f.retracted({ updateId: 'u4', reason: 'unconfirmed' }),
    );
    // when: two at a time, each page asking for the updates before the last one's revision
    const first = toAuditorView('osh-unrest', long, { limit: 2 });
    const second = toAuditorView('osh-unrest', long, { limit: 2, beforeRevision: first.nextBeforeRevision! });
    const third = toAuditorView('osh-unrest', long, { limit: 2, beforeRevision: second.nextBeforeRevision! });
    // then: every update once, in order, and no cursor after the last page
    const ids = (view: typeof first) => view.updates.map((update) => update.updateId);
    expect([ids(first), ids(second), ids(third)]).toStrictEqual([['u5', 'u4'], ['u3', 'u2'], ['u1']]);
    expect([first.nextBeforeRevision, second.nextBeforeRevision, third.nextBeforeRevision]).toStrictEqual([4, 2, null]);
    expect(first.updates[1]!.retracted).toMatchObject({ reason: 'unconfirmed' });
  });

  it('answers a page, not the whole record, for a story of 6,400 updates', () => {
    const body = 'Further sustained gunfire was heard in Bishkek after nightfall, witnesses told the BBC.'.repeat(5);
    const updates = Array.from({ length: 6400 }, (_, index) => f.posted({ updateId: `u${index}`, body }));
    const big = fold(f.opened(), ...updates);
    const whole = JSON.stringify(toAuditorView('osh-unrest', big, ALL)).length;
    const page = toAuditorView('osh-unrest', big, { limit: 50 });
    expect(page.updates).toHaveLength(50);
    expect(page.nextBeforeRevision).toBe(6351);
    expect(JSON.stringify(page).length).toBeLessThan(whole / 50);
    console.log(`as-of at 6,400 updates: ${whole} bytes whole, ${JSON.stringify(page).length} bytes a page of 50`);
  });

  it('keeps a retracted update, marked with the reason, who retracted it and when', () => {
    const [retracted] = toAuditorView('osh-unrest', blog, ALL).updates;
    expect(retracted).toMatchObject({
      updateId: 'u2',
      body: 'Crowds in Osh.',
      author: EDITOR,
      retracted: { reason: 'unconfirmed', ...by(6) },
    });
  });

  it('gives each correction the body it replaced and the body it put in place', () => {
    const update = toAuditorView('osh-unrest', blog, ALL).updates.find((candidate) => candidate.updateId === 'u1')!;
    expect(update.body).toBe('Third text.');
    expect(update.corrected).toStrictEqual({ at: minutesAfterStart(4), reason: 'second fix' });
    expect(update.corrections).toStrictEqual([
      { ...by(3), reason: 'first fix', previousBody: f.BODY, body: 'Second text.' },
      { ...by(4), reason: 'second fix', previousBody: 'Second text.', body: 'Third text.' },
    ]);
  });
});

describe('the casualty figures history', () => {
  const second: Author = { id: 'richard-galpin', name: 'Richard Galpin', role: 'editor' };
  const blog = fold(
    f.opened(),
    f.figures(),
    f.figures({
      dead: { count: 76, qualifier: 'at-least' },
      injured: undefined,
      source: '=HYPERLINK("x")',
      note: 'said "about", then "at least"',
    }),
  );
  const history = figuresHistory(blog).map((revision, index) =>
    index === 1 ? { ...revision, author: second } : revision,
  );

  it('lists every revision oldest first, with counts, qualifiers, source and author', () => {
    expect(history).toStrictEqual([
      {
        ...by(1),
        dead: { count: 75, qualifier: 'exact' },
        injured: { count: 1000, qualifier: 'more-than' },
        source: 'Kyrgyz health ministry',
        scope: null,
        note: null,
      },
      {
        ...by(2),
        author: second,
        dead: { count: 76, qualifier: 'at-least' },
        injured: { count: 1000, qualifier: 'more-than' },
        source: '=HYPERLINK("x")',
        scope: null,
        note: 'said "about", then "at least"',
      },
    ]);
  });

  it('writes CSV with a header row, quoted where needed, and no cell a spreadsheet would run as a formula', () => {
    expect(figuresCsv(history).split('\r\n')).toStrictEqual([
      'revision,at,author_id,author_name,author_role,dead_count,dead_qualifier,injured_count,injured_qualifier,source,scope,note',
      `1,${minutesAfterStart(1)},editor-1,Rayhan Demytrie,editor,75,exact,1000,more-than,Kyrgyz health ministry,,`,
      `2,${minutesAfterStart(2)},richard-galpin,Richard Galpin,editor,76,at-least,1000,more-than,"'=HYPERLINK(""x"")",,"said ""about"", then ""at least"""`,
      '',
    ]);
  });

  it('writes only the header when the figures were never given', () => {
    expect(figuresCsv(figuresHistory(fold(f.opened())))).toBe(
      'revision,at,author_id,author_name,author_role,dead_count,dead_qualifier,injured_count,injured_qualifier,source,scope,note\r\n',
    );
  });
});
