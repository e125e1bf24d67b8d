import {
  FIGURE_QUALIFIERS,
  UPDATE_KINDS,
  type Coordinates,
  type Figure,
  type FigureQualifier,
  type Media,
  type UpdateKind,
} from './events.js';
import * as limit from './limits.js';
import { InvalidCommand, text } from '../../kernel/index.js';

/**
 * The field rules decide applies. Each returns the value to store (trimmed, canonical) or throws
 * InvalidCommand naming the field at fault. Commands may come from outside TypeScript's reach
 * (JSON, imports), so the values are checked as unknown.
 */

/** A body in the safe markup subset (already sanitised): the same rules, and it must show some text. */
export function markupText(value: unknown, field: string, maxLength: number): string {
  const shown = (markup: string) => markup.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;|&#xa0;/gi, ' ');
  return text(value, field, maxLength, shown);
}

export function optionalText(value: unknown, field: string, maxLength: number): string | undefined {
  return value == null ? undefined : text(value, field, maxLength);
}

export function identifier(value: unknown, field: string, maxLength: number): string {
  const pattern = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${maxLength - 1}}$`);
  if (typeof value !== 'string' || !pattern.test(value))
    throw new InvalidCommand(`${field} must be letters, digits, _ or -`, field);
  return value;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Milliseconds since the epoch; the calendar check refuses what Date.parse would quietly roll over (30 February). */
export function instant(value: unknown, field: string): number {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  const epochMs = match ? Date.parse(match[0]) : Number.NaN;
  if (!match || Number.isNaN(epochMs) || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new InvalidCommand(`${field} must be an ISO-8601 instant such as 2010-04-08T17:37:00Z`, field);
  }
  return epochMs;
}

/** The instant exactly as given (the story's own spelling of a time it reports), once it is known to parse. */
export function optionalInstant(value: unknown, field: string): string | undefined {
  if (value == null) return undefined;
  instant(value, field);
  return value as string;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function language(value: unknown): string {
  if (value == null) return limit.DEFAULT_LANGUAGE;
  if (typeof value !== 'string' || !LANGUAGE_TAG.test(value)) {
    throw new InvalidCommand('language must be a BCP 47 tag such as en or ky-KG', 'language');
  }
  return value;
}

/** The IANA name as ICU spells it ("europe/london" becomes "Europe/London"); UTC offsets are not zones. */
export function timeZone(value: unknown): string {
  if (value == null) return limit.DEFAULT_TIME_ZONE;
  try {
    if (typeof value !== 'string' || !/^[A-Za-z]/.test(value)) throw new RangeError(String(value));
    return new Intl.DateTimeFormat(undefined, { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidCommand('timeZone must be an IANA time zone such as Europe/London', 'timeZone');
  }
}

export function updateKind(value: unknown): UpdateKind {
  if (!(UPDATE_KINDS as readonly unknown[]).includes(value))
    throw new InvalidCommand(`kind must be one of ${UPDATE_KINDS.join(', ')}`, 'kind');
  return value as UpdateKind;
}

export function media(value: unknown): Media {
  const { url: rawUrl, caption, credit } = (value ?? {}) as { url?: unknown; caption?: unknown; credit?: unknown };
  const url = text(rawUrl, 'media.url', limit.MAX_URL_LENGTH);
  if (!isHttpsUrl(url)) throw new InvalidCommand('media.url must be an https URL', 'media.url');
  return compact({
    url,
    caption: optionalText(caption, 'media.caption', limit.MAX_MEDIA_CAPTION_LENGTH),
    credit: optionalText(credit, 'media.credit', limit.MAX_MEDIA_CREDIT_LENGTH),
  });
}

/**
 * https, a host name (no user or password), an optional port, then only the characters RFC 3986
 * allows unencoded, less the quote: a URL that can be printed in any attribute as it is.
 */
const CLEAN_HTTPS_URL =
  /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:[/?#][\w\-.~!$&()*+,;=:@/?#%]*)?$/;

function isHttpsUrl(value: string): boolean {
  try {
    return CLEAN_HTTPS_URL.test(value) && new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

export function figure(value: unknown, field: 'dead' | 'injured'): Figure {
  const { count, qualifier } = (value ?? {}) as { count?: unknown; qualifier?: unknown };
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw new InvalidCommand(`${field}.count must be a whole number, 0 or more`, `${field}.count`);
  }
  if (!(FIGURE_QUALIFIERS as readonly unknown[]).includes(qualifier)) {
    throw new InvalidCommand(`${field}.qualifier must be one of ${FIGURE_QUALIFIERS.join(', ')}`, `${field}.qualifier`);
  }
  return { count, qualifier: qualifier as FigureQualifier };
}

export function coordinates(value: unknown): Coordinates {
  const { lat, lon } = (value ?? {}) as { lat?: unknown; lon?: unknown };
  return { lat: degrees(lat, 'coordinates.lat', 90), lon: degrees(lon, 'coordinates.lon', 180) };
}

function degrees(value: unknown, field: string, bound: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > bound) {
    throw new InvalidCommand(`${field} must lie in [-${bound}, ${bound}]`, field);
  }
  return value;
}

/** Event data is stored as JSON and hashed: an absent field is left out, never written as undefined. */
export function compact<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}
