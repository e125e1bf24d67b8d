// Words and times as the auditor's page shows them. Times are UTC: an audit compares instants, and
// the stored `at` values are UTC; the reader's rendering inside the page keeps the story's own zone.
import {
  type CasualtiesLike,
  casualtyWords,
  type FigureLike,
  figureWords as sharedFigureWords,
} from '../../src/shared/browser.js';

/** An instant: ISO text, or milliseconds since the epoch. */
type When = string | number;

const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** "17:37", UTC (also from milliseconds since the epoch) */
export const hourMinute = (when: When): string => time.format(new Date(when));

/** "17:37 UTC" */
export const clockTime = (when: When): string => `${hourMinute(when)} UTC`;

/** "8 Apr" */
export const dayOf = (when: When): string => day.format(new Date(when));

/** "8 Apr 2010, 17:37:00 UTC" */
export const instant = (iso: string): string => `${dateTime.format(new Date(iso))} UTC`;

/** "more than 1,000" in the reader page's words, or "not stated" for a figure the revision left out. */
export const figureWords = (figure: FigureLike | null | undefined): string => sharedFigureWords(figure) ?? 'not stated';

/** "75 dead, more than 1,000 injured" */
export const statementWords = (statement: CasualtiesLike | null | undefined): string =>
  casualtyWords(statement) ?? 'none';

export const authorWords = (author: { readonly name: string; readonly role: string }): string =>
  `${author.name} (${author.role})`;

/** The value of a datetime-local input, read as UTC: "2010-04-08T17:37" → "2010-04-08T17:37:00Z". */
export function utcInstantOf(localValue: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(localValue)) return null;
  return `${localValue.length === 16 ? `${localValue}:00` : localValue}Z`;
}

/** The other way: an ISO instant as a datetime-local value in UTC, to the second. */
export const localValueOf = (iso: string): string => new Date(iso).toISOString().slice(0, 19);

/** A small element holding text only: this script never parses the story's text as HTML (the server renders it). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string | number | null,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}
