import type { OpenedBlog, ScheduledUpdate, Submission } from '../domain/index.js';

/** What editors and auditors see of an update waiting for its time: its fields, its time, who scheduled or changed it. */
function toScheduledItem({ updateId, publishAt, draft, scheduled, changed }: ScheduledUpdate) {
  return {
    updateId,
    publishAt,
    ...draft,
    scheduledBy: scheduled.author,
    scheduledAt: scheduled.at,
    changed: changed && { by: changed.author, at: changed.at, revision: changed.revision },
  };
}

/** Soonest first. */
export function scheduledList(liveBlogId: string, blog: OpenedBlog) {
  const items = [...blog.scheduled].sort((a, b) => Date.parse(a.publishAt) - Date.parse(b.publishAt));
  return { liveBlogId, revision: blog.revision, scheduled: items.map(toScheduledItem) };
}

function toSubmissionItem({ submissionId, draft, author, at, status, decision }: Submission) {
  return {
    submissionId,
    ...draft,
    contributor: author,
    submittedAt: at,
    status,
    decision: decision && {
      by: decision.author,
      at: decision.at,
      ...(decision.updateId === undefined ? {} : { updateId: decision.updateId }),
      ...(decision.reason === undefined ? {} : { reason: decision.reason }),
    },
  };
}

/** Oldest first: the queue in the order it was filed. */
export function submissionsList(liveBlogId: string, blog: OpenedBlog, status: Submission['status'] | 'all') {
  const chosen = blog.submissions.filter((submission) => status === 'all' || submission.status === status);
  return { liveBlogId, revision: blog.revision, submissions: chosen.map(toSubmissionItem) };
}
