// How the pages word times and figures. Plain JavaScript with no imports, so the server renders with it
// (src/pages/ imports it through format.d.ts) and the browser redraws live changes with the very same words.

const GMT = 'UTC';
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "17:37", the clock time of an instant in a zone. */
function clock(iso, timeZone) {
  return new Intl.DateTimeFormat('en-GB', { ...TIME, timeZone }).format(new Date(iso));
}

/** "Thursday, 8 April 2010" */
function longDate(iso, timeZone) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).formatToParts(new Date(iso));
  const part = (type) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('weekday')}, ${part('day')} ${part('month')} ${part('year')}`;
}

/**
 * The BBC's line, always in GMT as the BBC printed it: "Page last updated at 17:37 GMT, Thursday, 8 April 2010".
 * (The story's own zone is shown beside it by localTime, as the BBC added "18:37 UK".)
 */
export function lastUpdatedLine(iso) {
  return `Page last updated at ${clock(iso, GMT)} GMT, ${longDate(iso, GMT)}`;
}

/** "18:37 UK" for a story kept in Europe/London during summer time; null where the zone reads as GMT then. */
export function localTime(iso, timeZone) {
  if (!timeZone || (clock(iso, timeZone) === clock(iso, GMT) && longDate(iso, timeZone) === longDate(iso, GMT)))
    return null;
  return `${clock(iso, timeZone)} ${zoneLabel(iso, timeZone)}`;
}

function zoneLabel(iso, timeZone) {
  if (timeZone === 'Europe/London') return 'UK';
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((part) => part.type === 'timeZoneName');
  return name ? name.value : timeZone;
}

/** An update's time, "16:00 GMT"; with the day ("16:00 GMT, 7 Apr") when it is not the page's day. */
export function updateTime(iso, pageIso) {
  const time = `${clock(iso, GMT)} GMT`;
  const day = (value) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: GMT }).format(
      new Date(value),
    );
  if (!pageIso || day(iso) === day(pageIso)) return time;
  return `${time}, ${day(iso)}`;
}

const QUALIFIERS = { exact: '', 'at-least': 'at least ', 'more-than': 'more than ', about: 'about ' };

/** "more than 1,000" */
export function figureWords(figure) {
  if (!figure) return null;
  return `${QUALIFIERS[figure.qualifier] ?? ''}${figure.count.toLocaleString('en-GB')}`;
}

/** "75 dead, more than 1,000 injured"; null when no figure was ever given. */
export function casualtyWords(casualties) {
  if (!casualties) return null;
  const words = [];
  if (casualties.dead) words.push(`${figureWords(casualties.dead)} dead`);
  if (casualties.injured) words.push(`${figureWords(casualties.injured)} injured`);
  return words.length ? words.join(', ') : null;
}

const KINDS = {
  report: 'Report',
  breaking: 'Breaking',
  quote: 'Quote',
  eyewitness: 'Eyewitness',
  analysis: 'Analysis',
  statement: 'Statement',
  background: 'Background',
};

export function kindLabel(kind) {
  return KINDS[kind] ?? kind;
}

/** "1 person reading now", "1,204 people reading now" */
export function readersLine(count) {
  return count === 1 ? '1 person reading now' : `${count.toLocaleString('en-GB')} people reading now`;
}
