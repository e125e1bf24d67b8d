import {
  decide,
  LiveBlogConflict,
  LiveBlogNotFound,
  UpdateNotFound,
  type Figure,
  type LiveBlogCommand,
  type UpdateKind,
} from '../../src/live-blog/domain/index.js';
import * as f from '../support/factories.js';
import { given, minutesAfterStart } from '../support/given.js';
import { InvalidCommand } from '../../src/kernel/index.js';

const long = (length: number) => 'x'.repeat(length);
const live = [f.opened(), f.posted()] as const;
const figure = (count: unknown, qualifier: unknown = 'exact') => ({ count, qualifier }) as Figure;

/** Names each rejection case by its field and a short form of its overrides (some are 10,000 characters long). */
function rejections<T>(...table: [T, string][]): [string, T, string][] {
  const shown = (value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value);
  const label = (overrides: T) =>
    JSON.stringify(overrides, (_, value) => shown(value)).replace(/x{20,}/g, (xs) => `x×${xs.length}`);
  return table.map(([overrides, field]) => [`${field} in ${label(overrides)}`, overrides, field]);
}

/** One valid command of every kind a live blog accepts once opened. */
const blogCommands: [string, LiveBlogCommand][] = [
  ['ChangeHeadline', f.changeHeadline()],
  ['ReviseSummary', f.reviseSummary()],
  ['PostUpdate', f.postUpdate({ updateId: 'u2' })],
  ['CorrectUpdate', f.correct()],
  ['RetractUpdate', f.retract()],
  ['PinUpdate', f.pin()],
  ['UnpinUpdate', f.unpin()],
  ['MarkKeyEvent', f.markKeyEvent()],
  ['UnmarkKeyEvent', f.unmarkKeyEvent()],
  ['ReviseCasualtyFigures', f.reviseFigures()],
  ['AddTimelineEntry', f.addTimelineEntry()],
  ['UpdateLocationStatus', f.updateLocation()],
  ['CloseLiveBlog', f.close()],
];

describe('decide: time and lifecycle', () => {
  it.each(['8 April 2010', '2010-02-30T10:00:00Z', '2010-04-08T24:00:00Z', '2010-04-08'])('rejects the at %j', (at) =>
    given(...live)
      .when(f.postUpdate({ updateId: 'u2', at }))
      .thenRejects(InvalidCommand, 'at'),
  );
  it('rejects a now that is not an instant', () =>
    given(...live)
      .when(f.close({ now: 'soon' }))
      .thenRejects(InvalidCommand, 'now'));
  it('rejects an at earlier than the last event', () =>
    given(...live)
      .when(f.close({ at: '2010-04-08T06:00:30Z' }))
      .thenRejects(InvalidCommand, 'at'));
  it('accepts an at equal to the last event, given with an offset', () =>
    given(...live)
      .when(f.close({ at: '2010-04-08T12:01:00+06:00' }))
      .then(f.closed()));
  it('accepts a back-dated at, as an import of a past story', () =>
    given(...live)
      .when(f.close({ at: minutesAfterStart(5), now: '2026-01-01T00:00:00Z' }))
      .then(f.closed()));
  it('accepts an at equal to now, and not a millisecond later', () => {
    given(...live)
      .when(f.close({ at: '2010-04-08T18:00:00Z' }))
      .then(f.closed());
    given(...live)
      .when(f.close({ at: '2010-04-08T18:00:00.001Z' }))
      .thenRejects(InvalidCommand, 'at');
  });
  it.each(blogCommands)('accepts %s on a live blog (so the refusals below are about the state)', (_, command) =>
    expect(() => decide(command, given(...live).state)).not.toThrow(),
  );
  it('refuses to open a blog twice', () => given(f.opened()).when(f.open()).thenRejects(LiveBlogConflict));
  it.each(blogCommands)('answers %s on a blog never opened with LiveBlogNotFound', (_, command) =>
    given().when(command).thenRejects(LiveBlogNotFound),
  );
  it.each(blogCommands)('answers %s on a closed blog with LiveBlogConflict', (_, command) =>
    given(...live, f.closed())
      .when(command)
      .thenRejects(LiveBlogConflict),
  );
  it('rejects a command type it does not know', () =>
    given(...live)
      .when({ ...f.close(), type: 'Explode' } as unknown as LiveBlogCommand)
      .thenRejects(InvalidCommand, 'type'));
});

describe('decide: OpenLiveBlog', () => {
  it('opens with the default language and time zone', () => given().when(f.open()).then(f.opened()));
  it('trims the texts and spells the time zone as ICU does', () =>
    given()
      .when(
        f.open({ title: ` ${f.TITLE} `, summary: ' Unrest in Bishkek ', language: 'ky-KG', timeZone: 'asia/bishkek' }),
      )
      .then(f.opened({ summary: 'Unrest in Bishkek', language: 'ky-KG', timeZone: 'Asia/Bishkek' })));
  it.each(
    rejections(
      [{ title: '  ' }, 'title'],
      [{ title: long(301) }, 'title'],
      [{ summary: '' }, 'summary'],
      [{ summary: long(2001) }, 'summary'],
      [{ language: 'English' }, 'language'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: '+05:00' }, 'timeZone'],
    ),
  )('rejects %s', (_, overrides, field) => given().when(f.open(overrides)).thenRejects(InvalidCommand, field));
});

describe('decide: ChangeHeadline and ReviseSummary', () => {
  it('changes the headline, trimmed', () =>
    given(f.opened())
      .when(f.changeHeadline({ title: ' New headline ' }))
      .then(f.headlineChanged({ title: 'New headline' })));
  it('does nothing when the headline is the same', () =>
    given(f.opened())
      .when(f.changeHeadline({ title: f.TITLE }))
      .thenNothing());
  it.each([
    ['blank', ''],
    ['301 characters', long(301)],
  ])('rejects the title: %s', (_, title) =>
    given(f.opened()).when(f.changeHeadline({ title })).thenRejects(InvalidCommand, 'title'),
  );
  it('revises the summary', () => given(f.opened()).when(f.reviseSummary()).then(f.summaryRevised()));
  it('does nothing when the summary is the same', () =>
    given(f.opened(), f.summaryRevised()).when(f.reviseSummary()).thenNothing());
  it.each([
    ['blank', ' '],
    ['2001 characters', long(2001)],
  ])('rejects the summary: %s', (_, summary) =>
    given(f.opened()).when(f.reviseSummary({ summary })).thenRejects(InvalidCommand, 'summary'),
  );
});

describe('decide: PostUpdate', () => {
  it('posts an update, leaving out the fields not given', () =>
    given(f.opened()).when(f.postUpdate()).then(f.posted()));
  it('posts every field, trimmed', () => {
    const media = { url: 'https://news.bbcimg.co.uk/map.gif', caption: ' Map of Kyrgyzstan ', credit: 'BBC' };
    const full = {
      byline: 'Rayhan Demytrie',
      attribution: 'Iskander Asanaliev, Bishkek citizen',
      location: 'Bishkek',
      sources: 'Reuters, quoting the interior ministry',
      occurredAt: '2010-04-07T17:37:00Z',
    };
    given(f.opened())
      .when(f.postUpdate({ ...full, kind: 'eyewitness', body: ` ${f.BODY}\n`, byline: ' Rayhan Demytrie ', media }))
      .then(f.posted({ ...full, kind: 'eyewitness', media: { ...media, caption: 'Map of Kyrgyzstan' } }));
  });
  it('accepts an update id of 100 characters and a body of 10000', () =>
    given(f.opened())
      .when(f.postUpdate({ updateId: `u${long(99)}`, body: long(10_000) }))
      .then(f.posted({ updateId: `u${long(99)}`, body: long(10_000) })));
  it('refuses an update id already used', () =>
    given(...live)
      .when(f.postUpdate())
      .thenRejects(LiveBlogConflict, 'updateId'));
  it('refuses the id of a retracted update', () =>
    given(...live, f.retracted())
      .when(f.postUpdate())
      .thenRejects(LiveBlogConflict, 'updateId'));
  it.each(
    rejections(
      [{ updateId: '' }, 'updateId'],
      [{ updateId: '-u1' }, 'updateId'],
      [{ updateId: 'u 1' }, 'updateId'],
      [{ updateId: `u${long(100)}` }, 'updateId'],
      [{ kind: 'rumour' as UpdateKind }, 'kind'],
      [{ body: ' \n ' }, 'body'],
      [{ body: long(10_001) }, 'body'],
      [{ body: '<p>\u200b</p>' }, 'body'],
      [{ body: 'NUL \u0000' }, 'body'],
      [{ byline: long(301) }, 'byline'],
      [{ byline: 'Rayhan\u202e' }, 'byline'],
      [{ location: '\ud800Osh' }, 'location'],
      [{ sources: '\ufeff\u200d' }, 'sources'],
      [{ attribution: '' }, 'attribution'],
      [{ location: long(301) }, 'location'],
      [{ sources: long(301) }, 'sources'],
      [{ occurredAt: 'yesterday' }, 'occurredAt'],
      [{ media: { url: 'http://example.com/map.gif' } }, 'media.url'],
      [{ media: { url: 'not a url' } }, 'media.url'],
      [{ media: { url: 'https://example.com/map.gif"onerror="alert(1)' } }, 'media.url'],
      [{ media: { url: 'https://editor:secret@example.com/map.gif' } }, 'media.url'],
      [{ media: { url: `https://example.com/${long(2000)}` } }, 'media.url'],
      [{ media: { url: 'https://example.com/map.gif', caption: long(301) } }, 'media.caption'],
      [{ media: { url: 'https://example.com/map.gif', credit: ' ' } }, 'media.credit'],
    ),
  )('rejects %s', (_, overrides, field) =>
    given(f.opened()).when(f.postUpdate(overrides)).thenRejects(InvalidCommand, field),
  );
});

describe('decide: CorrectUpdate and RetractUpdate', () => {
  it('corrects an update', () =>
    given(...live)
      .when(f.correct())
      .then(f.corrected()));
  it('corrects a corrected update again', () =>
    given(...live, f.corrected())
      .when(f.correct({ body: 'Third text' }))
      .then(f.corrected({ body: 'Third text' })));
  it('refuses a correction that changes nothing', () =>
    given(...live)
      .when(f.correct({ body: ` ${f.BODY} ` }))
      .thenRejects(InvalidCommand, 'body'));
  it.each(
    rejections(
      [{ body: '' }, 'body'],
      [{ body: long(10_001) }, 'body'],
      [{ reason: '' }, 'reason'],
      [{ reason: long(501) }, 'reason'],
    ),
  )('rejects the correction %s', (_, overrides, field) =>
    given(...live)
      .when(f.correct(overrides))
      .thenRejects(InvalidCommand, field),
  );
  it('retracts an update', () =>
    given(...live)
      .when(f.retract({ reason: 'wrong town' }))
      .then(f.retracted({ updateId: 'u1' })));
  it('retracts a pinned update with one event', () =>
    given(...live, f.pinned())
      .when(f.retract())
      .then(f.retracted()));
  it('rejects a retraction without a reason', () =>
    given(...live)
      .when(f.retract({ reason: '  ' }))
      .thenRejects(InvalidCommand, 'reason'));
  it.each([
    ['correct', f.correct({ updateId: 'u9' })],
    ['retract', f.retract({ updateId: 'u9' })],
  ])('cannot %s an unknown update', (_, command) =>
    given(...live)
      .when(command)
      .thenRejects(UpdateNotFound, 'updateId'),
  );
  it.each([
    ['correct', f.correct()],
    ['retract', f.retract()],
  ])('cannot %s a retracted update', (_, command) =>
    given(...live, f.retracted())
      .when(command)
      .thenRejects(LiveBlogConflict, 'updateId'),
  );
});

describe('decide: PinUpdate and UnpinUpdate', () => {
  it('pins an update', () =>
    given(...live)
      .when(f.pin())
      .then(f.pinned()));
  it('does nothing when the update is already pinned', () =>
    given(...live, f.pinned())
      .when(f.pin())
      .thenNothing());
  it('cannot pin an unknown update', () =>
    given(...live)
      .when(f.pin({ updateId: 'u9' }))
      .thenRejects(UpdateNotFound, 'updateId'));
  it('cannot pin a retracted update', () =>
    given(...live, f.retracted())
      .when(f.pin())
      .thenRejects(LiveBlogConflict, 'updateId'));
  it('unpins a pinned update', () =>
    given(...live, f.pinned())
      .when(f.unpin())
      .then(f.unpinned()));
  it('does nothing when the update is not pinned', () =>
    given(...live)
      .when(f.unpin())
      .thenNothing());
  it('does nothing for an update unpinned by its retraction', () =>
    given(...live, f.pinned(), f.retracted())
      .when(f.unpin())
      .thenNothing());
  it('cannot unpin an unknown update', () =>
    given(...live)
      .when(f.unpin({ updateId: 'u9' }))
      .thenRejects(UpdateNotFound, 'updateId'));
});

describe('decide: an update headline', () => {
  const headline = 'Gunfire in Bishkek after nightfall';
  it('posts an update with a headline, trimmed', () =>
    given(f.opened())
      .when(f.postUpdate({ headline: `  ${headline} ` }))
      .then(f.posted({ headline })));
  it.each(
    rejections<{ headline: unknown }>(
      [{ headline: 'x'.repeat(121) }, 'headline'],
      [{ headline: ' \u200b ' }, 'headline'],
      [{ headline: 'Gunfire\u0000' }, 'headline'],
      [{ headline: 'Gunfire \u202e in Bishkek' }, 'headline'],
    ),
  )('rejects the %s', (_, overrides, field) =>
    given(f.opened())
      .when(f.postUpdate(overrides as { headline: string }))
      .thenRejects(InvalidCommand, field),
  );
  it('accepts a headline of exactly 120 characters', () =>
    given(f.opened())
      .when(f.postUpdate({ headline: 'x'.repeat(120) }))
      .then(f.posted({ headline: 'x'.repeat(120) })));
  it('corrects the headline alone, keeping the body', () =>
    given(...live)
      .when(f.correct({ body: f.BODY, headline }))
      .then(f.corrected({ body: f.BODY, headline })));
  it('corrects the body and keeps the headline when none is given', () =>
    given(f.opened(), f.posted({ headline })).when(f.correct()).then(f.corrected()));
  it('refuses a correction that changes neither the body nor the headline', () =>
    given(f.opened(), f.posted({ headline }))
      .when(f.correct({ body: f.BODY, headline }))
      .thenRejects(InvalidCommand, 'body'));
  it('rejects a correction whose headline is too long', () =>
    given(...live)
      .when(f.correct({ headline: 'x'.repeat(121) }))
      .thenRejects(InvalidCommand, 'headline'));
});

describe('decide: MarkKeyEvent and UnmarkKeyEvent', () => {
  it('marks an update as a key event', () =>
    given(...live)
      .when(f.markKeyEvent())
      .then(f.keyEventMarked()));
  it('does nothing when the update is already a key event, as a pin', () =>
    given(...live, f.keyEventMarked())
      .when(f.markKeyEvent())
      .thenNothing());
  it('marks it again once unmarked', () =>
    given(...live, f.keyEventMarked(), f.keyEventUnmarked())
      .when(f.markKeyEvent())
      .then(f.keyEventMarked()));
  it('cannot mark an unknown update', () =>
    given(...live)
      .when(f.markKeyEvent({ updateId: 'u9' }))
      .thenRejects(UpdateNotFound, 'updateId'));
  it('cannot mark a retracted update', () =>
    given(...live, f.retracted())
      .when(f.markKeyEvent())
      .thenRejects(LiveBlogConflict, 'updateId'));
  it('cannot mark on a closed blog', () =>
    given(...live, f.closed())
      .when(f.markKeyEvent())
      .thenRejects(LiveBlogConflict));
  it('unmarks a key event', () =>
    given(...live, f.keyEventMarked())
      .when(f.unmarkKeyEvent())
      .then(f.keyEventUnmarked()));
  it('does nothing when the update is not a key event', () =>
    given(...live)
      .when(f.unmarkKeyEvent())
      .thenNothing());
  it('does nothing for a key event its retraction took off', () =>
    given(...live, f.keyEventMarked(), f.retracted())
      .when(f.unmarkKeyEvent())
      .thenNothing());
  it('cannot unmark an unknown update', () =>
    given(...live)
      .when(f.unmarkKeyEvent({ updateId: 'u9' }))
      .thenRejects(UpdateNotFound, 'updateId'));
});

describe('decide: ReviseCasualtyFigures', () => {
  it('revises both figures', () => given(f.opened()).when(f.reviseFigures()).then(f.figures()));
  it('revises the dead alone, with a scope and a note, and accepts zero', () =>
    given(f.opened())
      .when(f.reviseFigures({ dead: figure(0), injured: undefined, scope: ' Bishkek ', note: 'Early count' }))
      .then(f.figures({ dead: figure(0), injured: undefined, scope: 'Bishkek', note: 'Early count' })));
  it('revises the injured alone', () =>
    given(f.opened())
      .when(f.reviseFigures({ dead: undefined }))
      .then(f.figures({ dead: undefined })));
  it.each(
    rejections(
      [{ dead: undefined, injured: undefined }, 'dead'],
      [{ dead: figure(-1) }, 'dead.count'],
      [{ dead: figure(1.5) }, 'dead.count'],
      [{ dead: figure(Number.NaN) }, 'dead.count'],
      [{ dead: figure('75') }, 'dead.count'],
      [{ dead: figure(2 ** 53) }, 'dead.count'],
      [{ injured: figure(-1000) }, 'injured.count'],
      [{ dead: figure(75, 'roughly') }, 'dead.qualifier'],
      [{ injured: figure(1000, null) }, 'injured.qualifier'],
      [{ source: '' }, 'source'],
      [{ source: long(301) }, 'source'],
      [{ scope: long(301) }, 'scope'],
      [{ note: long(1001) }, 'note'],
    ),
  )('rejects %s', (_, overrides, field) =>
    given(f.opened()).when(f.reviseFigures(overrides)).thenRejects(InvalidCommand, field),
  );
});

describe('decide: AddTimelineEntry', () => {
  it('adds an entry', () => given(f.opened()).when(f.addTimelineEntry()).then(f.timelineEntry()));
  it('refuses an entry id already used', () =>
    given(f.opened(), f.timelineEntry()).when(f.addTimelineEntry()).thenRejects(LiveBlogConflict, 'entryId'));
  it.each(
    rejections(
      [{ entryId: '' }, 'entryId'],
      [{ entryId: '_t1' }, 'entryId'],
      [{ period: '' }, 'period'],
      [{ period: long(101) }, 'period'],
      [{ text: ' ' }, 'text'],
      [{ text: long(2001) }, 'text'],
    ),
  )('rejects %s', (_, overrides, field) =>
    given(f.opened()).when(f.addTimelineEntry(overrides)).thenRejects(InvalidCommand, field),
  );
});

describe('decide: UpdateLocationStatus', () => {
  it('updates a place with coordinates', () => given(f.opened()).when(f.updateLocation()).then(f.locationUpdated()));
  it('updates a place without coordinates, at the edges of the map', () => {
    given(f.opened())
      .when(f.updateLocation({ coordinates: undefined }))
      .then(f.locationUpdated({ coordinates: undefined }));
    const edge = { lat: -90, lon: 180 };
    given(f.opened())
      .when(f.updateLocation({ coordinates: edge }))
      .then(f.locationUpdated({ coordinates: edge }));
  });
  it.each(
    rejections(
      [{ place: '' }, 'place'],
      [{ place: long(101) }, 'place'],
      [{ status: ' ' }, 'status'],
      [{ status: long(1001) }, 'status'],
      [{ coordinates: { lat: 90.5, lon: 0 } }, 'coordinates.lat'],
      [{ coordinates: { lat: Number.NaN, lon: 0 } }, 'coordinates.lat'],
      [{ coordinates: { lat: 0, lon: -181 } }, 'coordinates.lon'],
      [{ coordinates: { lat: 0, lon: Number.POSITIVE_INFINITY } }, 'coordinates.lon'],
    ),
  )('rejects %s', (_, overrides, field) =>
    given(f.opened()).when(f.updateLocation(overrides)).thenRejects(InvalidCommand, field),
  );
});

describe('decide: CloseLiveBlog', () => {
  it('closes the blog', () =>
    given(...live)
      .when(f.close())
      .then(f.closed()));
  it('closes the blog with a reason', () =>
    given(...live)
      .when(f.close({ reason: ' Coverage ends ' }))
      .then(f.closed({ reason: 'Coverage ends' })));
  it.each([
    ['blank', ''],
    ['501 characters', long(501)],
  ])('rejects the reason: %s', (_, reason) =>
    given(...live)
      .when(f.close({ reason }))
      .thenRejects(InvalidCommand, 'reason'),
  );
});
