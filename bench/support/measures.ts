/** Small helpers the store figures (bench/append.ts, replay.ts, article.ts) share. */

/** The median of a few same-run measurements. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
