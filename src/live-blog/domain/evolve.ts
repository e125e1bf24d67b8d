import type { LiveBlogHistoryEvent } from './events.js';
import { DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE } from './limits.js';
import { initialState, type Change, type LiveBlogState, type OpenedBlog, type UpdateRecord } from './state.js';

type EventOf<T extends LiveBlogHistoryEvent['type']> = Extract<LiveBlogHistoryEvent, { readonly type: T }>;

/**
 * The one fold: the blog after one more event. Pure and immutable: it returns new objects and
 * leaves `state` as it was, so a cached state can be shared and a fold resumed from any point.
 * Every event moves `revision` and `lastUpdatedAt` on, including types this version does not know
 * (written by a newer one), which change nothing else. Before the blog is opened only
 * LiveBlogOpened counts.
 */
export function evolve(state: LiveBlogState, event: LiveBlogHistoryEvent): LiveBlogState {
  if (state.status === 'none') return event.type === 'LiveBlogOpened' ? opened(event) : state;
  return apply({ ...state, revision: event.revision, lastUpdatedAt: event.at }, event);
}

export function foldHistory(events: Iterable<LiveBlogHistoryEvent>, from: LiveBlogState = initialState): LiveBlogState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}

function apply(blog: OpenedBlog, event: LiveBlogHistoryEvent): OpenedBlog {
  switch (event.type) {
    case 'LiveBlogOpened': return blog; // a stream is opened once; decide never writes a second one
    case 'HeadlineChanged': return { ...blog, title: event.data.title };
    case 'SummaryRevised': return { ...blog, summary: event.data.summary };
    case 'UpdatePosted': return { ...blog, updates: [...blog.updates, posted(event)] };
    case 'UpdateCorrected': return corrected(blog, event);
    case 'UpdateRetracted': return retracted(blog, event);
    case 'UpdatePinned': return blog.pinned.includes(event.data.updateId) ? blog : { ...blog, pinned: [...blog.pinned, event.data.updateId] };
    case 'UpdateUnpinned': return { ...blog, pinned: blog.pinned.filter((updateId) => updateId !== event.data.updateId) };
    case 'CasualtyFiguresRevised': return figuresRevised(blog, event);
    case 'TimelineEntryAdded': return timelineEntryAdded(blog, event);
    case 'LocationStatusUpdated': return locationStatusUpdated(blog, event);
    case 'LiveBlogClosed': return { ...blog, status: 'closed', closedAt: event.at, closeReason: event.data.reason ?? null };
    default: return fromNewerVersion(blog, event);
  }
}

function opened(event: EventOf<'LiveBlogOpened'>): OpenedBlog {
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
    updates: [],
    pinned: [],
    casualtyHistory: [],
    timeline: [],
    locations: [],
  };
}

function posted(event: EventOf<'UpdatePosted'>): UpdateRecord {
  const { updateId, kind, body, byline, attribution, location, sources, occurredAt, media } = event.data;
  return {
    ...changeOf(event),
    updateId,
    kind,
    body,
    byline: byline ?? null,
    attribution: attribution ?? null,
    location: location ?? null,
    sources: sources ?? null,
    occurredAt: occurredAt ?? null,
    media: media ?? null,
    corrections: [],
    retraction: null,
  };
}

function corrected(blog: OpenedBlog, event: EventOf<'UpdateCorrected'>): OpenedBlog {
  const { updateId, body, reason } = event.data;
  return withUpdate(blog, updateId, (update) => ({
    ...update,
    body,
    corrections: [...update.corrections, { ...changeOf(event), reason, previousBody: update.body }],
  }));
}

/** A retracted update stays on record for the auditor; it just stops being pinned. */
function retracted(blog: OpenedBlog, event: EventOf<'UpdateRetracted'>): OpenedBlog {
  const { updateId, reason } = event.data;
  const withRetraction = withUpdate(blog, updateId, (update) => ({ ...update, retraction: { ...changeOf(event), reason } }));
  return { ...withRetraction, pinned: blog.pinned.filter((pinnedId) => pinnedId !== updateId) };
}

/**
 * Each record holds the figures as they stand after its revision: a revision that gives only the
 * dead keeps the injured from the one before, so the current figures are simply the last record.
 * Source, scope and note belong to the revision that states them and are not carried over.
 */
function figuresRevised(blog: OpenedBlog, event: EventOf<'CasualtyFiguresRevised'>): OpenedBlog {
  const { dead, injured, source, scope, note } = event.data;
  const previous = blog.casualtyHistory.at(-1);
  const figures = {
    ...changeOf(event),
    dead: dead ?? previous?.dead ?? null,
    injured: injured ?? previous?.injured ?? null,
    source,
    scope: scope ?? null,
    note: note ?? null,
  };
  return { ...blog, casualtyHistory: [...blog.casualtyHistory, figures] };
}

function timelineEntryAdded(blog: OpenedBlog, event: EventOf<'TimelineEntryAdded'>): OpenedBlog {
  const { entryId, period, text } = event.data;
  return { ...blog, timeline: [...blog.timeline, { ...changeOf(event), entryId, period, text }] };
}

/** One record per place: a new status replaces the place's record where it stands. */
function locationStatusUpdated(blog: OpenedBlog, event: EventOf<'LocationStatusUpdated'>): OpenedBlog {
  const { place, status, coordinates } = event.data;
  const record = { ...changeOf(event), place, status, coordinates: coordinates ?? null };
  const index = blog.locations.findIndex((location) => location.place === place);
  const locations = index === -1 ? [...blog.locations, record] : blog.locations.with(index, record);
  return { ...blog, locations };
}

function withUpdate(blog: OpenedBlog, updateId: string, change: (update: UpdateRecord) => UpdateRecord): OpenedBlog {
  const index = blog.updates.findIndex((update) => update.updateId === updateId);
  return index === -1 ? blog : { ...blog, updates: blog.updates.with(index, change(blog.updates[index]!)) };
}

function changeOf(event: LiveBlogHistoryEvent): Change {
  return { at: event.at, author: event.author, revision: event.revision };
}

/** Exhaustive at compile time, tolerant at run time: an event type from a newer schema only moves the revision on. */
function fromNewerVersion(blog: OpenedBlog, _event: never): OpenedBlog {
  return blog;
}
