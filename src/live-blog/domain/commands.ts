import type { CasualtyFiguresRevised, Coordinates, LiveBlogOpened, UpdatePosted } from './events.js';

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
  | (Timed & { readonly type: 'CloseLiveBlog'; readonly reason?: string });

export type LiveBlogCommandType = LiveBlogCommand['type'];
