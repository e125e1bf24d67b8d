// How the pages word times and figures. No imports and nothing of Node, so the server renders with it
// (src/pages/ through the shared door) and the browser (browser/) redraws live changes with the very same words.

export interface FigureLike {
  readonly count: number;
  readonly qualifier: string;
}
export interface CasualtiesLike {
  readonly dead?: FigureLike | null;
  readonly injured?: FigureLike | null;
}

const GMT = 'UTC';
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * One formatter per set of options (a few sets, times the zones stories are kept in): making one
 * costs far more than using it, and a page of 50 updates spent most of its render making them.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, made);
  }
  return made;
}

/** "17:37", the clock time of an instant in a zone. */
function clock(iso: string, timeZone: string): string {
  return formatter({ ...TIME, timeZone }).format(new Date(iso));
}

/** "Thursday, 8 April 2010" */
function longDate(iso: string, timeZone: string): string {
  const parts = formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).formatToParts(
    new Date(iso),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('weekday')}, ${part('day')} ${part('month')} ${part('year')}`;
}

/**
 * The BBC's line, always in GMT as the BBC printed it: "Page last updated at 17:37 GMT, Thursday, 8 April 2010".
 * (The story's own zone is shown beside it by localTime, as the BBC added "18:37 UK".)
 */
export function lastUpdatedLine(iso: string): string {
  return `Page last updated at ${clock(iso, GMT)} GMT, ${longDate(iso, GMT)}`;
}

/** "18:37 UK" for a story kept in Europe/London during summer time; null where the zone reads as GMT then. */
export function localTime(iso: string, timeZone: string | null | undefined): string | null {
  if (!timeZone || (clock(iso, timeZone) === clock(iso, GMT) && longDate(iso, timeZone) === longDate(iso, GMT)))
    return null;
  return `${clock(iso, timeZone)} ${zoneLabel(iso, timeZone)}`;
}

function zoneLabel(iso: string, timeZone: string): string {
  if (timeZone === 'Europe/London') return 'UK';
  const name = formatter({ timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((part) => part.type === 'timeZoneName');
  return name ? name.value : timeZone;
}

/** An update's time, "16:00 GMT"; with the day ("16:00 GMT, 7 Apr") when it is not the page's day. */
export function updateTime(iso: string, pageIso?: string | null): string {
  const time = `${clock(iso, GMT)} GMT`;
  const day = (value: string) =>
    formatter({ day: 'numeric', month: 'short', year: 'numeric', timeZone: GMT }).format(new Date(value));
  if (!pageIso || day(iso) === day(pageIso)) return time;
  return `${time}, ${day(iso)}`;
}

const QUALIFIERS: Readonly<Record<string, string>> = {
  exact: '',
  'at-least': 'at least ',
  'more-than': 'more than ',
  about: 'about ',
};

/** "more than 1,000" */
export function figureWords(figure: FigureLike | null | undefined): string | null {
  if (!figure) return null;
  return `${QUALIFIERS[figure.qualifier] ?? ''}${figure.count.toLocaleString('en-GB')}`;
}

/** "75 dead, more than 1,000 injured"; null when no figure was ever given. */
export function casualtyWords(casualties: CasualtiesLike | null | undefined): string | null {
  if (!casualties) return null;
  const words: string[] = [];
  if (casualties.dead) words.push(`${figureWords(casualties.dead)} dead`);
  if (casualties.injured) words.push(`${figureWords(casualties.injured)} injured`);
  return words.length ? words.join(', ') : null;
}

const KINDS: Readonly<Record<string, string>> = {
  report: 'Report',
  breaking: 'Breaking',
  quote: 'Quote',
  eyewitness: 'Eyewitness',
  analysis: 'Analysis',
  statement: 'Statement',
  background: 'Background',
};

export function kindLabel(kind: string): string {
  return KINDS[kind] ?? kind;
}

/** "1 person reading now", "1,204 people reading now" */
export function readersLine(count: number): string {
  return count === 1 ? '1 person reading now' : `${count.toLocaleString('en-GB')} people reading now`;
}
