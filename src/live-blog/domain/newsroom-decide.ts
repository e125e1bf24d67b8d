/** What the newsroom's workflow commands mean for a blog (DESIGN §3b). Pure, like decide. */
import type { NewsroomCommand } from './commands.js';
import { identifier, instant, optionalText } from './command-validation.js';
import { LiveBlogConflict, UpdateNotFound } from './errors.js';
import type { LiveBlogEvent } from './events.js';
import * as limit from './limits.js';
import type { OpenedBlog, ScheduledUpdate, Submission } from './state.js';
import { editedDraft, updateDraft } from './update-draft.js';
import { InvalidCommand, text } from '../../kernel/index.js';

type CommandOf<T extends NewsroomCommand['type']> = Extract<NewsroomCommand, { readonly type: T }>;

export function decideNewsroom(command: NewsroomCommand, blog: OpenedBlog): LiveBlogEvent[] {
  switch (command.type) {
    case 'ScheduleUpdate':
      return scheduleUpdate(command, blog);
    case 'ChangeScheduledUpdate':
      return changeScheduledUpdate(command, blog);
    case 'CancelScheduledUpdate':
      return cancelScheduledUpdate(command, blog);
    case 'PublishScheduledUpdate':
      return publishScheduledUpdate(command, blog);
    case 'SubmitUpdate':
      return submitUpdate(command, blog);
    case 'ApproveSubmission':
      return approveSubmission(command, blog);
    case 'RejectSubmission':
      return rejectSubmission(command, blog);
  }
}

/** An update id is taken by a posted update (even a retracted one) and by one waiting for its time. */
export function freshUpdateId(blog: OpenedBlog, value: unknown): string {
  const updateId = identifier(value, 'updateId', limit.MAX_UPDATE_ID_LENGTH);
  if (blog.updates.indexOf(updateId) !== -1 || blog.scheduled.some((item) => item.updateId === updateId))
    throw new LiveBlogConflict(`update ${updateId} already exists`, 'updateId');
  return updateId;
}

function scheduleUpdate(command: CommandOf<'ScheduleUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { type: _type, at: _at, now: _now, updateId: id, publishAt: time, ...fields } = command;
  const updateId = freshUpdateId(blog, id);
  const publishAt = futureInstant(time, command.now);
  return [{ type: 'UpdateScheduled', data: { updateId, publishAt, ...updateDraft(fields) } }];
}

function changeScheduledUpdate(command: CommandOf<'ChangeScheduledUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const item = waiting(blog, command.updateId);
  if (Date.parse(item.publishAt) <= Date.parse(command.now))
    throw new LiveBlogConflict(
      `update ${item.updateId} is due (${item.publishAt}): it can no longer change`,
      'updateId',
    );
  const { publishAt: time, ...edits } = command.changes ?? {};
  const publishAt = time == null ? item.publishAt : futureInstant(time, command.now);
  const draft = editedDraft(item.draft, edits);
  if (publishAt === item.publishAt && sameDraft(draft, item.draft))
    throw new InvalidCommand('the change leaves the scheduled update as it was', 'changes');
  return [{ type: 'ScheduledUpdateChanged', data: { updateId: item.updateId, publishAt, ...draft } }];
}

function cancelScheduledUpdate(command: CommandOf<'CancelScheduledUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { updateId } = waiting(blog, command.updateId);
  const reason = optionalText(command.reason, 'reason', limit.MAX_REASON_LENGTH);
  return [{ type: 'ScheduledUpdateCancelled', data: reason === undefined ? { updateId } : { updateId, reason } }];
}

/** Once only: a scheduled update already published (or cancelled) is no longer waiting, and nothing happens. */
function publishScheduledUpdate(command: CommandOf<'PublishScheduledUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const item = blog.scheduled.find((scheduled) => scheduled.updateId === command.updateId);
  if (!item) return [];
  if (Date.parse(item.publishAt) > Date.parse(command.now))
    throw new LiveBlogConflict(`update ${item.updateId} is not due until ${item.publishAt}`, 'updateId');
  const origin = { kind: 'scheduled', scheduledBy: item.scheduled.author, publishAt: item.publishAt } as const;
  return [{ type: 'UpdatePosted', data: { updateId: item.updateId, ...item.draft, origin } }];
}

/** Closing a story cancels what was still waiting for its time: a closed story takes no updates. */
export function cancelledOnClosing(blog: OpenedBlog): LiveBlogEvent[] {
  const reason = 'the live blog closed';
  return blog.scheduled.map(({ updateId }) => ({ type: 'ScheduledUpdateCancelled', data: { updateId, reason } }));
}

function submitUpdate(command: CommandOf<'SubmitUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { type: _type, at: _at, now: _now, submissionId: id, ...fields } = command;
  const submissionId = identifier(id, 'submissionId', limit.MAX_SUBMISSION_ID_LENGTH);
  if (blog.submissions.some((submission) => submission.submissionId === submissionId))
    throw new LiveBlogConflict(`submission ${submissionId} already exists`, 'submissionId');
  return [{ type: 'SubmissionReceived', data: { submissionId, ...updateDraft(fields) } }];
}

/** The editor publishes the contributor's copy, edited or not, as an update that names them both. */
function approveSubmission(command: CommandOf<'ApproveSubmission'>, blog: OpenedBlog): LiveBlogEvent[] {
  const submission = pending(blog, command.submissionId);
  const updateId = freshUpdateId(blog, command.updateId);
  const draft = editedDraft(submission.draft, command.edits);
  const origin = { kind: 'submission', submissionId: submission.submissionId, contributor: submission.author } as const;
  return [{ type: 'UpdatePosted', data: { updateId, ...draft, origin } }];
}

function rejectSubmission(command: CommandOf<'RejectSubmission'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { submissionId } = pending(blog, command.submissionId);
  const reason = text(command.reason, 'reason', limit.MAX_REASON_LENGTH);
  return [{ type: 'SubmissionRejected', data: { submissionId, reason } }];
}

/** After `now`, and no further ahead than the limit. */
function futureInstant(value: unknown, now: string): string {
  const publishAt = instant(value, 'publishAt');
  const ahead = publishAt - Date.parse(now);
  if (ahead <= 0) throw new InvalidCommand(`publishAt must lie in the future (now is ${now})`, 'publishAt');
  if (ahead > limit.MAX_SCHEDULE_AHEAD_MS)
    throw new InvalidCommand(
      `publishAt may lie at most ${limit.MAX_SCHEDULE_AHEAD_MS / 86_400_000} days ahead`,
      'publishAt',
    );
  return new Date(publishAt).toISOString();
}

function waiting(blog: OpenedBlog, updateId: string): ScheduledUpdate {
  const item = blog.scheduled.find((scheduled) => scheduled.updateId === updateId);
  if (item) return item;
  const posted = blog.updates.byId(updateId);
  if (posted?.origin?.kind === 'scheduled')
    throw new LiveBlogConflict(`update ${updateId} was published at its time`, 'updateId');
  throw new UpdateNotFound(`no update ${String(updateId)} is scheduled`, 'updateId');
}

function pending(blog: OpenedBlog, submissionId: string): Submission {
  const submission = blog.submissions.find((candidate) => candidate.submissionId === submissionId);
  if (!submission) throw new UpdateNotFound(`submission ${String(submissionId)} does not exist`, 'submissionId');
  if (submission.status !== 'pending')
    throw new LiveBlogConflict(`submission ${submissionId} was already ${submission.status}`, 'submissionId');
  return submission;
}

function sameDraft(a: object, b: object): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}
