/**
 * The dashboard's two judgements, pure functions of lib/history/compare.ts: a wait against its
 * typical range (beyond the interquartile range AND at least VS_TYPICAL_MARGIN from the median),
 * and the 6-hour trend (a change of at least TREND_MARGIN), with their boundaries exactly at the
 * margins.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareToTypical, TREND_MARGIN, trendOf, VS_TYPICAL_MARGIN } from "@/lib/history/compare";

describe("the margins", () => {
  it("are the documented minutes", () => {
    expect(VS_TYPICAL_MARGIN).toBe(10);
    expect(TREND_MARGIN).toBe(15);
  });
});

describe("compareToTypical", () => {
  // A wide range: the quartiles are further from the median than the margin.
  const wide = { median: 30, p25: 15, p75: 50 };
  // A narrow range: the margin is further from the median than the quartiles.
  const narrow = { median: 30, p25: 25, p75: 35 };

  it("inside the interquartile range is normal, whatever the distance from the median", () => {
    for (const wait of [15, 20, 29, 30, 31, 45, 50]) expect(compareToTypical(wait, wide), String(wait)).toBe("normal");
  });

  it("exactly at a quartile is normal (the quartiles belong to the range)", () => {
    expect(compareToTypical(wide.p75, wide)).toBe("normal");
    expect(compareToTypical(wide.p25, wide)).toBe("normal");
    expect(compareToTypical(50.001, wide)).toBe("above");
    expect(compareToTypical(14.999, wide)).toBe("below");
  });

  it("beyond the quartiles, above needs at least the margin over the median", () => {
    expect(compareToTypical(36, narrow)).toBe("normal");
    expect(compareToTypical(30 + VS_TYPICAL_MARGIN - 1, narrow)).toBe("normal");
    expect(compareToTypical(30 + VS_TYPICAL_MARGIN - 0.001, narrow)).toBe("normal");
    expect(compareToTypical(30 + VS_TYPICAL_MARGIN, narrow)).toBe("above");
    expect(compareToTypical(30 + VS_TYPICAL_MARGIN + 1, narrow)).toBe("above");
    expect(compareToTypical(500, narrow)).toBe("above");
  });

  it("beyond the quartiles, below needs at least the margin under the median", () => {
    expect(compareToTypical(24, narrow)).toBe("normal");
    expect(compareToTypical(30 - VS_TYPICAL_MARGIN + 1, narrow)).toBe("normal");
    expect(compareToTypical(30 - VS_TYPICAL_MARGIN + 0.001, narrow)).toBe("normal");
    expect(compareToTypical(30 - VS_TYPICAL_MARGIN, narrow)).toBe("below");
    expect(compareToTypical(0, narrow)).toBe("below");
  });

  it("uses fractional medians as they are (type-7 quantiles give halves)", () => {
    const t = { median: 12.5, p25: 10, p75: 15 };
    expect(compareToTypical(22, t)).toBe("normal");
    expect(compareToTypical(22.5, t)).toBe("above");
    expect(compareToTypical(2.5, t)).toBe("below");
    expect(compareToTypical(3, t)).toBe("normal");
  });

  it("a flat typical (every sample the same) needs the margin either way", () => {
    const flat = { median: 20, p25: 20, p75: 20 };
    expect(compareToTypical(20, flat)).toBe("normal");
    expect(compareToTypical(29, flat)).toBe("normal");
    expect(compareToTypical(30, flat)).toBe("above");
    expect(compareToTypical(11, flat)).toBe("normal");
    expect(compareToTypical(10, flat)).toBe("below");
  });

  it("a zero wait against a zero typical is normal", () => {
    expect(compareToTypical(0, { median: 0, p25: 0, p75: 0 })).toBe("normal");
  });

  const spreadArb = fc
    .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }))
    .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number])
    .map(([p25, median, p75]) => ({ p25, median, p75 }));

  it("is monotonic in the wait: below, then normal, then above", () => {
    const rank = { below: 0, normal: 1, above: 2 } as const;
    fc.assert(
      fc.property(spreadArb, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 100 }), (t, wait, more) => {
        expect(rank[compareToTypical(wait + more, t)]).toBeGreaterThanOrEqual(rank[compareToTypical(wait, t)]);
      }),
      { seed: 4242, numRuns: 500 },
    );
  });

  it("never calls a wait within the margin of the median unusual, nor one inside the quartiles", () => {
    fc.assert(
      fc.property(spreadArb, fc.integer({ min: 0, max: 400 }), (t, wait) => {
        const verdict = compareToTypical(wait, t);
        if (Math.abs(wait - t.median) < VS_TYPICAL_MARGIN) expect(verdict).toBe("normal");
        if (wait >= t.p25 && wait <= t.p75) expect(verdict).toBe("normal");
        if (verdict === "above") expect(wait > t.p75 && wait - t.median >= VS_TYPICAL_MARGIN).toBe(true);
        if (verdict === "below") expect(wait < t.p25 && t.median - wait >= VS_TYPICAL_MARGIN).toBe(true);
        // And the converse: both conditions met is always a verdict.
        if (wait > t.p75 && wait - t.median >= VS_TYPICAL_MARGIN) expect(verdict).toBe("above");
        if (wait < t.p25 && t.median - wait >= VS_TYPICAL_MARGIN) expect(verdict).toBe("below");
      }),
      { seed: 777, numRuns: 1000 },
    );
  });
});

describe("trendOf", () => {
  it("needs two known values", () => {
    expect(trendOf([])).toBeNull();
    expect(trendOf([40])).toBeNull();
    expect(trendOf([null, null, null])).toBeNull();
    expect(trendOf([null, 40, null, null, null, null])).toBeNull();
    expect(trendOf([0, 0])).toBe("steady");
  });

  it("is rising or falling from exactly the margin", () => {
    expect(trendOf([10, 10 + TREND_MARGIN])).toBe("rising");
    expect(trendOf([10, 10 + TREND_MARGIN - 1])).toBe("steady");
    expect(trendOf([10, 10 + TREND_MARGIN - 0.001])).toBe("steady");
    expect(trendOf([10 + TREND_MARGIN, 10])).toBe("falling");
    expect(trendOf([10 + TREND_MARGIN - 1, 10])).toBe("steady");
    expect(trendOf([10 + TREND_MARGIN - 0.001, 10])).toBe("steady");
    expect(trendOf([0, 120])).toBe("rising");
    expect(trendOf([120, 0])).toBe("falling");
  });

  it("compares the oldest and newest known values only, skipping unknown hours", () => {
    // Six hourly values, oldest first, as the dashboard passes them.
    expect(trendOf([null, 20, 90, 5, 30, null])).toBe("steady");
    expect(trendOf([20, 0, 0, 0, 0, 35])).toBe("rising");
    expect(trendOf([null, null, 50, null, 35, null])).toBe("falling");
    expect(trendOf([null, null, 50, null, 36, null])).toBe("steady");
    expect(trendOf([5, 100, 100, 100, 100, 19])).toBe("steady");
  });

  it("depends only on the change between the ends (shifting every value changes nothing)", () => {
    const values = fc.array(fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }), { maxLength: 8 });
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 300 }), (vs, shift) => {
        const known = vs.filter((v): v is number => v !== null);
        const shifted = trendOf(vs.map((v) => (v === null ? null : v + shift)));
        expect(shifted).toBe(trendOf(vs));
        if (known.length < 2) expect(shifted).toBeNull();
        else {
          const change = known.at(-1)! - known[0]!;
          expect(shifted).toBe(change >= TREND_MARGIN ? "rising" : change <= -TREND_MARGIN ? "falling" : "steady");
        }
      }),
      { seed: 99, numRuns: 500 },
    );
  });
});
