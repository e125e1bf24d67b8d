import {
  evolve,
  foldHistory,
  UpdateList,
  type LiveBlogEvent,
  type LiveBlogHistoryEvent,
  type OpenedBlog,
} from '../../src/live-blog/domain/index.js';
import * as f from '../support/factories.js';
import { EDITOR, history, minutesAfterStart, plainCopy } from '../support/given.js';

/** More than 32 × 32 updates, so that the list's trie is three levels deep. */
const POSTS = 1100;

function opened(events: LiveBlogHistoryEvent[]): OpenedBlog {
  const state = foldHistory(events);
  if (state.status === 'none') throw new Error('the history never opened the blog');
  return state;
}

/** Events that carry on from `revision`, dated and numbered as a stream would. */
function continuing(revision: number, ...events: LiveBlogEvent[]): LiveBlogHistoryEvent[] {
  return events.map((event, offset) => ({
    ...event,
    revision: revision + 1 + offset,
    at: minutesAfterStart(revision + 1 + offset),
    author: EDITOR,
  }));
}

const posts = (count: number, prefix = 'u') =>
  Array.from({ length: count }, (_, index) => f.posted({ updateId: `${prefix}${index}` }));
const ids = (blog: OpenedBlog) => blog.updates.map((update) => update.updateId);

describe("a blog's update list", () => {
  const long = opened(history(f.opened(), ...posts(POSTS)));

  it('keeps every update in order, and finds each by id', () => {
    expect(long.updates.length).toBe(POSTS);
    expect(ids(long)).toStrictEqual(posts(POSTS).map((post) => post.data.updateId));
    for (const index of [0, 31, 32, 1023, 1024, POSTS - 1]) {
      expect(long.updates.at(index)?.updateId).toBe(`u${index}`);
      expect(long.updates.indexOf(`u${index}`)).toBe(index);
      expect(long.updates.byId(`u${index}`)).toBe(long.updates.at(index));
    }
    expect([long.updates.at(-1), long.updates.at(POSTS), long.updates.byId('u-none')]).toStrictEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(JSON.parse(JSON.stringify(long.updates))).toHaveLength(POSTS);
  });

  it('is never changed by a later fold, in one go or an event at a time', () => {
    const copy = plainCopy(long);
    const later = continuing(
      long.revision,
      ...posts(40, 'n'),
      f.corrected({ updateId: 'u0', body: 'First, corrected' }),
      f.corrected({ updateId: 'u1050', body: 'Late, corrected' }),
      f.retracted({ updateId: 'u33' }),
      f.redacted({ updateId: 'u1024' }),
    );
    const inOneGo = foldHistory(later, long) as OpenedBlog;
    const oneAtATime = later.reduce(evolve, long) as OpenedBlog;
    expect(plainCopy(long)).toStrictEqual(copy);
    expect(plainCopy(inOneGo)).toStrictEqual(plainCopy(oneAtATime));
    expect(inOneGo.updates.byId('u0')?.body).toBe('First, corrected');
    expect(inOneGo.updates.byId('u33')?.retraction).not.toBeNull();
    expect(inOneGo.updates.byId('n39')?.revision).toBe(long.revision + 40);
    expect([long.updates.byId('u0')?.body, long.updates.byId('n0')]).toStrictEqual([f.BODY, undefined]);
  });

  it("is not changed by a fold resumed from the state a fold handed out, nor changes that state's", () => {
    const first = opened(history(f.opened(), ...posts(70)));
    const firstCopy = plainCopy(first);
    const second = foldHistory(continuing(first.revision, ...posts(5, 'n'), f.corrected({ updateId: 'u69' })), first);
    const secondCopy = plainCopy(second);
    foldHistory(continuing(second.revision as number, f.corrected({ updateId: 'n4' }), ...posts(30, 'm')), second);
    expect([plainCopy(first), plainCopy(second)]).toStrictEqual([firstCopy, secondCopy]);
  });

  it('lets two folds from one state go their own ways', () => {
    const start = opened(history(f.opened(), ...posts(40)));
    const one = foldHistory(continuing(start.revision, f.posted({ updateId: 'x' })), start) as OpenedBlog;
    const other = foldHistory(
      continuing(
        start.revision,
        f.posted({ updateId: 'y' }),
        f.posted({ updateId: 'x' }),
        f.corrected({ updateId: 'x' }),
      ),
      start,
    ) as OpenedBlog;
    expect([one.updates.indexOf('x'), one.updates.indexOf('y')]).toStrictEqual([40, -1]);
    expect([other.updates.indexOf('x'), other.updates.indexOf('y')]).toStrictEqual([41, 40]);
    expect([start.updates.indexOf('x'), start.updates.indexOf('y')]).toStrictEqual([-1, -1]);
    expect(one.updates.byId('x')?.body).toBe(f.BODY);
    expect(other.updates.byId('x')?.corrections).toHaveLength(1);
  });

  it('builds a new list for every change and leaves the one it was given alone', () => {
    const record = (updateId: string) => opened(history(f.opened(), f.posted({ updateId }))).updates.at(0)!;
    const empty = UpdateList.empty();
    const one = empty.appended(record('a'));
    const two = one.appended(record('b'));
    const replaced = two.replaced(0, { ...record('a'), body: 'Changed' });
    const bodies = (list: UpdateList) => [...list].map((update) => `${update.updateId}: ${update.body}`);
    expect([bodies(empty), bodies(one), bodies(two)]).toStrictEqual([
      [],
      [`a: ${f.BODY}`],
      [`a: ${f.BODY}`, `b: ${f.BODY}`],
    ]);
    expect(bodies(replaced)).toStrictEqual(['a: Changed', `b: ${f.BODY}`]);
    expect(() => two.replaced(2, record('c'))).toThrow(RangeError);
  });
});
