/**
 * Replay speed at scale: a 10,000-event story written through the command path (real hashes),
 * then (a) the auditor's read + fold (store.readStream + foldStored) against (b) the limit, the
 * same rows read and JSON-parsed into a trivial reducer; and the auditor's questions timed.
 * (a) folds page by page, as the audit service does: one foldStored per page.
 *   npm run bench:replay -- [--events 10000] [--rounds 15]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { AuditService } from '../src/audit/audit.service.js';
import { loadConfig } from '../src/config/config.js';
import type { EventStore } from '../src/event-store/event-store.js';
import { openSqliteConnection, openSqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { CommandHandler } from '../src/live-blog/application/command-handler.js';
import { foldStored, toStoredEvents } from '../src/live-blog/application/envelope.js';
import { initialState } from '../src/live-blog/domain/index.js';
import { syntheticStory } from './support/synthetic-story.js';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '15' } },
});
const EVENTS = Number(values.events);
const ROUNDS = Number(values.rounds);
const BLOG = 'replay-bench';
const STREAM = `liveblog-${BLOG}`;
/** The page size the audit service reads with. */
const PAGE = 1000;

const dataDir = mkdtempSync(join(tmpdir(), 'dateline-replay-'));
try {
  const path = join(dataDir, 'events.db');
  await writeStory(path);
  const store = await openSqliteEventStore(path);
  // The columns the store reads, so that the two differ only in what is done with each row.
  const rows = openSqliteConnection(path).prepare<[string, number, number], Row>(
    `SELECT position, event_id, stream, revision, type, data, metadata, recorded_at FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
  );
  const [fold, limit] = await alternating(
    ROUNDS,
    () => foldAll(store),
    async () => parseAll(rows),
  );
  console.log(`read + fold:                   ${rate(fold)} events/s (${fold.toFixed(1)} ms for ${EVENTS})`);
  console.log(`read + JSON.parse + count:     ${rate(limit)} events/s (${limit.toFixed(1)} ms)`);
  console.log(`ratio fold / limit:            ${(limit / fold).toFixed(2)} (goal >= 0.7)`);
  await timeQuestions(new AuditService(store));
  await store.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

async function writeStory(path: string): Promise<void> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    EVENT_STORE: `sqlite:${path}`,
    SEED: 'false',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'replay-bench-secret-long-enough-for-hs256',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  const commands = app.get(CommandHandler);
  const author = { id: 'bench', name: 'Bench Editor', role: 'editor' as const };
  const started = performance.now();
  for (const command of syntheticStory(EVENTS)) await commands.execute(BLOG, command, { author });
  console.log(
    `wrote ${EVENTS} events through the command path in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await app.close();
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

async function timeQuestions(audit: AuditService): Promise<void> {
  const head = EVENTS - 1;
  for (const revision of [0, Math.floor(head / 10), Math.floor(head / 2), head]) {
    console.log(
      `as-of revision ${String(revision).padEnd(6)}        ${(await median(ROUNDS, () => audit.asOf(BLOG, { revision }))).toFixed(1)} ms`,
    );
  }
  const middle = new Date(Date.parse('2010-04-08T06:00:00Z') + (head / 2) * 1000).toISOString();
  console.log(`as-of at ${middle}  ${(await median(ROUNDS, () => audit.asOf(BLOG, { at: middle }))).toFixed(1)} ms`);
  console.log(
    `diff ${head - 1000}..${head}               ${(await median(ROUNDS, () => audit.diff(BLOG, head - 1000, head))).toFixed(1)} ms`,
  );
  console.log(`figures history                ${(await median(ROUNDS, () => audit.figures(BLOG))).toFixed(1)} ms`);
  const report = await audit.integrity(BLOG);
  console.log(
    `integrity ${JSON.stringify(report)}  ${(await median(ROUNDS, () => audit.integrity(BLOG))).toFixed(1)} ms`,
  );
  console.log(`heap after the questions:      ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
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
  return [middle(times[0]), middle(times[1])];
}

function middle(times: number[]): number {
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** The median of `rounds` timed runs after one untimed warm-up. */
async function median(rounds: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return middle(times);
}

function rate(ms: number): string {
  return Math.round((EVENTS / ms) * 1000).toLocaleString('en-GB');
}
