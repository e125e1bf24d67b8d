import type { LiveBlogHistoryEvent } from './events.js';
import { DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE } from './limits.js';
import { isNewsroomEvent } from './newsroom-events.js';
import * as newsroom from './newsroom-evolve.js';
import { redactedText, type RedactableField } from './redaction.js';
import { initialState, type Change, type LiveBlogState, type OpenedBlog, type UpdateRecord } from './state.js';
import { UpdateList, type FoldToken } from './update-list.js';

type EventOf<T extends LiveBlogHistoryEvent['type']> = Extract<LiveBlogHistoryEvent, { readonly type: T }>;

/** The blog while one fold builds it: an object of the fold's own, changed in place until the fold hands it out. */
type Draft = { -readonly [K in keyof OpenedBlog]: OpenedBlog[K] };

/**
 * What one fold made itself. Nothing outside the fold has seen it, so it may change it in place: the
 * arrays it made (one it was handed, the starting state's, is copied once, the first time it
 * changes), and the updates' nodes its token marks (UpdateList copies a handed one node by node).
 */
interface Owned {
  readonly arrays: Set<readonly unknown[]>;
  readonly token: FoldToken;
}

/**
 * The one fold: the blog after one more event. Pure: it returns a new state and leaves `state` as
 * it was, so a cached state can be shared and a fold resumed from any point.
 * Every event moves `revision` and `lastUpdatedAt` on, including types this version does not know
 * (written by a newer one), which change nothing else. Before the blog is opened only
 * LiveBlogOpened counts.
 */
export function evolve(state: LiveBlogState, event: LiveBlogHistoryEvent): LiveBlogState {
  return foldHistory([event], state);
}

/**
 * The same fold over many events. Only the state it returns is ever seen, so the fold builds that
 * one object (and its lists) in place instead of a new one per event: copying every list at every
 * event made a replay quadratic (10,000 events took a second, bench/replay.ts); this is linear.
 */
export function foldHistory(events: Iterable<LiveBlogHistoryEvent>, from: LiveBlogState = initialState): LiveBlogState {
  const owned: Owned = { arrays: new Set(), token: {} };
  let draft: Draft | null = null;
  for (const event of events) {
    draft ??= from.status === 'none' ? null : { ...from };
    if (draft) step(draft, event, owned);
    else if (event.type === 'LiveBlogOpened') draft = opened(event);
  }
  return draft ?? from;
}

function step(blog: Draft, event: LiveBlogHistoryEvent, owned: Owned): void {
  blog.revision = event.revision;
  // Readers' "last updated" moves with what they can see, not with the newsroom's work behind it.
  if (!isNewsroomEvent(event.type)) blog.lastUpdatedAt = event.at;
  apply(blog, event, owned);
}

function apply(blog: Draft, event: LiveBlogHistoryEvent, owned: Owned): void {
  switch (event.type) {
    case 'LiveBlogOpened':
      return; // a stream is opened once; decide never writes a second one
    case 'HeadlineChanged':
      blog.title = event.data.title;
      return;
    case 'SummaryRevised':
      blog.summary = event.data.summary;
      return;
    case 'UpdatePosted':
      blog.updates = blog.updates.appended(posted(event), owned.token);
      return originClosed(blog, event, owned);
    case 'UpdateCorrected':
      return corrected(blog, event, owned);
    case 'UpdateRetracted':
      return retracted(blog, event, owned);
    case 'UpdateRedacted':
      return redacted(blog, event, owned);
    case 'UpdatePinned':
      return pinned(blog, event.data.updateId, owned);
    case 'UpdateUnpinned':
      blog.pinned = blog.pinned.filter((updateId) => updateId !== event.data.updateId);
      return;
    case 'KeyEventMarked':
      return keyEventMarked(blog, event, owned);
    case 'KeyEventUnmarked':
      blog.keyEvents = blog.keyEvents.filter((mark) => mark.updateId !== event.data.updateId);
      return;
    case 'CasualtyFiguresRevised':
      return figuresRevised(blog, event, owned);
    case 'TimelineEntryAdded':
      return timelineEntryAdded(blog, event, owned);
    case 'LocationStatusUpdated':
      return locationStatusUpdated(blog, event, owned);
    case 'LiveBlogClosed':
      return closed(blog, event);
    case 'UpdateScheduled':
      blog.scheduled = newsroom.updateScheduled(blog, event, listEdits(owned));
      return;
    case 'ScheduledUpdateChanged':
      blog.scheduled = newsroom.scheduledUpdateChanged(blog, event, listEdits(owned));
      return;
    case 'ScheduledUpdateCancelled':
      blog.scheduled = newsroom.withoutScheduled(blog, event.data.updateId);
      return;
    case 'SubmissionReceived':
      blog.submissions = newsroom.submissionReceived(blog, event, listEdits(owned));
      return;
    case 'SubmissionRejected': {
      const decision = { reason: event.data.reason, ...newsroom.changeOf(event) };
      blog.submissions = newsroom.submissionDecided(
        blog,
        event.data.submissionId,
        decision,
        'rejected',
        listEdits(owned),
      );
      return;
    }
    default:
      return fromNewerVersion(event);
  }
}

function opened(event: EventOf<'LiveBlogOpened'>): Draft {
  const { title, summary, language, timeZone } = event.data;
  return {
    status: 'live',
    title,
    summary: summary ?? null,
    language: language ?? DEFAULT_LANGUAGE,
    timeZone: timeZone ?? DEFAULT_TIME_ZONE,
    openedAt: event.at,
    lastUpdatedAt: event.at,
    revision: event.revision,
    closedAt: null,
    closeReason: null,
    updates: UpdateList.empty(),
    pinned: [],
    keyEvents: [],
    casualtyHistory: [],
    timeline: [],
    locations: [],
    scheduled: [],
    submissions: [],
  };
}

/** A published scheduled update stops waiting; an approved submission is marked with the update it became. */
function originClosed(blog: Draft, event: EventOf<'UpdatePosted'>, owned: Owned): void {
  const { origin, updateId } = event.data;
  if (origin?.kind === 'scheduled') blog.scheduled = newsroom.withoutScheduled(blog, updateId);
  if (origin?.kind === 'submission') {
    const decision = { updateId, ...newsroom.changeOf(event) };
    blog.submissions = newsroom.submissionDecided(blog, origin.submissionId, decision, 'approved', listEdits(owned));
  }
}

function listEdits(owned: Owned): newsroom.ListEdits {
  return {
    appended: (list, item) => appended(list, item, owned),
    replaced: (list, index, item) => replaced(list, index, item, owned),
  };
}

/**
 * Every update is kept for the life of the blog, so what one holds is what a rebuild has to carry
 * (and the collector to copy): the change is written out rather than spread from a record of its
 * own, and the update starts with no corrections and no redactions, the same empty lists for all.
 */
function posted(event: EventOf<'UpdatePosted'>): UpdateRecord {
  const { updateId, kind, headline, body, byline, attribution, location, sources, occurredAt, media, origin } =
    event.data;
  return {
    updateId,
    kind,
    headline: headline ?? null,
    body,
    byline: byline ?? null,
    attribution: attribution ?? null,
    location: location ?? null,
    sources: sources ?? null,
    occurredAt: occurredAt ?? null,
    media: media ?? null,
    corrections: NONE,
    retraction: null,
    redactions: NONE,
    origin: origin ?? null,
    at: event.at,
    author: event.author,
    revision: event.revision,
  };
}

const NONE: readonly never[] = Object.freeze([]);

function corrected(blog: Draft, event: EventOf<'UpdateCorrected'>, owned: Owned): void {
  const { updateId, body, reason, headline } = event.data;
  withUpdate(blog, updateId, owned, (update) => ({
    ...update,
    body,
    headline: headline ?? update.headline,
    corrections: [
      ...update.corrections,
      headline === undefined
        ? { reason, previousBody: update.body, ...changeOf(event) }
        : { reason, previousBody: update.body, previousHeadline: update.headline, ...changeOf(event) },
    ],
  }));
}

/** A retracted update stays on record for the auditor; it just stops being pinned or a key event. */
function retracted(blog: Draft, event: EventOf<'UpdateRetracted'>, owned: Owned): void {
  const { updateId, reason } = event.data;
  withUpdate(blog, updateId, owned, (update) => ({ ...update, retraction: { reason, ...changeOf(event) } }));
  blog.pinned = blog.pinned.filter((pinnedId) => pinnedId !== updateId);
  if (blog.keyEvents.some((mark) => mark.updateId === updateId))
    blog.keyEvents = blog.keyEvents.filter((mark) => mark.updateId !== updateId);
}

/**
 * The text is gone from every version of the field (the body as posted and as each correction left
 * it): the stored events say the same once rewritten, so a rebuild from the store agrees.
 */
function redacted(blog: Draft, event: EventOf<'UpdateRedacted'>, owned: Owned): void {
  const { updateId, fields, reference, reason } = event.data;
  const placeholder = redactedText(reference);
  withUpdate(blog, updateId, owned, (update) => {
    let media = update.media;
    if (media && fields.includes('media.caption') && media.caption !== undefined)
      media = { ...media, caption: placeholder };
    if (media && fields.includes('media.credit') && media.credit !== undefined)
      media = { ...media, credit: placeholder };
    const text = (field: RedactableField, value: string | null) =>
      value !== null && fields.includes(field) ? placeholder : value;
    const body = fields.includes('body');
    return {
      ...update,
      body: body ? placeholder : update.body,
      byline: text('byline', update.byline),
      attribution: text('attribution', update.attribution),
      location: text('location', update.location),
      sources: text('sources', update.sources),
      media,
      corrections: body
        ? update.corrections.map((correction) => ({ ...correction, previousBody: placeholder }))
        : update.corrections,
      redactions: [...update.redactions, { fields, reference, reason, ...changeOf(event) }],
    };
  });
}

function pinned(blog: Draft, updateId: string, owned: Owned): void {
  if (!blog.pinned.includes(updateId)) blog.pinned = appended(blog.pinned, updateId, owned);
}

function keyEventMarked(blog: Draft, event: EventOf<'KeyEventMarked'>, owned: Owned): void {
  const { updateId } = event.data;
  if (blog.keyEvents.some((mark) => mark.updateId === updateId)) return;
  blog.keyEvents = appended(blog.keyEvents, { updateId, ...changeOf(event) }, owned);
}

/**
 * Each record holds the figures as they stand after its revision: a revision that gives only the
 * dead keeps the injured from the one before, so the current figures are simply the last record.
 * Source, scope and note belong to the revision that states them and are not carried over.
 */
function figuresRevised(blog: Draft, event: EventOf<'CasualtyFiguresRevised'>, owned: Owned): void {
  const { dead, injured, source, scope, note } = event.data;
  const previous = blog.casualtyHistory.at(-1);
  const figures = {
    dead: dead ?? previous?.dead ?? null,
    injured: injured ?? previous?.injured ?? null,
    source,
    scope: scope ?? null,
    note: note ?? null,
    ...changeOf(event),
  };
  blog.casualtyHistory = appended(blog.casualtyHistory, figures, owned);
}

function timelineEntryAdded(blog: Draft, event: EventOf<'TimelineEntryAdded'>, owned: Owned): void {
  const { entryId, period, text } = event.data;
  blog.timeline = appended(blog.timeline, { entryId, period, text, ...changeOf(event) }, owned);
}

/** One record per place: a new status replaces the place's record where it stands. */
function locationStatusUpdated(blog: Draft, event: EventOf<'LocationStatusUpdated'>, owned: Owned): void {
  const { place, status, coordinates } = event.data;
  const record = { place, status, coordinates: coordinates ?? null, ...changeOf(event) };
  const index = blog.locations.findIndex((location) => location.place === place);
  blog.locations =
    index === -1 ? appended(blog.locations, record, owned) : replaced(blog.locations, index, record, owned);
}

function closed(blog: Draft, event: EventOf<'LiveBlogClosed'>): void {
  blog.status = 'closed';
  blog.closedAt = event.at;
  blog.closeReason = event.data.reason ?? null;
}

function withUpdate(blog: Draft, updateId: string, owned: Owned, change: (update: UpdateRecord) => UpdateRecord): void {
  const index = blog.updates.indexOf(updateId);
  if (index !== -1) blog.updates = blog.updates.replaced(index, change(blog.updates.at(index)!), owned.token);
}

function appended<T>(list: readonly T[], item: T, owned: Owned): readonly T[] {
  const target = writable(list, owned);
  target.push(item);
  return target;
}

function replaced<T>(list: readonly T[], index: number, item: T, owned: Owned): readonly T[] {
  const target = writable(list, owned);
  target[index] = item;
  return target;
}

function writable<T>(list: readonly T[], owned: Owned): T[] {
  if (owned.arrays.has(list)) return list as T[];
  // slice, not a spread: a block copy, where the spread walks the iterator (twice as long at 10,000 items).
  const copy = list.slice();
  owned.arrays.add(copy);
  return copy;
}

/**
 * Spread it last in a record: V8 gives a literal that opens with a spread the three-field shape of
 * the object spread, and records built that way made every later read of them slow (a 10,000-event
 * replay, and the duplicate-id check on each post, ran four times slower).
 */
function changeOf(event: LiveBlogHistoryEvent): Change {
  return { at: event.at, author: event.author, revision: event.revision };
}

/** Exhaustive at compile time, tolerant at run time: an event type from a newer schema only moves the revision on. */
function fromNewerVersion(_event: never): void {}
