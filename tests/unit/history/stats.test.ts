/**
 * quantileSorted and spread against values computed by hand with the type-7 rule (what
 * numpy.percentile(…, method="linear") and R's quantile(…, type = 7) print).
 */
import { describe, expect, it } from "vitest";
import { quantileSorted, spread } from "@/lib/history/stats";
import { int, rng } from "./support";

describe("quantileSorted (Hyndman & Fan type 7)", () => {
  it.each([
    // numpy.percentile([1, 2, 3, 4], q)
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4], 0.1, 1.3],
    [[1, 2, 3, 4], 0.9, 3.7],
    // numpy.percentile([15, 20, 35, 40, 50], [30, 40, 50]) = [23, 29, 35]
    [[15, 20, 35, 40, 50], 0.3, 23],
    [[15, 20, 35, 40, 50], 0.4, 29],
    [[15, 20, 35, 40, 50], 0.5, 35],
    // R: quantile(1:10, 0.33) = 3.97
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.33, 3.97],
    [[1, 10], 0.25, 3.25],
    [[0, 0, 10, 10], 0.5, 5],
    [[-5, -1, 0, 2], 0.5, -0.5],
    [[2, 2, 2], 0.37, 2],
    [[7], 0.5, 7],
    [[7], 0.01, 7],
  ])("%j at p=%d is %d", (sorted, p, expected) => {
    expect(quantileSorted(sorted, p)).toBeCloseTo(expected, 10);
  });

  it("is NaN for an empty array, whatever p", () => {
    for (const p of [0, 0.25, 0.5, 1]) expect(quantileSorted([], p)).toBeNaN();
  });

  it("returns the extremes at p ≤ 0 and p ≥ 1 (and outside [0, 1])", () => {
    const xs = [3, 8, 13, 21];
    expect(quantileSorted(xs, 0)).toBe(3);
    expect(quantileSorted(xs, -0.5)).toBe(3);
    expect(quantileSorted(xs, 1)).toBe(21);
    expect(quantileSorted(xs, 1.5)).toBe(21);
  });

  it("hits each element exactly at p = k / (n − 1)", () => {
    const xs = [1, 4, 9, 16, 25];
    xs.forEach((x, k) => expect(quantileSorted(xs, k / (xs.length - 1))).toBe(x));
  });

  it("agrees with the textbook definition, is monotone in p and stays within the range (random arrays)", () => {
    const rand = rng(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = int(rand, 1, 30);
      const xs = Array.from({ length: n }, () => int(rand, -50, 200)).sort((a, b) => a - b);
      let previous = -Infinity;
      for (let i = 0; i <= 20; i++) {
        const p = i / 20;
        const q = quantileSorted(xs, p);
        // Type 7: 1-based position h = (n − 1)p + 1, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
        const h = (n - 1) * p + 1;
        const j = Math.floor(h);
        const lower = xs[j - 1]!;
        const upper = xs[Math.min(j, n - 1)]!;
        expect(q).toBeCloseTo(lower + (h - j) * (upper - lower), 9);
        expect(q).toBeGreaterThanOrEqual(previous - 1e-9);
        expect(q).toBeGreaterThanOrEqual(xs[0]!);
        expect(q).toBeLessThanOrEqual(xs[n - 1]!);
        previous = q;
      }
    }
  });
});

describe("spread", () => {
  it("is null for no values", () => {
    expect(spread([])).toBeNull();
  });

  it("sorts numerically (not as strings) and does not reorder its input", () => {
    const input = [10, 9, 100, 2];
    // Sorted: [2, 9, 10, 100]. As strings it would be [10, 100, 2, 9].
    expect(spread(input)).toEqual({ median: 9.5, p25: 7.25, p75: 32.5, n: 4 });
    expect(input).toEqual([10, 9, 100, 2]);
  });

  it("summarises one value as itself", () => {
    expect(spread([42])).toEqual({ median: 42, p25: 42, p75: 42, n: 1 });
  });

  it("gives the numpy quartiles of an odd-sized sample", () => {
    // numpy.percentile([5, 1, 4, 2, 3, 10, 8], [25, 50, 75]) = [2.5, 4, 6.5]
    expect(spread([5, 1, 4, 2, 3, 10, 8])).toEqual({ median: 4, p25: 2.5, p75: 6.5, n: 7 });
  });

  it("counts duplicates", () => {
    expect(spread([0, 0, 0, 30])).toEqual({ median: 0, p25: 0, p75: 7.5, n: 4 });
  });
});
