import type { Coordinates, Figure, Media, UpdateKind } from './events.js';

/**
 * Every command carries its own clock: `at` is the story's date for the change (an editor may
 * back-date an import), `now` is the server's time when it arrived. The domain never reads a clock.
 */
interface Timed {
  readonly at: string;
  readonly now: string;
}

export type LiveBlogCommand =
  | (Timed & { readonly type: 'OpenLiveBlog'; readonly title: string; readonly summary?: string; readonly language?: string; readonly timeZone?: string })
  | (Timed & { readonly type: 'ChangeHeadline'; readonly title: string })
  | (Timed & { readonly type: 'ReviseSummary'; readonly summary: string })
  | (Timed & {
      readonly type: 'PostUpdate';
      readonly updateId: string;
      readonly kind: UpdateKind;
      readonly body: string;
      readonly byline?: string;
      readonly attribution?: string;
      readonly location?: string;
      readonly sources?: string;
      readonly occurredAt?: string;
      readonly media?: Media;
    })
  | (Timed & { readonly type: 'CorrectUpdate'; readonly updateId: string; readonly body: string; readonly reason: string })
  | (Timed & { readonly type: 'RetractUpdate'; readonly updateId: string; readonly reason: string })
  | (Timed & { readonly type: 'PinUpdate'; readonly updateId: string })
  | (Timed & { readonly type: 'UnpinUpdate'; readonly updateId: string })
  | (Timed & {
      readonly type: 'ReviseCasualtyFigures';
      readonly dead?: Figure;
      readonly injured?: Figure;
      readonly source: string;
      readonly scope?: string;
      readonly note?: string;
    })
  | (Timed & { readonly type: 'AddTimelineEntry'; readonly entryId: string; readonly period: string; readonly text: string })
  | (Timed & { readonly type: 'UpdateLocationStatus'; readonly place: string; readonly status: string; readonly coordinates?: Coordinates })
  | (Timed & { readonly type: 'CloseLiveBlog'; readonly reason?: string });

export type LiveBlogCommandType = LiveBlogCommand['type'];
