/**
 * Order statistics for "typical" waits. Pure, no dependencies: a median and two quartiles over a
 * few dozen numbers do not justify a statistics library.
 */

/**
 * The p-quantile (0 ≤ p ≤ 1) of an ascending array, interpolating linearly between the two
 * nearest ranks (Hyndman & Fan type 7, the default of R, NumPy and spreadsheets), so that our
 * numbers can be checked with any of them. NaN for an empty array.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  if (p >= 1) return sorted[n - 1]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const lower = sorted[lo]!;
  const upper = sorted[Math.min(lo + 1, n - 1)]!;
  return lower + (h - lo) * (upper - lower);
}

export interface Spread {
  median: number;
  p25: number;
  p75: number;
  /** How many values it summarises. */
  n: number;
}

/** Median and interquartile range of unsorted values; null when there are none. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantileSorted(sorted, 0.5),
    p25: quantileSorted(sorted, 0.25),
    p75: quantileSorted(sorted, 0.75),
    n: sorted.length,
  };
}
