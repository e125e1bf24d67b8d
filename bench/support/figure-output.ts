/**
 * The result a figure script hands to the bench runner (see `npm run bench`): one object per
 * figure measured, written to --json <file> or printed. Every figure script takes --quick and --json.
 */
import { writeFileSync } from 'node:fs';

export interface FigureOutput {
  readonly figure: string;
  readonly title: string;
  readonly store: 'sqlite' | 'postgres' | null;
  readonly value: number;
  /** The same measure, in the same run, of what the figure is held against. */
  readonly baseline: number;
  readonly unit: string;
  /** value / baseline, or the ratio the goal is stated in. */
  readonly ratio: number;
  readonly goal: { readonly op: '<=' | '>='; readonly ratio: number; readonly value?: number; readonly text: string };
  readonly extra?: Record<string, unknown>;
}

export const FIGURE_OPTIONS = {
  quick: { type: 'boolean', default: false },
  json: { type: 'string' },
} as const;

export function writeFigures(json: string | undefined, figures: FigureOutput[]): void {
  const text = `${JSON.stringify(figures, null, 2)}\n`;
  if (json) writeFileSync(json, text);
  else process.stdout.write(text);
}

/** The median of a few same-run measurements. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
