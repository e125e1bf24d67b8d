/**
 * The contract between a figure script (bench/<name>.ts) and the runner (bench/run.ts).
 * A figure script starts its server(s) and load generators as separate processes, accepts
 *   --quick          a short run (the whole `npm run bench -- --quick` stays under two minutes)
 *   --json <file>    where to write its result (else it prints it)
 * and writes one FigureResult, or an array of them when it measures several figures or stores.
 */
import { writeFileSync } from 'node:fs';

export interface FigureGoal {
  readonly op: '<=' | '>=';
  /** The limit on `ratio`. */
  readonly ratio: number;
  /** A limit on `value` too, where the goal also names an absolute figure (e.g. <= 12 KB heap). */
  readonly value?: number;
  readonly text: string;
}

export interface FigureResult {
  /** P1, P2, …: the name for the figure; a script may report one figure at several sizes. */
  readonly figure: string;
  readonly title: string;
  readonly store: 'sqlite' | 'postgres' | null;
  readonly value: number;
  /** The same measure, in the same run, of what the figure is held against. */
  readonly baseline: number;
  readonly unit: string;
  /** value / baseline, or the ratio the goal is stated in. */
  readonly ratio: number;
  readonly goal: FigureGoal;
  readonly extra?: Record<string, unknown>;
}

export function meetsGoal(goal: FigureGoal, ratio: number, value: number): boolean {
  const within = (measured: number, limit: number) => (goal.op === '<=' ? measured <= limit : measured >= limit);
  return within(ratio, goal.ratio) && (goal.value === undefined || within(value, goal.value));
}

/** What the runner makes of a figure's runs (bench/results/<date>.json). */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}
export interface FigureSummary {
  /** The script that measured it (bench/<script>.ts). */
  readonly script: string;
  readonly figure: string;
  readonly title: string;
  readonly store: FigureResult['store'];
  readonly unit: string;
  readonly goal: FigureResult['goal'];
  readonly value: Spread;
  readonly baseline: Spread;
  readonly ratio: Spread;
  /** Whether the medians meet the goal. */
  readonly met: boolean;
  readonly runs: number;
  readonly failedRuns: number;
  readonly commit: string;
  readonly measuredAt: string;
  /** The machine's 1-minute load average before each run (its cores are shared). */
  readonly load: number[];
  /** Every run's own result, extra figures included. */
  readonly results: FigureResult[];
}
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
}
export interface BenchResults {
  readonly date: string;
  readonly commit: string;
  readonly quick: boolean;
  readonly machine: Machine;
  readonly figures: FigureSummary[];
}

/** The options every figure script takes: spread into its own parseArgs options. */
export const FIGURE_OPTIONS = {
  quick: { type: 'boolean', default: false },
  json: { type: 'string' },
} as const;

/** Writes the result where --json says, or prints it. */
export function reportFigures(json: string | undefined, results: FigureResult | FigureResult[]): void {
  const text = `${JSON.stringify(results, null, 2)}\n`;
  if (json) writeFileSync(json, text);
  else process.stdout.write(text);
}
