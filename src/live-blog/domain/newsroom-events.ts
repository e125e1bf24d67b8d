/**
 * Events of the newsroom's workflow that sit in a story's stream yet are no reader's business until
 * they become an update: a scheduled update before its time, a contributor's submission before an
 * editor approves it (DESIGN §3b). Pure data.
 */
import type { Author } from '../../kernel/index.js';
import type { UpdatePosted } from './events.js';

/** An update's fields before it is posted (what an editor schedules, what a contributor submits). */
export type UpdateDraft = Omit<UpdatePosted, 'updateId' | 'origin'>;

/** Where a posted update came from, when it did not come straight from its author. */
export type UpdateOrigin =
  /** Published by the server at its time; `scheduledBy` is the editor who scheduled it. */
  | { readonly kind: 'scheduled'; readonly scheduledBy: Author; readonly publishAt: string }
  /** A contributor's submission, approved by the update's author (an editor). */
  | { readonly kind: 'submission'; readonly submissionId: string; readonly contributor: Author };

export type UpdateScheduled = UpdateDraft & { readonly updateId: string; readonly publishAt: string };

export type NewsroomEvent =
  | { readonly type: 'UpdateScheduled'; readonly data: UpdateScheduled }
  /** The whole scheduled update as it now stands (time and fields). */
  | { readonly type: 'ScheduledUpdateChanged'; readonly data: UpdateScheduled }
  | {
      readonly type: 'ScheduledUpdateCancelled';
      readonly data: { readonly updateId: string; readonly reason?: string };
    }
  | { readonly type: 'SubmissionReceived'; readonly data: UpdateDraft & { readonly submissionId: string } }
  | { readonly type: 'SubmissionRejected'; readonly data: { readonly submissionId: string; readonly reason: string } };

export type NewsroomEventType = NewsroomEvent['type'];

export const NEWSROOM_EVENT_TYPES: readonly NewsroomEventType[] = [
  'UpdateScheduled',
  'ScheduledUpdateChanged',
  'ScheduledUpdateCancelled',
  'SubmissionReceived',
  'SubmissionRejected',
];

const NEWSROOM: ReadonlySet<string> = new Set(NEWSROOM_EVENT_TYPES);

/**
 * An event only the newsroom and the auditors see: no public route, socket, feed or webhook carries
 * it, and it does not move the story's "last updated" (its revision moves, as with every event).
 */
export function isNewsroomEvent(type: string): boolean {
  return NEWSROOM.has(type);
}
