import type { LiveBlogCommand, LiveBlogEvent, RedactableField } from '../../src/live-blog/domain/index.js';

/**
 * Events and commands from the reference story (BBC News, Kyrgyzstan, 8 April 2010). Each factory
 * takes overrides; an override set to undefined leaves the field out, as a client that omits it would.
 * A command's factory defaults match its event's, so `when(postUpdate()).then(posted())` holds.
 */

type EventOf<T extends LiveBlogEvent['type']> = Extract<LiveBlogEvent, { readonly type: T }>;
type DataOf<T extends LiveBlogEvent['type']> = EventOf<T>['data'];
type CommandOf<T extends LiveBlogCommand['type']> = Extract<LiveBlogCommand, { readonly type: T }>;
type Overrides<T> = { -readonly [K in keyof T]?: T[K] | undefined };

/** When commands happen: well after any history `given` builds (one event a minute from 06:00). */
export const COMMAND_TIME = '2010-04-08T18:00:00Z';

export const TITLE = 'Kyrgyzstan unrest: Opposition claims to have seized power';
export const BODY = 'Further sustained gunfire was heard in Bishkek after nightfall.';

function event<T extends LiveBlogEvent['type']>(type: T, data: DataOf<T>, overrides: Overrides<DataOf<T>>): EventOf<T> {
  return { type, data: withoutUndefined({ ...data, ...overrides }) } as unknown as EventOf<T>;
}

function command<T extends LiveBlogCommand['type']>(
  type: T,
  fields: Omit<CommandOf<T>, 'type' | 'at' | 'now'>,
  overrides: Overrides<Omit<CommandOf<T>, 'type'>>,
): CommandOf<T> {
  return withoutUndefined({
    type,
    at: COMMAND_TIME,
    now: COMMAND_TIME,
    ...fields,
    ...overrides,
  }) as unknown as CommandOf<T>;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const opening = { title: TITLE, language: 'en', timeZone: 'Europe/London' };
const update = { updateId: 'u1', kind: 'report', body: BODY } as const;
const correction = {
  updateId: 'u1',
  body: 'Further sustained gunfire was heard in Bishkek late on Wednesday.',
  reason: 'wrong day',
};
const retraction = { updateId: 'u1', reason: 'wrong town' };
const redaction = {
  updateId: 'u1',
  fields: ['body'] as RedactableField[],
  reference: 'Court order 2010/117',
  reason: 'Names a minor',
};
const revisedFigures = {
  dead: { count: 75, qualifier: 'exact' },
  injured: { count: 1000, qualifier: 'more-than' },
  source: 'Kyrgyz health ministry',
} as const;
const entry = { entryId: 't1', period: 'March 2005', text: 'The Tulip Revolution brings Kurmanbek Bakiyev to power.' };
const location = {
  place: 'Bishkek',
  status: 'Government buildings seized; looting reported.',
  coordinates: { lat: 42.87, lon: 74.59 },
};

// Events
export const opened = (overrides: Overrides<DataOf<'LiveBlogOpened'>> = {}) =>
  event('LiveBlogOpened', opening, overrides);
export const headlineChanged = (overrides: Overrides<DataOf<'HeadlineChanged'>> = {}) =>
  event('HeadlineChanged', { title: 'Kyrgyz opposition forms interim government' }, overrides);
export const summaryRevised = (overrides: Overrides<DataOf<'SummaryRevised'>> = {}) =>
  event('SummaryRevised', { summary: 'Roza Otunbayeva heads an interim government.' }, overrides);
export const posted = (overrides: Overrides<DataOf<'UpdatePosted'>> = {}) => event('UpdatePosted', update, overrides);
export const corrected = (overrides: Overrides<DataOf<'UpdateCorrected'>> = {}) =>
  event('UpdateCorrected', correction, overrides);
export const retracted = (overrides: Overrides<DataOf<'UpdateRetracted'>> = {}) =>
  event('UpdateRetracted', retraction, overrides);
export const redacted = (overrides: Overrides<DataOf<'UpdateRedacted'>> = {}) =>
  event('UpdateRedacted', redaction, overrides);
export const pinned = (overrides: Overrides<DataOf<'UpdatePinned'>> = {}) =>
  event('UpdatePinned', { updateId: 'u1' }, overrides);
export const unpinned = (overrides: Overrides<DataOf<'UpdateUnpinned'>> = {}) =>
  event('UpdateUnpinned', { updateId: 'u1' }, overrides);
export const keyEventMarked = (overrides: Overrides<DataOf<'KeyEventMarked'>> = {}) =>
  event('KeyEventMarked', { updateId: 'u1' }, overrides);
export const keyEventUnmarked = (overrides: Overrides<DataOf<'KeyEventUnmarked'>> = {}) =>
  event('KeyEventUnmarked', { updateId: 'u1' }, overrides);
export const figures = (overrides: Overrides<DataOf<'CasualtyFiguresRevised'>> = {}) =>
  event('CasualtyFiguresRevised', revisedFigures, overrides);
export const timelineEntry = (overrides: Overrides<DataOf<'TimelineEntryAdded'>> = {}) =>
  event('TimelineEntryAdded', entry, overrides);
export const locationUpdated = (overrides: Overrides<DataOf<'LocationStatusUpdated'>> = {}) =>
  event('LocationStatusUpdated', location, overrides);
export const closed = (overrides: Overrides<DataOf<'LiveBlogClosed'>> = {}) => event('LiveBlogClosed', {}, overrides);

// Commands
export const open = (overrides: Overrides<Omit<CommandOf<'OpenLiveBlog'>, 'type'>> = {}) =>
  command('OpenLiveBlog', { title: TITLE }, overrides);
export const changeHeadline = (overrides: Overrides<Omit<CommandOf<'ChangeHeadline'>, 'type'>> = {}) =>
  command('ChangeHeadline', headlineChanged().data, overrides);
export const reviseSummary = (overrides: Overrides<Omit<CommandOf<'ReviseSummary'>, 'type'>> = {}) =>
  command('ReviseSummary', summaryRevised().data, overrides);
export const postUpdate = (overrides: Overrides<Omit<CommandOf<'PostUpdate'>, 'type'>> = {}) =>
  command('PostUpdate', update, overrides);
export const correct = (overrides: Overrides<Omit<CommandOf<'CorrectUpdate'>, 'type'>> = {}) =>
  command('CorrectUpdate', correction, overrides);
export const retract = (overrides: Overrides<Omit<CommandOf<'RetractUpdate'>, 'type'>> = {}) =>
  command('RetractUpdate', retraction, overrides);
export const redact = (overrides: Overrides<Omit<CommandOf<'RedactUpdate'>, 'type'>> = {}) =>
  command('RedactUpdate', redaction, overrides);
export const pin = (overrides: Overrides<Omit<CommandOf<'PinUpdate'>, 'type'>> = {}) =>
  command('PinUpdate', { updateId: 'u1' }, overrides);
export const unpin = (overrides: Overrides<Omit<CommandOf<'UnpinUpdate'>, 'type'>> = {}) =>
  command('UnpinUpdate', { updateId: 'u1' }, overrides);
export const markKeyEvent = (overrides: Overrides<Omit<CommandOf<'MarkKeyEvent'>, 'type'>> = {}) =>
  command('MarkKeyEvent', { updateId: 'u1' }, overrides);
export const unmarkKeyEvent = (overrides: Overrides<Omit<CommandOf<'UnmarkKeyEvent'>, 'type'>> = {}) =>
  command('UnmarkKeyEvent', { updateId: 'u1' }, overrides);
export const reviseFigures = (overrides: Overrides<Omit<CommandOf<'ReviseCasualtyFigures'>, 'type'>> = {}) =>
  command('ReviseCasualtyFigures', revisedFigures, overrides);
export const addTimelineEntry = (overrides: Overrides<Omit<CommandOf<'AddTimelineEntry'>, 'type'>> = {}) =>
  command('AddTimelineEntry', entry, overrides);
export const updateLocation = (overrides: Overrides<Omit<CommandOf<'UpdateLocationStatus'>, 'type'>> = {}) =>
  command('UpdateLocationStatus', location, overrides);
export const close = (overrides: Overrides<Omit<CommandOf<'CloseLiveBlog'>, 'type'>> = {}) =>
  command('CloseLiveBlog', {}, overrides);
