/** The newsroom's part of the one fold (DESIGN §3b): what waits for its time, and the submissions. */
import type { LiveBlogHistoryEvent } from './events.js';
import type { UpdateScheduled } from './newsroom-events.js';
import type { Change, OpenedBlog, ScheduledUpdate, Submission } from './state.js';

type EventOf<T extends LiveBlogHistoryEvent['type']> = Extract<LiveBlogHistoryEvent, { readonly type: T }>;
type Lists = Pick<OpenedBlog, 'scheduled' | 'submissions'>;
/** The fold's own list operations (evolve.ts): they copy a list once per fold, then change it in place. */
export interface ListEdits {
  appended<T>(list: readonly T[], item: T): readonly T[];
  replaced<T>(list: readonly T[], index: number, item: T): readonly T[];
}

export function updateScheduled(blog: Lists, event: EventOf<'UpdateScheduled'>, edits: ListEdits): Lists['scheduled'] {
  const { updateId, publishAt, draft } = split(event.data);
  return edits.appended(blog.scheduled, { updateId, publishAt, draft, scheduled: changeOf(event), changed: null });
}

export function scheduledUpdateChanged(
  blog: Lists,
  event: EventOf<'ScheduledUpdateChanged'>,
  edits: ListEdits,
): Lists['scheduled'] {
  const index = blog.scheduled.findIndex((item) => item.updateId === event.data.updateId);
  if (index === -1) return blog.scheduled;
  const { publishAt, draft } = split(event.data);
  const item: ScheduledUpdate = { ...blog.scheduled[index]!, publishAt, draft, changed: changeOf(event) };
  return edits.replaced(blog.scheduled, index, item);
}

/** Cancelled, or published (an UpdatePosted with a scheduled origin): it no longer waits. */
export function withoutScheduled(blog: Lists, updateId: string): Lists['scheduled'] {
  return blog.scheduled.some((item) => item.updateId === updateId)
    ? blog.scheduled.filter((item) => item.updateId !== updateId)
    : blog.scheduled;
}

export function submissionReceived(
  blog: Lists,
  event: EventOf<'SubmissionReceived'>,
  edits: ListEdits,
): Lists['submissions'] {
  const { submissionId, ...draft } = event.data;
  const submission: Submission = { submissionId, draft, status: 'pending', decision: null, ...changeOf(event) };
  return edits.appended(blog.submissions, submission);
}

export function submissionDecided(
  blog: Lists,
  submissionId: string,
  decision: Submission['decision'] & object,
  status: 'approved' | 'rejected',
  edits: ListEdits,
): Lists['submissions'] {
  const index = blog.submissions.findIndex((submission) => submission.submissionId === submissionId);
  if (index === -1) return blog.submissions;
  return edits.replaced(blog.submissions, index, { ...blog.submissions[index]!, status, decision });
}

function split(data: UpdateScheduled) {
  const { updateId, publishAt, ...draft } = data;
  return { updateId, publishAt, draft };
}

export function changeOf(event: LiveBlogHistoryEvent): Change {
  return { at: event.at, author: event.author, revision: event.revision };
}
