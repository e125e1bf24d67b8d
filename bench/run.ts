/**
 * `npm run bench`: runs every figure script (FIGURE_SCRIPTS), each in a process of its own that
 * starts its own servers and load generators, at least three times (once with --quick), rounds
 * interleaved so that a busy spell on the machine does not land on one figure's runs only. Takes
 * the median and the spread (min..max) of each figure's value, baseline and ratio, writes
 * bench/results/<date>.json and regenerates the table in docs/performance.md.
 *   npm run bench -- [--quick] [--runs 3] [--only push,readers-held]
 * --quick writes bench/results/<date>-quick.json and leaves docs/performance.md alone. --only runs
 * some scripts and keeps the other figures of that day's file (and of the table) as they were.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/shared/paths.js';
import {
  type BenchResults,
  type FigureResult,
  type FigureSummary,
  type Machine,
  meetsGoal,
  type Spread,
} from './support/figure.js';
import { performanceTable } from './support/performance-table.js';

/** The figure scripts (bench/<name>.ts), in the order of the table. A new figure adds its script here. */
export const FIGURE_SCRIPTS = [
  'push',
  'readers-held',
  'append',
  'replay',
  'article',
  'reader-page',
  // R4: the slowest /health answer while an as-of page and an evidence bundle are made.
  'audit-load',
  // P8: readers arriving all at once (connect + subscribe + catch-up).
  'stampede',
  // P7: process start to the first article 200, and RSS, as the store grows.
  'restart',
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
  },
});

await main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => (console.error(error), process.exit(1)),
);

async function main(): Promise<boolean> {
  const runs = Number(values.runs ?? (values.quick ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, 1 or more');
  const scripts = values.only ? values.only.split(',') : FIGURE_SCRIPTS;
  const unknown = scripts.filter((script) => !FIGURE_SCRIPTS.includes(script));
  if (unknown.length > 0) throw new Error(`no figure script ${unknown.join(', ')}; there are ${FIGURE_SCRIPTS}`);

  const started = Date.now();
  const commit =
    git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? '+' : '');
  const measuredAt = new Date().toISOString();
  const scratch = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const collected: Collected = new Map();
  try {
    for (let round = 1; round <= runs; round++) {
      for (const script of scripts) {
        const load = loadavg()[0]!;
        console.log(`\n== ${script}, run ${round} of ${runs} (load ${load.toFixed(2)}) ==`);
        const file = join(scratch, `${script}-${round}.json`);
        const entry = collected.get(script) ?? { results: [], failed: 0, load: [] };
        collected.set(script, entry);
        entry.load.push(Number(load.toFixed(2)));
        const code = await runScript(script, file);
        if (code === 0 && existsSync(file)) entry.results.push([JSON.parse(readFileSync(file, 'utf8'))].flat());
        else {
          entry.failed++;
          console.error(`${script} run ${round} failed (exit ${code}); its figures are left out`);
        }
      }
      // After every round, so that a run cut short still leaves the rounds it finished.
      if (round < runs) write(collected, scripts, commit, measuredAt, false);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const figures = write(collected, scripts, commit, measuredAt, true);
  for (const figure of figures) {
    const { median, min, max } = figure.ratio;
    const verdict = figure.met ? 'met    ' : 'NOT MET';
    console.log(
      `${figure.figure.padEnd(3)} ${verdict} ratio ${median} (${min}–${max}), goal ${figure.goal.text}: ${figure.title}`,
    );
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  return [...collected.values()].every(({ failed }) => failed === 0);
}

type Collected = Map<string, { results: FigureResult[][]; failed: number; load: number[] }>;

/** Writes the day's results file (and, for a full run, the table), keeping the figures of scripts not run now. */
function write(collected: Collected, scripts: string[], commit: string, measuredAt: string, last: boolean) {
  const figures = [...collected].flatMap(([script, { results, failed, load }]) =>
    summarise(script, results, failed, load, commit, measuredAt),
  );
  const date = measuredAt.slice(0, 10);
  const path = join(projectRoot, 'bench/results', `${date}${values.quick ? '-quick' : ''}.json`);
  const kept = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BenchResults).figures : [];
  const merged = [...kept.filter((figure) => !scripts.includes(figure.script)), ...figures].sort(
    (a, b) => FIGURE_SCRIPTS.indexOf(a.script) - FIGURE_SCRIPTS.indexOf(b.script),
  );
  const results: BenchResults = { date, commit, quick: values.quick, machine: machine(), figures: merged };
  mkdirSync(join(projectRoot, 'bench/results'), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  if (last) console.log(`\nwrote ${path}`);
  if (!values.quick) {
    const doc = join(projectRoot, 'docs/performance.md');
    writeFileSync(doc, performanceTable(existsSync(doc) ? readFileSync(doc, 'utf8') : undefined, results));
    // Aligned as the formatter wants it, so that `biome ci` passes on the regenerated page.
    execFileSync(join(projectRoot, 'node_modules/.bin/biome'), ['format', '--write', doc], { stdio: 'ignore' });
    if (last) console.log(`regenerated the table in ${doc}`);
  }
  return figures;
}

/** Runs dist-bench/bench/<script>.js with --json (and --quick), its output shown as it comes. */
function runScript(script: string, json: string): Promise<number> {
  const path = fileURLToPath(new URL(`./${script}.js`, import.meta.url));
  const args = [path, '--json', json, ...(values.quick ? ['--quick'] : [])];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

/** One summary per figure the script reported (matched across runs by figure, title and store). */
function summarise(
  script: string,
  runs: FigureResult[][],
  failedRuns: number,
  load: number[],
  commit: string,
  measuredAt: string,
): FigureSummary[] {
  const keyOf = ({ figure, title, store }: FigureResult) => `${figure}\u0000${title}\u0000${store}`;
  const groups = new Map<string, FigureResult[]>();
  for (const result of runs.flat()) groups.set(keyOf(result), [...(groups.get(keyOf(result)) ?? []), result]);
  return [...groups.values()].map((results) => {
    const { figure, title, store, unit, goal } = results.at(-1)!;
    const value = spread(results.map((result) => result.value));
    const ratio = spread(results.map((result) => result.ratio));
    const baseline = spread(results.map((result) => result.baseline));
    const met = meetsGoal(goal, ratio.median, value.median);
    return {
      script,
      figure,
      title,
      store,
      unit,
      goal,
      value,
      baseline,
      ratio,
      met,
      runs: results.length,
      failedRuns,
      commit,
      measuredAt,
      load,
      results,
    };
  });
}

function spread(values: number[]): Spread {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const tidy = (value: number) => Number(value.toPrecision(4));
  return { median: tidy(median), min: tidy(sorted[0]!), max: tidy(sorted.at(-1)!) };
}

function machine(): Machine {
  const [cpu] = cpus();
  return {
    cpu: cpu?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
