import type { CommandRequest } from '../../src/live-blog/application/command-handler.js';

/** The story's first event; each later one a second after, so `at` increases throughout. */
const START = Date.parse('2010-04-08T06:00:00Z');

const PLACES = ['Bishkek', 'Osh', 'Naryn', 'Talas', 'Manas', 'Jalal-Abad'];
const BODY =
  'Further sustained gunfire was heard in Bishkek after nightfall on Thursday, Reuters reported, quoting the interior ministry. ' +
  'Looters were seen carrying goods from a ransacked shopping centre while police stood by.';

/**
 * The commands of a long story, in order, shaped like a busy live blog: mostly updates, with
 * corrections, retractions, pins, figure revisions, timeline entries, map changes and headlines
 * spread through it. Every command is valid where it stands, so each one appends exactly one event.
 */
export function* syntheticStory(events: number): Generator<CommandRequest> {
  yield {
    type: 'OpenLiveBlog',
    title: 'Kyrgyzstan unrest: a long day',
    summary: 'A synthetic story for benchmarks.',
    at: atOf(0),
  };
  let posted = 0;
  for (let index = 1; index < events; index++) {
    const at = atOf(index);
    const recent = `u${Math.max(0, posted - 3)}`;
    if (posted < 5 || index % 5 === 0)
      yield {
        type: 'PostUpdate',
        updateId: `u${posted++}`,
        kind: 'report',
        body: `${BODY} (${index})`,
        sources: 'Reuters',
        at,
      };
    else
      yield otherCommand(index, posted, recent, at) ?? {
        type: 'PostUpdate',
        updateId: `u${posted++}`,
        kind: 'report',
        body: `${BODY} (${index})`,
        at,
      };
  }
}

function otherCommand(index: number, posted: number, recent: string, at: string): CommandRequest | null {
  switch (index % 20) {
    case 1:
      return {
        type: 'CorrectUpdate',
        updateId: recent,
        body: `${BODY} Corrected at ${index}.`,
        reason: 'wrong detail',
        at,
      };
    case 3:
      return { type: 'PinUpdate', updateId: recent, at };
    case 4:
      return { type: 'UnpinUpdate', updateId: recent, at };
    case 6:
      return {
        type: 'ReviseCasualtyFigures',
        dead: { count: 75 + index, qualifier: 'at-least' },
        injured: { count: 1000 + index, qualifier: 'more-than' },
        source: 'Health ministry',
        at,
      };
    case 7:
      return {
        type: 'AddTimelineEntry',
        entryId: `t${index}`,
        period: `Entry ${index}`,
        text: 'A date in the background timeline.',
        at,
      };
    case 8:
      return {
        type: 'UpdateLocationStatus',
        place: PLACES[index % PLACES.length]!,
        status: `Status at ${index}`,
        coordinates: { lat: 42.87, lon: 74.59 },
        at,
      };
    case 9:
      return index % 100 === 9 ? { type: 'ChangeHeadline', title: `Kyrgyzstan unrest, hour ${index}`, at } : null;
    case 11:
      return posted > 4 ? { type: 'RetractUpdate', updateId: `u${posted - 1}`, reason: 'unconfirmed', at } : null;
    default:
      return null;
  }
}

function atOf(index: number): string {
  return new Date(START + index * 1000).toISOString().replace('.000Z', 'Z');
}
