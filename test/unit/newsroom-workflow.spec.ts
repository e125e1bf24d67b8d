import {
  decide,
  evolve,
  foldHistory,
  LiveBlogConflict,
  type LiveBlogCommand,
  type LiveBlogEvent,
  type OpenedBlog,
  UpdateNotFound,
} from '../../src/live-blog/domain/index.js';
import { InvalidCommand } from '../../src/kernel/index.js';
import { BODY, COMMAND_TIME, close, opened, posted, postUpdate } from '../support/factories.js';
import { EDITOR, given, history } from '../support/given.js';

/** Scheduled updates and contributors' submissions (DESIGN §3b), decided and folded. */

const NOW = COMMAND_TIME; // 18:00
const LATER = '2010-04-08T18:15:00.000Z';
const draft = { kind: 'statement', body: BODY } as const;

const scheduled = (data: object = {}): LiveBlogEvent =>
  ({ type: 'UpdateScheduled', data: { updateId: 's1', publishAt: LATER, ...draft, ...data } }) as LiveBlogEvent;
const submitted = (data: object = {}): LiveBlogEvent =>
  ({ type: 'SubmissionReceived', data: { submissionId: 'c1', ...draft, ...data } }) as LiveBlogEvent;
const timed = (command: object, now = NOW) => ({ at: now, now, ...command }) as LiveBlogCommand;

describe('scheduled updates: decide', () => {
  it('schedules an update for a later instant, spelt as a UTC instant', () => {
    given(opened())
      .when(timed({ type: 'ScheduleUpdate', updateId: 's1', publishAt: '2010-04-08T19:15:00+01:00', ...draft }))
      .then(scheduled());
  });

  it('refuses a time that has passed or lies more than 30 days ahead, and an id already taken', () => {
    const schedule = (publishAt: string, updateId = 's1') =>
      timed({ type: 'ScheduleUpdate', updateId, publishAt, ...draft });
    given(opened()).when(schedule('2010-04-08T17:59:59Z')).thenRejects(InvalidCommand, 'publishAt');
    given(opened()).when(schedule(NOW)).thenRejects(InvalidCommand, 'publishAt');
    given(opened()).when(schedule('2010-05-09T18:00:00Z')).thenRejects(InvalidCommand, 'publishAt');
    given(opened()).when(schedule('noon')).thenRejects(InvalidCommand, 'publishAt');
    given(opened(), posted({ updateId: 'u1' }))
      .when(schedule(LATER, 'u1'))
      .thenRejects(LiveBlogConflict, 'updateId');
    given(opened(), scheduled())
      .when(postUpdate({ updateId: 's1' }))
      .thenRejects(LiveBlogConflict, 'updateId');
  });

  it('publishes once at its time, as an update naming the editor who scheduled it', () => {
    const publish = timed({ type: 'PublishScheduledUpdate', updateId: 's1' }, LATER);
    given(opened(), scheduled())
      .when(publish)
      .then({
        type: 'UpdatePosted',
        data: { updateId: 's1', ...draft, origin: { kind: 'scheduled', scheduledBy: EDITOR, publishAt: LATER } },
      });
    const published = decideOn([opened(), scheduled()], publish);
    given(opened(), scheduled(), ...published)
      .when(publish)
      .thenNothing();
    given(opened(), scheduled(), { type: 'ScheduledUpdateCancelled', data: { updateId: 's1' } })
      .when(publish)
      .thenNothing();
    given(opened(), scheduled())
      .when(timed({ type: 'PublishScheduledUpdate', updateId: 's1' }))
      .thenRejects(LiveBlogConflict, 'updateId');
  });

  it('changes a waiting update before its time, keeping the fields not named, and refuses once it is due', () => {
    given(opened(), scheduled({ headline: 'Statement' }))
      .when(timed({ type: 'ChangeScheduledUpdate', updateId: 's1', changes: { body: 'New text.', headline: null } }))
      .then({
        type: 'ScheduledUpdateChanged',
        data: { updateId: 's1', publishAt: LATER, kind: 'statement', body: 'New text.' },
      });
    given(opened(), scheduled())
      .when(timed({ type: 'ChangeScheduledUpdate', updateId: 's1', changes: { body: 'Late.' } }, LATER))
      .thenRejects(LiveBlogConflict, 'updateId');
    given(opened(), scheduled())
      .when(timed({ type: 'ChangeScheduledUpdate', updateId: 's1', changes: { body: BODY } }))
      .thenRejects(InvalidCommand, 'changes');
  });

  it('cancels a waiting update; one not waiting is not found; closing the story cancels what waits', () => {
    given(opened(), scheduled())
      .when(timed({ type: 'CancelScheduledUpdate', updateId: 's1', reason: 'embargo held' }))
      .then({ type: 'ScheduledUpdateCancelled', data: { updateId: 's1', reason: 'embargo held' } });
    given(opened())
      .when(timed({ type: 'CancelScheduledUpdate', updateId: 's1' }))
      .thenRejects(UpdateNotFound, 'updateId');
    given(opened(), scheduled())
      .when(close())
      .then(
        { type: 'ScheduledUpdateCancelled', data: { updateId: 's1', reason: 'the live blog closed' } },
        { type: 'LiveBlogClosed', data: {} },
      );
  });
});

describe('scheduled updates: evolve', () => {
  it('keeps a waiting update out of the updates and the last-updated time, and drops it once published', () => {
    const waiting = foldHistory(history(opened(), scheduled())) as OpenedBlog;
    expect(waiting.updates.length).toBe(0);
    expect(waiting.lastUpdatedAt).toBe(waiting.openedAt);
    expect(waiting.revision).toBe(1);
    expect(waiting.scheduled).toEqual([
      expect.objectContaining({ updateId: 's1', publishAt: LATER, draft, changed: null }),
    ]);
    const [publication] = decideOn(
      [opened(), scheduled()],
      timed({ type: 'PublishScheduledUpdate', updateId: 's1' }, LATER),
    );
    const published = evolve(waiting, { ...publication!, revision: 2, at: LATER, author: EDITOR }) as OpenedBlog;
    expect(published.scheduled).toEqual([]);
    expect(published.updates.byId('s1')?.origin).toEqual({ kind: 'scheduled', scheduledBy: EDITOR, publishAt: LATER });
  });
});

describe('submissions', () => {
  it('takes a submission, then publishes it with the editor’s edits as an update naming the contributor', () => {
    given(opened())
      .when(timed({ type: 'SubmitUpdate', submissionId: 'c1', ...draft }))
      .then(submitted());
    given(opened(), submitted())
      .when(timed({ type: 'ApproveSubmission', submissionId: 'c1', updateId: 'u9', edits: { kind: 'eyewitness' } }))
      .then({
        type: 'UpdatePosted',
        data: {
          updateId: 'u9',
          kind: 'eyewitness',
          body: BODY,
          origin: { kind: 'submission', submissionId: 'c1', contributor: EDITOR },
        },
      });
  });

  it('rejects with a reason, and neither approves nor rejects twice', () => {
    const rejection: LiveBlogEvent = {
      type: 'SubmissionRejected',
      data: { submissionId: 'c1', reason: 'unconfirmed' },
    };
    given(opened(), submitted())
      .when(timed({ type: 'RejectSubmission', submissionId: 'c1', reason: 'unconfirmed' }))
      .then(rejection);
    given(opened(), submitted(), rejection)
      .when(timed({ type: 'ApproveSubmission', submissionId: 'c1', updateId: 'u9' }))
      .thenRejects(LiveBlogConflict, 'submissionId');
    given(opened(), submitted())
      .when(timed({ type: 'RejectSubmission', submissionId: 'c1', reason: ' ' }))
      .thenRejects(InvalidCommand, 'reason');
    given(opened())
      .when(timed({ type: 'RejectSubmission', submissionId: 'nope', reason: 'x' }))
      .thenRejects(UpdateNotFound, 'submissionId');
  });

  it('folds the queue: pending, then approved with its update, never an update before approval', () => {
    const pending = foldHistory(history(opened(), submitted())) as OpenedBlog;
    expect(pending.updates.length).toBe(0);
    expect(pending.submissions).toEqual([expect.objectContaining({ submissionId: 'c1', status: 'pending' })]);
    const approved = foldHistory(
      history(opened(), submitted(), {
        type: 'UpdatePosted',
        data: { updateId: 'u9', ...draft, origin: { kind: 'submission', submissionId: 'c1', contributor: EDITOR } },
      }),
    ) as OpenedBlog;
    expect(approved.submissions[0]).toMatchObject({ status: 'approved', decision: { updateId: 'u9', revision: 2 } });
  });
});

function decideOn(events: LiveBlogEvent[], command: LiveBlogCommand): LiveBlogEvent[] {
  return decide(command, foldHistory(history(...events)));
}
