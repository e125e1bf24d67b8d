import type { Coordinates, Figure, Media, UpdateKind } from './events.js';
import type { UpdateDraft, UpdateOrigin } from './newsroom-events.js';
import type { RedactableField } from './redaction.js';
import type { UpdateList } from './update-list.js';
import type { Author } from '../../kernel/index.js';

/** Who changed something, when the story dates it, and at which revision. */
export interface Change {
  readonly at: string;
  readonly author: Author;
  readonly revision: number;
}

export interface Correction extends Change {
  readonly reason: string;
  /** The body the correction replaced. */
  readonly previousBody: string;
  /** The headline it replaced, when it gave a new one (undefined when it left the headline alone). */
  readonly previousHeadline?: string | null;
}

export interface Retraction extends Change {
  readonly reason: string;
}

/** A lawful redaction: the fields whose text it removed from the update and its history. */
export interface Redaction extends Change {
  readonly fields: readonly RedactableField[];
  readonly reference: string;
  readonly reason: string;
}

/** Every update ever posted, retracted ones included: the public view leaves those out, the auditor's marks them. */
export interface UpdateRecord extends Change {
  readonly updateId: string;
  readonly kind: UpdateKind;
  /** The update's own headline as it stands (a correction may change it), or null. */
  readonly headline: string | null;
  /** The current body: the last correction's, or the one posted. */
  readonly body: string;
  readonly byline: string | null;
  readonly attribution: string | null;
  readonly location: string | null;
  readonly sources: string | null;
  readonly occurredAt: string | null;
  readonly media: Media | null;
  readonly corrections: readonly Correction[];
  readonly retraction: Retraction | null;
  readonly redactions: readonly Redaction[];
  /** Scheduled by an editor, or a contributor's approved submission; null when its author posted it. */
  readonly origin: UpdateOrigin | null;
}

/** An update waiting for its time: its fields, when it was scheduled and by whom, and its last change. */
export interface ScheduledUpdate {
  readonly updateId: string;
  readonly publishAt: string;
  readonly draft: UpdateDraft;
  readonly scheduled: Change;
  readonly changed: Change | null;
}

/** A contributor's copy: pending until an editor approves it (as an update) or rejects it. */
export interface Submission extends Change {
  readonly submissionId: string;
  readonly draft: UpdateDraft;
  readonly status: 'pending' | 'approved' | 'rejected';
  /** The approval (with the update it became) or the rejection (with why); null while pending. */
  readonly decision: (Change & { readonly updateId?: string; readonly reason?: string }) | null;
}

/** An update marked as a key event of the story: who marked it, when and at which revision. */
export interface KeyEventMark extends Change {
  readonly updateId: string;
}

export interface CasualtyFigures extends Change {
  readonly dead: Figure | null;
  readonly injured: Figure | null;
  readonly source: string;
  readonly scope: string | null;
  readonly note: string | null;
}

export interface TimelineEntry extends Change {
  readonly entryId: string;
  readonly period: string;
  readonly text: string;
}

export interface LocationStatus extends Change {
  readonly place: string;
  readonly status: string;
  readonly coordinates: Coordinates | null;
}

export interface OpenedBlog {
  readonly status: 'live' | 'closed';
  readonly title: string;
  readonly summary: string | null;
  readonly language: string;
  readonly timeZone: string;
  readonly openedAt: string;
  /** The latest event's `at`. */
  readonly lastUpdatedAt: string;
  /** The revision of the last event folded. */
  readonly revision: number;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  /** In the order they were posted (oldest first); `byId` finds one without a search. */
  readonly updates: UpdateList;
  readonly pinned: readonly string[];
  /** Updates marked as key events, in the order they were marked; a retraction or an unmarking takes one off. */
  readonly keyEvents: readonly KeyEventMark[];
  /** Every revision of the figures, oldest first; the last is the current one. */
  readonly casualtyHistory: readonly CasualtyFigures[];
  /** In story order. */
  readonly timeline: readonly TimelineEntry[];
  /** One entry per place, in the order places first appeared; the latest status wins. */
  readonly locations: readonly LocationStatus[];
  /** Updates waiting for their time, in the order they were scheduled (published and cancelled ones leave). */
  readonly scheduled: readonly ScheduledUpdate[];
  /** Every submission, in the order received. */
  readonly submissions: readonly Submission[];
}

/** A blog that was never opened cannot be written to; a closed one keeps its content. */
export type LiveBlogState = { readonly status: 'none'; readonly revision: -1 } | OpenedBlog;

export const initialState: LiveBlogState = { status: 'none', revision: -1 };
