// Words and times as the auditor's page shows them. Times are UTC: an audit compares instants, and
// the stored `at` values are UTC; the reader's rendering inside the page keeps the story's own zone.
import { casualtyWords, figureWords as sharedFigureWords } from '../format.js';

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
export const hourMinute = (when) => time.format(new Date(when));

/** "17:37 UTC" */
export const clockTime = (when) => `${hourMinute(when)} UTC`;

/** "8 Apr" */
export const dayOf = (when) => day.format(new Date(when));

/** "8 Apr 2010, 17:37:00 UTC" */
export const instant = (iso) => `${dateTime.format(new Date(iso))} UTC`;

/** "more than 1,000" in the reader page's words, or "not stated" for a figure the revision left out. */
export const figureWords = (figure) => sharedFigureWords(figure) ?? 'not stated';

/** "75 dead, more than 1,000 injured" */
export const statementWords = (statement) => casualtyWords(statement) ?? 'none';

export const authorWords = (author) => `${author.name} (${author.role})`;

/** The value of a datetime-local input, read as UTC: "2010-04-08T17:37" → "2010-04-08T17:37:00Z". */
export function utcInstantOf(localValue) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(localValue)) return null;
  return `${localValue.length === 16 ? `${localValue}:00` : localValue}Z`;
}

/** The other way: an ISO instant as a datetime-local value in UTC, to the second. */
export const localValueOf = (iso) => new Date(iso).toISOString().slice(0, 19);

/** A small element holding text only: this script never parses the story's text as HTML (the server renders it). */
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}
