import {
  evolve,
  type CasualtyFigures,
  type Coordinates,
  type Figure,
  type LiveBlogHistoryEvent,
  type LiveBlogState,
  type OpenedBlog,
  type UpdateDraft,
  type UpdatePosted,
} from '../live-blog/index.js';
import type { Author } from '../kernel/index.js';

interface FiguresStatement {
  readonly dead: Figure | null;
  readonly injured: Figure | null;
  readonly source: string;
  readonly scope: string | null;
  readonly note: string | null;
}

export interface PlaceStatus {
  readonly status: string;
  readonly coordinates: Coordinates | null;
}

/** What one event changed, with the value it replaced where it replaced one. */
export type ChangeDetail =
  | { readonly kind: 'opened'; readonly title: string; readonly summary: string | null }
  | { readonly kind: 'headline'; readonly before: string; readonly after: string }
  | { readonly kind: 'summary'; readonly before: string | null; readonly after: string }
  | { readonly kind: 'update-added'; readonly updateId: string; readonly update: Omit<UpdatePosted, 'updateId'> }
  | {
      readonly kind: 'update-corrected';
      readonly updateId: string;
      readonly before: string;
      readonly after: string;
      readonly reason: string;
      /** Present when the correction gave the update a new headline. */
      readonly headline?: { readonly before: string | null; readonly after: string };
    }
  | { readonly kind: 'update-retracted'; readonly updateId: string; readonly body: string; readonly reason: string }
  | {
      readonly kind: 'update-redacted';
      readonly updateId: string;
      readonly fields: readonly string[];
      readonly reference: string;
      readonly reason: string;
    }
  | { readonly kind: 'pinned' | 'unpinned'; readonly updateId: string }
  | { readonly kind: 'key-event-marked' | 'key-event-unmarked'; readonly updateId: string }
  | { readonly kind: 'figures'; readonly before: FiguresStatement | null; readonly after: FiguresStatement }
  | { readonly kind: 'timeline-entry'; readonly entryId: string; readonly period: string; readonly text: string }
  | {
      readonly kind: 'location';
      readonly place: string;
      readonly before: PlaceStatus | null;
      readonly after: PlaceStatus;
    }
  | { readonly kind: 'closed'; readonly reason: string | null }
  | {
      readonly kind: 'update-scheduled';
      readonly updateId: string;
      readonly publishAt: string;
      readonly update: UpdateDraft;
    }
  | {
      readonly kind: 'scheduled-update-changed';
      readonly updateId: string;
      readonly before: ScheduledVersion | null;
      readonly after: ScheduledVersion;
    }
  | { readonly kind: 'scheduled-update-cancelled'; readonly updateId: string; readonly reason: string | null }
  | { readonly kind: 'submission-received'; readonly submissionId: string; readonly update: UpdateDraft }
  | { readonly kind: 'submission-rejected'; readonly submissionId: string; readonly reason: string }
  /** A type this version does not know (written by a newer one): listed so that no event goes unaccounted. */
  | { readonly kind: 'unrecognised'; readonly type: string };

/** A scheduled update as it stood: its time and its fields. */
interface ScheduledVersion {
  readonly publishAt: string;
  readonly update: UpdateDraft;
}

export type LiveBlogChange = ChangeDetail & { readonly revision: number; readonly at: string; readonly author: Author };

export interface RevisionPoint {
  readonly revision: number;
  readonly at: string;
}

export interface BlogDiff {
  readonly from: RevisionPoint;
  readonly to: RevisionPoint;
  /** One entry per event after `from` up to and including `to`, in order. */
  readonly changes: LiveBlogChange[];
}

/**
 * What changed from `before` over `events`: one entry per event, each with who made it and when,
 * and the old value read from the state just before it. The states come from `evolve`, the same fold
 * as every view, so the diff cannot disagree with the pages it compares.
 */
export function diff(before: OpenedBlog, events: readonly LiveBlogHistoryEvent[]): BlogDiff {
  let state: LiveBlogState = before;
  const changes: LiveBlogChange[] = [];
  for (const event of events) {
    const next = evolve(state, event);
    // Added rather than spread into a new literal, which V8 builds slowly (see auditor-view.ts).
    changes.push(
      Object.assign(describe(state, event, next), { revision: event.revision, at: event.at, author: event.author }),
    );
    state = next;
  }
  return { from: pointOf(before), to: state.status === 'none' ? pointOf(before) : pointOf(state), changes };
}

function describe(state: LiveBlogState, event: LiveBlogHistoryEvent, next: LiveBlogState): ChangeDetail {
  if (next.status === 'none') return unrecognised(event); // before the opening nothing counts (see evolve)
  if (state.status === 'none' || event.type === 'LiveBlogOpened')
    return { kind: 'opened', title: next.title, summary: next.summary };
  switch (event.type) {
    case 'HeadlineChanged':
      return { kind: 'headline', before: state.title, after: event.data.title };
    case 'SummaryRevised':
      return { kind: 'summary', before: state.summary, after: event.data.summary };
    case 'UpdatePosted': {
      const { updateId, ...update } = event.data;
      return { kind: 'update-added', updateId, update };
    }
    case 'UpdateCorrected':
      return correction(state, event.data);
    case 'UpdateRetracted': {
      const { updateId, reason } = event.data;
      return { kind: 'update-retracted', updateId, body: bodyOf(state, updateId), reason };
    }
    case 'UpdateRedacted':
      return { kind: 'update-redacted', ...event.data };
    case 'UpdatePinned':
      return { kind: 'pinned', updateId: event.data.updateId };
    case 'UpdateUnpinned':
      return { kind: 'unpinned', updateId: event.data.updateId };
    case 'KeyEventMarked':
      return { kind: 'key-event-marked', updateId: event.data.updateId };
    case 'KeyEventUnmarked':
      return { kind: 'key-event-unmarked', updateId: event.data.updateId };
    case 'CasualtyFiguresRevised':
      return {
        kind: 'figures',
        before: statementOf(state.casualtyHistory.at(-1)),
        after: statementOf(next.casualtyHistory.at(-1))!,
      };
    case 'TimelineEntryAdded':
      return { kind: 'timeline-entry', ...event.data };
    case 'LocationStatusUpdated':
      return locationChange(state, event.data);
    case 'LiveBlogClosed':
      return { kind: 'closed', reason: event.data.reason ?? null };
    case 'UpdateScheduled': {
      const { updateId, publishAt, ...update } = event.data;
      return { kind: 'update-scheduled', updateId, publishAt, update };
    }
    case 'ScheduledUpdateChanged': {
      const { updateId, publishAt, ...update } = event.data;
      const previous = state.scheduled.find((item) => item.updateId === updateId);
      const before = previous ? { publishAt: previous.publishAt, update: previous.draft } : null;
      return { kind: 'scheduled-update-changed', updateId, before, after: { publishAt, update } };
    }
    case 'ScheduledUpdateCancelled':
      return { kind: 'scheduled-update-cancelled', updateId: event.data.updateId, reason: event.data.reason ?? null };
    case 'SubmissionReceived': {
      const { submissionId, ...update } = event.data;
      return { kind: 'submission-received', submissionId, update };
    }
    case 'SubmissionRejected':
      return { kind: 'submission-rejected', ...event.data };
    default:
      return unrecognised(event);
  }
}

function correction(
  state: OpenedBlog,
  data: { updateId: string; body: string; reason: string; headline?: string },
): ChangeDetail {
  const { updateId, body, reason, headline } = data;
  const change = { kind: 'update-corrected', updateId, before: bodyOf(state, updateId), after: body, reason } as const;
  if (headline === undefined) return change;
  return { ...change, headline: { before: state.updates.byId(updateId)?.headline ?? null, after: headline } };
}

function locationChange(
  state: OpenedBlog,
  data: { place: string; status: string; coordinates?: Coordinates },
): ChangeDetail {
  const previous = state.locations.find((location) => location.place === data.place);
  return {
    kind: 'location',
    place: data.place,
    before: previous ? { status: previous.status, coordinates: previous.coordinates } : null,
    after: { status: data.status, coordinates: data.coordinates ?? null },
  };
}

/** The figures as they stood after a revision: merged counts (see evolve), with that revision's source. */
function statementOf(figures: CasualtyFigures | undefined): FiguresStatement | null {
  if (!figures) return null;
  const { dead, injured, source, scope, note } = figures;
  return { dead, injured, source, scope, note };
}

function bodyOf(state: OpenedBlog, updateId: string): string {
  return state.updates.byId(updateId)?.body ?? '';
}

function unrecognised(event: { readonly type: string }): ChangeDetail {
  return { kind: 'unrecognised', type: event.type };
}

function pointOf(blog: OpenedBlog): RevisionPoint {
  return { revision: blog.revision, at: blog.lastUpdatedAt };
}
