import {
  evolve,
  foldHistory,
  initialState,
  type LiveBlogEvent,
  type LiveBlogHistoryEvent,
  type OpenedBlog,
} from '../../src/live-blog/domain/index.js';
import * as f from '../support/factories.js';
import { EDITOR, history, minutesAfterStart, plainCopy } from '../support/given.js';

function fold(...events: LiveBlogEvent[]): OpenedBlog {
  const state = foldHistory(history(...events));
  if (state.status === 'none') throw new Error('the history never opened the blog');
  return state;
}

const change = (revision: number) => ({ at: minutesAfterStart(revision), author: EDITOR, revision });
const blankFields = {
  headline: null,
  byline: null,
  attribution: null,
  location: null,
  sources: null,
  occurredAt: null,
  media: null,
};

describe('evolve', () => {
  it('opens a blog from its first event', () => {
    expect(plainCopy(fold(f.opened({ summary: 'Unrest in Bishkek' })))).toStrictEqual({
      status: 'live',
      title: f.TITLE,
      summary: 'Unrest in Bishkek',
      language: 'en',
      timeZone: 'Europe/London',
      openedAt: minutesAfterStart(0),
      lastUpdatedAt: minutesAfterStart(0),
      revision: 0,
      closedAt: null,
      closeReason: null,
      updates: [],
      pinned: [],
      keyEvents: [],
      casualtyHistory: [],
      timeline: [],
      locations: [],
      scheduled: [],
      submissions: [],
    });
  });

  it('defaults the language and time zone an older event left out', () => {
    const blog = fold(f.opened({ language: undefined, timeZone: undefined }));
    expect([blog.language, blog.timeZone, blog.summary]).toStrictEqual(['en', 'Europe/London', null]);
  });

  it('moves revision and lastUpdatedAt on with every event, and keeps openedAt', () => {
    const blog = fold(f.opened(), f.posted(), f.headlineChanged(), f.summaryRevised());
    expect([blog.revision, blog.lastUpdatedAt, blog.openedAt]).toStrictEqual([
      3,
      minutesAfterStart(3),
      minutesAfterStart(0),
    ]);
    expect([blog.title, blog.summary]).toStrictEqual([f.headlineChanged().data.title, f.summaryRevised().data.summary]);
  });

  it('records an update with who posted it, when and at which revision', () => {
    const media = { url: 'https://news.bbcimg.co.uk/map.gif' };
    const blog = fold(
      f.opened(),
      f.posted(),
      f.posted({ updateId: 'u2', kind: 'quote', byline: 'Rayhan Demytrie', media }),
    );
    expect([...blog.updates]).toStrictEqual([
      {
        ...change(1),
        updateId: 'u1',
        kind: 'report',
        body: f.BODY,
        ...blankFields,
        corrections: [],
        retraction: null,
        redactions: [],
        origin: null,
      },
      {
        ...change(2),
        updateId: 'u2',
        kind: 'quote',
        body: f.BODY,
        ...blankFields,
        byline: 'Rayhan Demytrie',
        media,
        corrections: [],
        retraction: null,
        redactions: [],
        origin: null,
      },
    ]);
  });

  it('applies corrections and keeps each replaced body', () => {
    const corrections = [
      f.corrected({ body: 'Second', reason: 'typo' }),
      f.corrected({ body: 'Third', reason: 'wrong day' }),
    ];
    const blog = fold(f.opened(), f.posted(), ...corrections);
    const [update] = blog.updates;
    expect(update?.body).toBe('Third');
    expect(update?.corrections).toStrictEqual([
      { ...change(2), reason: 'typo', previousBody: f.BODY },
      { ...change(3), reason: 'wrong day', previousBody: 'Second' },
    ]);
  });

  it('keeps a retracted update on record, marks it, and unpins it', () => {
    const posts = [f.opened(), f.posted(), f.posted({ updateId: 'u2' })];
    const blog = fold(...posts, f.pinned(), f.pinned({ updateId: 'u2' }), f.retracted({ reason: 'wrong town' }));
    expect(blog.updates.map((update) => update.updateId)).toStrictEqual(['u1', 'u2']);
    expect(blog.updates.at(0)?.retraction).toStrictEqual({ ...change(5), reason: 'wrong town' });
    expect(blog.updates.at(0)?.body).toBe(f.BODY);
    expect(blog.updates.at(1)?.retraction).toBeNull();
    expect(blog.pinned).toStrictEqual(['u2']);
  });

  it('keeps pins in the order they were made, once each, and unpins', () => {
    const posts = [f.opened(), f.posted(), f.posted({ updateId: 'u2' }), f.posted({ updateId: 'u3' })];
    const pinTwice = [f.pinned({ updateId: 'u2' }), f.pinned(), f.pinned({ updateId: 'u2' })];
    expect(fold(...posts, ...pinTwice).pinned).toStrictEqual(['u2', 'u1']);
    expect(
      fold(...posts, f.pinned({ updateId: 'u3' }), f.pinned(), f.unpinned({ updateId: 'u3' })).pinned,
    ).toStrictEqual(['u1']);
  });

  it('keeps every revision of the figures, each merged with the one before', () => {
    const injured = { count: 400, qualifier: 'about' } as const;
    const early = { count: 40, qualifier: 'at-least' } as const;
    const final = { count: 75, qualifier: 'exact' } as const;
    const blog = fold(
      f.opened(),
      f.figures({ dead: undefined, injured, source: 'Reuters' }),
      f.figures({ dead: early, injured: undefined, source: 'Health ministry', scope: 'Bishkek', note: 'Early count' }),
      f.figures({ dead: final, injured: undefined, source: 'Health ministry' }),
    );
    expect(blog.casualtyHistory).toStrictEqual([
      { ...change(1), dead: null, injured, source: 'Reuters', scope: null, note: null },
      { ...change(2), dead: early, injured, source: 'Health ministry', scope: 'Bishkek', note: 'Early count' },
      { ...change(3), dead: final, injured, source: 'Health ministry', scope: null, note: null },
    ]);
  });

  it('adds timeline entries in story order', () => {
    const blog = fold(
      f.opened(),
      f.timelineEntry(),
      f.timelineEntry({ entryId: 't2', period: 'April 2010', text: 'Protests spread.' }),
    );
    expect(blog.timeline).toStrictEqual([
      { ...change(1), ...f.timelineEntry().data },
      { ...change(2), entryId: 't2', period: 'April 2010', text: 'Protests spread.' },
    ]);
  });

  it("replaces a place's status where the place stands, and appends a new place", () => {
    const blog = fold(
      f.opened(),
      f.locationUpdated(),
      f.locationUpdated({ place: 'Talas', status: 'Regional offices seized.', coordinates: undefined }),
      f.locationUpdated({ status: 'Calm returns; troops patrol the centre.' }),
    );
    const { coordinates } = f.locationUpdated().data;
    expect(blog.locations).toStrictEqual([
      { ...change(3), place: 'Bishkek', status: 'Calm returns; troops patrol the centre.', coordinates },
      { ...change(2), place: 'Talas', status: 'Regional offices seized.', coordinates: null },
    ]);
  });

  it('closes a blog and keeps its content', () => {
    const blog = fold(f.opened(), f.posted(), f.closed({ reason: 'Coverage ends' }));
    const closing = [blog.status, blog.closedAt, blog.closeReason, blog.updates.length];
    expect(closing).toStrictEqual(['closed', minutesAfterStart(2), 'Coverage ends', 1]);
    expect(fold(f.opened(), f.closed()).closeReason).toBeNull();
  });

  it('lets an event type from a newer version move only the revision and lastUpdatedAt', () => {
    const before = fold(f.opened(), f.posted());
    const future = { type: 'UpdateLiked', data: { updateId: 'u1' }, ...change(2) } as unknown as LiveBlogHistoryEvent;
    expect(evolve(before, future)).toStrictEqual({ ...before, revision: 2, lastUpdatedAt: minutesAfterStart(2) });
  });

  it('ignores anything before the blog is opened', () => {
    const [stray] = history(f.posted());
    expect(evolve(initialState, stray!)).toBe(initialState);
  });

  it('never changes the state it is given', () => {
    const events = history(
      ...[f.opened(), f.posted(), f.posted({ updateId: 'u2' }), f.pinned(), f.unpinned(), f.pinned(), f.corrected()],
      ...[f.headlineChanged(), f.summaryRevised(), f.figures(), f.figures({ injured: undefined }), f.timelineEntry()],
      ...[f.locationUpdated(), f.locationUpdated({ status: 'Quiet' }), f.retracted(), f.closed()],
    );
    let state = foldHistory([]);
    for (const event of events) {
      const snapshot = plainCopy(state);
      const next = evolve(state, event);
      expect(plainCopy(state)).toStrictEqual(snapshot);
      expect(next).not.toBe(state);
      state = next;
    }
  });

  it('folds many events to what evolve gives one at a time, leaving the starting state as it was', () => {
    const events = history(
      ...[f.opened(), f.posted(), f.pinned(), f.figures(), f.timelineEntry(), f.locationUpdated()],
      ...[f.corrected(), f.retracted(), f.figures(), f.locationUpdated({ status: 'Quiet' }), f.closed()],
    );
    const from = foldHistory(events.slice(0, 6));
    const copy = plainCopy(from);
    expect(plainCopy(foldHistory(events.slice(6), from))).toStrictEqual(
      plainCopy(events.slice(6).reduce(evolve, from)),
    );
    expect(plainCopy(from)).toStrictEqual(copy);
  });

  it('resumes a fold from any state to the same result', () => {
    const events = history(f.opened(), f.posted(), f.pinned(), f.corrected(), f.figures(), f.retracted());
    expect(foldHistory(events.slice(3), foldHistory(events.slice(0, 3)))).toStrictEqual(foldHistory(events));
  });
});

describe('evolve: key events and update headlines', () => {
  const headline = 'Gunfire in Bishkek after nightfall';
  it('records who marked a key event, when and at which revision, in the order they were marked', () => {
    const blog = fold(
      f.opened(),
      f.posted(),
      f.posted({ updateId: 'u2' }),
      f.keyEventMarked({ updateId: 'u2' }),
      f.keyEventMarked(),
    );
    expect(blog.keyEvents).toStrictEqual([
      { updateId: 'u2', ...change(3) },
      { updateId: 'u1', ...change(4) },
    ]);
  });
  it('takes a key event off when it is unmarked, and when its update is retracted', () => {
    const blog = fold(
      f.opened(),
      f.posted(),
      f.posted({ updateId: 'u2' }),
      f.keyEventMarked(),
      f.keyEventMarked({ updateId: 'u2' }),
      f.keyEventUnmarked({ updateId: 'u2' }),
    );
    expect(blog.keyEvents.map((mark) => mark.updateId)).toStrictEqual(['u1']);
    expect(fold(f.opened(), f.posted(), f.keyEventMarked(), f.retracted()).keyEvents).toStrictEqual([]);
  });
  it('keeps an update headline, and a correction that gives a new one records the one it replaced', () => {
    const blog = fold(
      f.opened(),
      f.posted({ headline }),
      f.corrected(),
      f.corrected({ body: f.BODY, headline: 'Calm' }),
    );
    const update = blog.updates.byId('u1')!;
    expect(update.headline).toBe('Calm');
    expect(update.corrections.map((correction) => correction.previousHeadline)).toStrictEqual([undefined, headline]);
  });
});
