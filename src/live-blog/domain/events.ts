/** The live-blog's event types, version 1 (DESIGN §3). Pure data: no Nest, no I/O. */
import type { Author } from '../../kernel/index.js';
import { NEWSROOM_EVENT_TYPES, type NewsroomEvent, type UpdateOrigin } from './newsroom-events.js';
import type { RedactableField } from './redaction.js';

export const UPDATE_KINDS = [
  'report',
  'breaking',
  'quote',
  'eyewitness',
  'analysis',
  'statement',
  'background',
] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export const FIGURE_QUALIFIERS = ['exact', 'at-least', 'more-than', 'about'] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

export interface Media {
  readonly url: string;
  readonly caption?: string;
  readonly credit?: string;
}

export interface Figure {
  readonly count: number;
  readonly qualifier: FigureQualifier;
}

export interface Coordinates {
  readonly lat: number;
  readonly lon: number;
}

export interface LiveBlogOpened {
  readonly title: string;
  readonly summary?: string;
  readonly language?: string;
  readonly timeZone?: string;
}

export interface UpdatePosted {
  readonly updateId: string;
  readonly kind: UpdateKind;
  /** A short line of its own ("Gunfire in Bishkek"): what the key events list and search engines show. */
  readonly headline?: string;
  readonly body: string;
  readonly byline?: string;
  readonly attribution?: string;
  readonly location?: string;
  readonly sources?: string;
  readonly occurredAt?: string;
  readonly media?: Media;
  /** A scheduled update the server published, or an approved submission (DESIGN §3b); never shown to readers. */
  readonly origin?: UpdateOrigin;
}

export interface CasualtyFiguresRevised {
  readonly dead?: Figure;
  readonly injured?: Figure;
  readonly source: string;
  readonly scope?: string;
  readonly note?: string;
}

export type LiveBlogEvent =
  | { readonly type: 'LiveBlogOpened'; readonly data: LiveBlogOpened }
  | { readonly type: 'HeadlineChanged'; readonly data: { readonly title: string } }
  | { readonly type: 'SummaryRevised'; readonly data: { readonly summary: string } }
  | { readonly type: 'UpdatePosted'; readonly data: UpdatePosted }
  | {
      readonly type: 'UpdateCorrected';
      readonly data: {
        readonly updateId: string;
        readonly body: string;
        readonly reason: string;
        /** A new headline for the update; absent, it keeps the one it had. */
        readonly headline?: string;
      };
    }
  | { readonly type: 'UpdateRetracted'; readonly data: { readonly updateId: string; readonly reason: string } }
  | {
      readonly type: 'UpdateRedacted';
      readonly data: {
        readonly updateId: string;
        readonly fields: readonly RedactableField[];
        readonly reference: string;
        readonly reason: string;
      };
    }
  | { readonly type: 'UpdatePinned'; readonly data: { readonly updateId: string } }
  | { readonly type: 'UpdateUnpinned'; readonly data: { readonly updateId: string } }
  | { readonly type: 'KeyEventMarked'; readonly data: { readonly updateId: string } }
  | { readonly type: 'KeyEventUnmarked'; readonly data: { readonly updateId: string } }
  | { readonly type: 'CasualtyFiguresRevised'; readonly data: CasualtyFiguresRevised }
  | {
      readonly type: 'TimelineEntryAdded';
      readonly data: { readonly entryId: string; readonly period: string; readonly text: string };
    }
  | {
      readonly type: 'LocationStatusUpdated';
      readonly data: { readonly place: string; readonly status: string; readonly coordinates?: Coordinates };
    }
  | { readonly type: 'LiveBlogClosed'; readonly data: { readonly reason?: string } }
  | NewsroomEvent;

export type LiveBlogEventType = LiveBlogEvent['type'];

export const LIVE_BLOG_EVENT_TYPES: readonly LiveBlogEventType[] = [
  'LiveBlogOpened',
  'HeadlineChanged',
  'SummaryRevised',
  'UpdatePosted',
  'UpdateCorrected',
  'UpdateRetracted',
  'UpdateRedacted',
  'UpdatePinned',
  'UpdateUnpinned',
  'KeyEventMarked',
  'KeyEventUnmarked',
  'CasualtyFiguresRevised',
  'TimelineEntryAdded',
  'LocationStatusUpdated',
  'LiveBlogClosed',
  ...NEWSROOM_EVENT_TYPES,
];

/** What the fold needs besides the event itself: where it sits, when the story dates it, who wrote it. */
export interface EventContext {
  readonly revision: number;
  readonly at: string;
  readonly author: Author;
}

/** A live-blog event as read back from its stream, ready to fold. */
export type LiveBlogHistoryEvent = LiveBlogEvent & EventContext;
