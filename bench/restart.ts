/**
 * P7: a restart to serving. Stores of `events` events in 100 stories (bench/support/synthetic-story.ts,
 * written with their real hash chains), and a near-empty store (100 stories of 10 events) as the
 * in-run baseline. For each: a first start folds everything (no snapshots yet) and stops cleanly,
 * writing snapshots; then the node is started again and timed from the process's start to its first
 * 200 on an article, and its resident memory (VmRSS) read then. Each node keeps 20 stories whole in
 * memory (LIVE_BLOGS_IN_MEMORY, below the 100 stored, so the bound shows) and the others by their
 * summaries. The server is `npm start`'s dist/main.js in a process of its own; the store is written
 * by this process before it starts.
 *   node dist-bench/bench/restart.js [--quick] [--json file] [--sizes 10000,100000,1000000] [--rounds 3]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { projectRoot } from '../src/shared/paths.js';
import { writeLiveBlog } from '../test/support/grown-live-blogs.js';
import { FIGURE_OPTIONS, reportFigures, type FigureResult } from './support/figure.js';
import { median, round } from './support/measures.js';
import { syntheticStory } from './support/synthetic-story.js';

const { values } = parseArgs({ options: { ...FIGURE_OPTIONS, sizes: { type: 'string' }, rounds: { type: 'string' } } });
const SIZES = (values.sizes ?? (values.quick ? '10000' : '10000,100000')).split(',').map(Number);
const ROUNDS = Number(values.rounds ?? (values.quick ? 1 : 3));
const STORIES = 100;
const NEAR_EMPTY = STORIES * 10;
const GOAL = 1.5;
const IN_MEMORY = 20;
const port = 3990 + Math.floor(Math.random() * 9);

interface Restart {
  readonly ms: number;
  readonly rssMb: number;
}

const load = loadavg()[0]!;
const dataDir = mkdtempSync(join(tmpdir(), 'dateline-restart-'));
try {
  const baseline = await measured('near-empty', NEAR_EMPTY);
  const results: FigureResult[] = [];
  for (const size of SIZES) {
    const sized = await measured(`events-${size}`, size);
    const title = `${size} events in ${STORIES} stories (${IN_MEMORY} in memory) vs a near-empty store`;
    const extra = { firstStartMs: sized.firstStartMs, baselineEvents: NEAR_EMPTY, rounds: ROUNDS, load: round(load) };
    results.push(
      figure(`restart → first article 200, ${title}`, sized.ms, baseline.ms, 'ms', extra),
      figure(`RSS at first article, ${title}`, sized.rssMb, baseline.rssMb, 'MB', extra),
    );
  }
  reportFigures(values.json, results);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

function figure(
  title: string,
  value: number,
  baseline: number,
  unit: string,
  extra: Record<string, unknown>,
): FigureResult {
  const goal = { op: '<=' as const, ratio: GOAL, text: `<= ${GOAL}x a near-empty store` };
  return { figure: 'P7', title, store: 'sqlite', value, baseline, unit, ratio: round(value / baseline), goal, extra };
}

/** Writes the store, starts once from zero (snapshots written at the stop), then times the restarts. */
async function measured(name: string, events: number): Promise<Restart & { firstStartMs: number }> {
  const path = join(dataDir, `${name}.db`);
  const store = await openSqliteEventStore(path);
  const started = performance.now();
  for (let story = 0; story < STORIES; story++) {
    await writeLiveBlog(store, `story-${story}`, syntheticStory(Math.floor(events / STORIES)));
  }
  await store.close();
  console.error(`${name}: wrote ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const first = await restart(path);
  const restarts: Restart[] = [];
  for (let round = 0; round < ROUNDS; round++) restarts.push(await restart(path));
  console.error(`${name}: first start ${first.ms} ms; restarts ${restarts.map((r) => r.ms).join(', ')} ms`);
  return {
    ms: round(median(restarts.map((r) => r.ms)), 0),
    rssMb: round(median(restarts.map((r) => r.rssMb)), 1),
    firstStartMs: first.ms,
  };
}

/** From the spawn to the first 200 of an article; then a clean stop (SIGTERM), which writes the snapshots. */
async function restart(path: string): Promise<Restart> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'dist/main.js')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      EVENT_STORE: `sqlite:${path}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_SECRET: 'bench-secret-that-is-long-enough-for-hs256',
      SEED: 'false',
      LOG_LEVEL: 'warn',
      WRITE_RATE_LIMIT: '0',
      READ_RATE_LIMIT: '0',
      LIVE_BLOGS_IN_MEMORY: String(IN_MEMORY),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await firstArticle(child);
  const ms = round(performance.now() - started, 0);
  const rssMb = rssOf(child.pid!);
  child.kill('SIGTERM');
  await exited;
  return { ms, rssMb };
}

async function firstArticle(child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/live-blogs/story-0`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return round(Number(line?.[1] ?? 0) / 1024, 1);
}
