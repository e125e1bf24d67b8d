/**
 * How long each text may be, in characters (Unicode code points) after trimming, and the other
 * bounds the domain enforces. The HTTP DTOs may check the same numbers earlier; the domain has
 * the last word.
 */

export const MAX_TITLE_LENGTH = 300;
export const MAX_SUMMARY_LENGTH = 2000;
export const MAX_BODY_LENGTH = 10_000;
/** An update's own headline: one line, short enough for a list of key events and a search result. */
export const MAX_UPDATE_HEADLINE_LENGTH = 120;
export const MAX_REASON_LENGTH = 500;

export const MAX_BYLINE_LENGTH = 300;
export const MAX_ATTRIBUTION_LENGTH = 300;
export const MAX_LOCATION_LENGTH = 300;
export const MAX_SOURCES_LENGTH = 300;

export const MAX_FIGURES_SOURCE_LENGTH = 300;
export const MAX_FIGURES_SCOPE_LENGTH = 300;
export const MAX_FIGURES_NOTE_LENGTH = 1000;

export const MAX_PERIOD_LENGTH = 100;
export const MAX_TIMELINE_TEXT_LENGTH = 2000;

export const MAX_PLACE_LENGTH = 100;
export const MAX_LOCATION_STATUS_LENGTH = 1000;

export const MAX_MEDIA_CAPTION_LENGTH = 300;
export const MAX_MEDIA_CREDIT_LENGTH = 300;
export const MAX_URL_LENGTH = 2000;

export const MAX_UPDATE_ID_LENGTH = 100;
/** A redaction's legal reference: printed where the text was, so short and plain. */
export const MAX_REFERENCE_LENGTH = 120;
export const MAX_ENTRY_ID_LENGTH = 100;

/**
 * How far an editor's `at` may run ahead of the server's `now`: none. Stories do not happen in the
 * future, and a write dated ahead would make every later write look earlier than the blog's last
 * change. (Undated writes are dated by the server, never before the last change: command handler.)
 */
export const MAX_CLOCK_SKEW_MS = 0;

/** What a blog opened without a language or time zone gets (the reference story is a BBC page: "17:37 GMT"). */
export const DEFAULT_LANGUAGE = 'en';
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** How far ahead an update may be scheduled: an embargo, not a calendar. */
export const MAX_SCHEDULE_AHEAD_MS = 30 * 24 * 60 * 60 * 1000;
export const MAX_SUBMISSION_ID_LENGTH = 100;
