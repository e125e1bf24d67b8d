/**
 * P3 at scale: a story of `events` events (a busy live blog's mix: bench/support/synthetic-story.ts)
 * written with its real hash chain, then
 *  1. rebuild: the store's rows read and folded, page by page as the audit service and a rebuild
 *     do, against the limit, the same rows read and JSON-parsed into a reducer that only counts;
 *  2. as-of: the auditor's view at past revisions and at a past instant, each asked once to warm
 *     and then timed (median), the slowest of them held against 20 ms.
 * Store and folds run in this process (there is no server in the way to measure).
 *   node dist-bench/bench/replay.js [--quick] [--json file] [--events 100000] [--rounds 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditService } from '../src/audit/audit.service.js';
import type { EventStore } from '../src/event-store/event-store.js';
import { openSqliteConnection, openSqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { foldStored, toStoredEvents } from '../src/live-blog/application/envelope.js';
import { initialState } from '../src/live-blog/domain/index.js';
import { FIGURE_OPTIONS, reportFigures } from './support/figure.js';
import { median, round } from './support/measures.js';
import { writeLiveBlog } from '../test/support/grown-live-blogs.js';
import { syntheticStory } from './support/synthetic-story.js';

const { values } = parseArgs({
  options: { ...FIGURE_OPTIONS, events: { type: 'string' }, rounds: { type: 'string' } },
});
// --quick is a smoke run for `npm run bench -- --quick`: a 20,000-event story.
const EVENTS = Number(values.events ?? (values.quick ? 20000 : 100000));
const ROUNDS = Number(values.rounds ?? (values.quick ? 3 : 7));
const AS_OF_GOAL_MS = 20;
const BLOG = 'replay-bench';
const STREAM = `liveblog-${BLOG}`;
/** The page size the audit service reads with. */
const PAGE = 1000;

const dataDir = mkdtempSync(join(tmpdir(), 'dateline-replay-'));
try {
  const load = loadavg()[0]!;
  const path = join(dataDir, 'events.db');
  const store = await openSqliteEventStore(path);
  const started = performance.now();
  await writeLiveBlog(store, BLOG, syntheticStory(EVENTS));
  console.error(`wrote ${EVENTS} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The columns the store reads, so that the two differ only in what is done with each row.
  const rows = openSqliteConnection(path).prepare<[string, number, number], Row>(
    'SELECT position, event_id, stream, revision, type, data, metadata, recorded_at FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
  );
  const [fold, limit] = await alternating(
    ROUNDS,
    () => foldAll(store),
    async () => parseAll(rows),
  );
  const asOf = await timeAsOf(new AuditService(store));
  const slowest = Math.max(...Object.values(asOf));
  await store.close();
  reportFigures(values.json, [
    {
      figure: 'P3',
      title: `rebuild: events folded/s vs read + parse of the same rows, ${EVENTS} events`,
      store: 'sqlite',
      value: round(perSecond(fold), 0),
      baseline: round(perSecond(limit), 0),
      unit: 'events/s',
      ratio: round(limit / fold),
      goal: { op: '>=', ratio: 0.9, text: '>= 0.9x read + parse' },
      extra: { foldMs: round(fold, 1), readParseMs: round(limit, 1), rounds: ROUNDS, load: round(load) },
    },
    {
      figure: 'P3',
      title: `as-of: slowest past view, ${EVENTS} events`,
      store: 'sqlite',
      value: round(slowest, 1),
      baseline: AS_OF_GOAL_MS,
      unit: 'ms',
      ratio: round(slowest / AS_OF_GOAL_MS),
      goal: { op: '<=', ratio: 1, value: AS_OF_GOAL_MS, text: `<= ${AS_OF_GOAL_MS} ms at ${EVENTS} events` },
      extra: { asOfMs: asOf, fullFoldMs: round(fold, 1), rounds: ROUNDS, load: round(load) },
    },
  ]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

async function foldAll(store: EventStore): Promise<number> {
  let state = initialState;
  for (let from = 0; ; from += PAGE) {
    const page = await store.readStream(STREAM, { fromRevision: from, maxCount: PAGE });
    state = foldStored(state, toStoredEvents(page));
    if (page.length < PAGE) break;
  }
  if (state.revision !== EVENTS - 1) throw new Error(`folded to revision ${state.revision}`);
  return state.revision;
}

interface Row {
  readonly revision: number;
  readonly data: string;
  readonly metadata: string;
}

/** The limit: the same rows read and parsed, and a reducer that only counts. */
function parseAll(rows: { all(stream: string, from: number, limit: number): Row[] }): number {
  let count = 0;
  for (let from = 0; ; from += PAGE) {
    const page = rows.all(STREAM, from, PAGE);
    for (const row of page) {
      const event = {
        data: JSON.parse(row.data) as unknown,
        metadata: JSON.parse(row.metadata) as unknown,
        revision: row.revision,
      };
      if (event.data && event.metadata) count++;
    }
    if (page.length < PAGE) break;
  }
  if (count !== EVENTS) throw new Error(`parsed ${count} rows`);
  return count;
}

/** Median ms of the auditor's view at revisions spread over the story and at an instant, each warmed once. */
async function timeAsOf(audit: AuditService): Promise<Record<string, number>> {
  const head = EVENTS - 1;
  const points: Record<string, { revision?: number; at?: string }> = {};
  for (const revision of [0, 1234, Math.floor(head / 2) + 17, head - 1, head])
    points[`revision ${revision}`] = { revision };
  const middle = new Date(Date.parse('2010-04-08T06:00:00Z') + Math.floor(head / 3) * 1000).toISOString();
  points[`at ${middle}`] = { at: middle };
  const timed: Record<string, number> = {};
  for (const [name, point] of Object.entries(points)) {
    await audit.asOf(BLOG, point);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await audit.asOf(BLOG, point);
      times.push(performance.now() - started);
    }
    timed[name] = round(median(times), 1);
  }
  return timed;
}

/** Medians of two measurements taken in turns, so that a busy moment of the machine weighs on both alike. */
async function alternating(
  rounds: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round <= rounds; round++) {
    for (const [index, run] of [first, second].entries()) {
      const started = performance.now();
      await run();
      if (round > 0) times[index]!.push(performance.now() - started); // round 0 warms up
    }
  }
  return [median(times[0]), median(times[1])];
}

function perSecond(ms: number): number {
  return (EVENTS / ms) * 1000;
}
