import type { CasualtyFiguresRevised, Coordinates, LiveBlogOpened, UpdatePosted } from './events.js';
import type { UpdateDraft } from './newsroom-events.js';

/**
 * Every command carries its own clock: `at` is the story's date for the change (an editor may
 * back-date an import), `now` is the server's time when it arrived. The domain never reads a clock.
 */
interface Timed {
  readonly at: string;
  readonly now: string;
}

export type LiveBlogCommand =
  | (Timed & { readonly type: 'OpenLiveBlog' } & LiveBlogOpened)
  | (Timed & { readonly type: 'ChangeHeadline'; readonly title: string })
  | (Timed & { readonly type: 'ReviseSummary'; readonly summary: string })
  | (Timed & { readonly type: 'PostUpdate' } & UpdatePosted)
  | (Timed & {
      readonly type: 'CorrectUpdate';
      readonly updateId: string;
      readonly body: string;
      readonly reason: string;
      readonly headline?: string;
    })
  | (Timed & { readonly type: 'RetractUpdate'; readonly updateId: string; readonly reason: string })
  | (Timed & {
      readonly type: 'RedactUpdate';
      readonly updateId: string;
      readonly fields: readonly string[];
      readonly reference: string;
      readonly reason: string;
    })
  | (Timed & { readonly type: 'PinUpdate'; readonly updateId: string })
  | (Timed & { readonly type: 'UnpinUpdate'; readonly updateId: string })
  | (Timed & { readonly type: 'MarkKeyEvent'; readonly updateId: string })
  | (Timed & { readonly type: 'UnmarkKeyEvent'; readonly updateId: string })
  | (Timed & { readonly type: 'ReviseCasualtyFigures' } & CasualtyFiguresRevised)
  | (Timed & {
      readonly type: 'AddTimelineEntry';
      readonly entryId: string;
      readonly period: string;
      readonly text: string;
    })
  | (Timed & {
      readonly type: 'UpdateLocationStatus';
      readonly place: string;
      readonly status: string;
      readonly coordinates?: Coordinates;
    })
  | (Timed & { readonly type: 'CloseLiveBlog'; readonly reason?: string })
  | NewsroomCommand;

/** The newsroom's workflow (DESIGN §3b): scheduled updates and contributors' submissions. */
export type NewsroomCommand =
  | (Timed & { readonly type: 'ScheduleUpdate'; readonly publishAt: string } & Omit<UpdatePosted, 'origin'>)
  | (Timed & {
      readonly type: 'ChangeScheduledUpdate';
      readonly updateId: string;
      /** Absent fields keep their value; null takes an optional one away. */
      readonly changes: { readonly [K in keyof UpdateDraft]?: UpdateDraft[K] | null } & { readonly publishAt?: string };
    })
  | (Timed & { readonly type: 'CancelScheduledUpdate'; readonly updateId: string; readonly reason?: string })
  /** The server's, at the update's time: publishing one no longer waiting changes nothing. */
  | (Timed & { readonly type: 'PublishScheduledUpdate'; readonly updateId: string })
  | (Timed & { readonly type: 'SubmitUpdate'; readonly submissionId: string } & UpdateDraft)
  | (Timed & {
      readonly type: 'ApproveSubmission';
      readonly submissionId: string;
      readonly updateId: string;
      /** The editor's edits: absent fields keep the contributor's; null takes an optional one away. */
      readonly edits?: { readonly [K in keyof UpdateDraft]?: UpdateDraft[K] | null };
    })
  | (Timed & { readonly type: 'RejectSubmission'; readonly submissionId: string; readonly reason: string });
