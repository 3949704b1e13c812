/**
 * Typical waits, the forecast formula, its fitting and the backtest on synthetic lanes whose
 * right answers are known: weekly patterns that repeat exactly, a reading placed exactly at the
 * forecast time, and futures replaced by noise that nothing may look at.
 */
import { describe, expect, it } from "vitest";
import {
  actualAt,
  backtest,
  BACKTEST_HORIZONS,
  collectCases,
  currentBefore,
  DEFAULT_MODEL,
  FIT_WEEKS,
  fitBlend,
  fitForecast,
  fitForecastSteps,
  FORECAST_HOURS,
  levelAt,
  LEVEL_WEEKS_CHOICES,
  MIN_TYPICAL_SAMPLES,
  predict,
  runToEnd,
  runYielding,
  typicalAt,
  typicalWeek,
  TYPICAL_WEEKS,
  type BacktestCase,
  type Blend,
  verdictOf,
} from "@/lib/history/forecast";
import { bucketOf, DAY_S, HOUR_S, WEEK_S, type HistoryReading } from "@/lib/history/series";
import { at, closed, hourlyReadings, int, LA, lane, reading, rng } from "./support";

/** Monday 2025-01-06 00:00 UTC: bucket 24 in UTC. */
const T0 = at("2025-01-06T00:00:00Z");
const weekday = (t: number) => Math.floor(bucketOf(t, "UTC") / 24);
const hourOfDay = (t: number) => bucketOf(t, "UTC") % 24;

describe("constants", () => {
  it("are the documented ones", () => {
    expect({ TYPICAL_WEEKS, MIN_TYPICAL_SAMPLES, FORECAST_HOURS, FIT_WEEKS }).toEqual({
      TYPICAL_WEEKS: 8,
      MIN_TYPICAL_SAMPLES: 3,
      FORECAST_HOURS: 12,
      FIT_WEEKS: 16,
    });
    expect(BACKTEST_HORIZONS).toEqual([1, 2, 3, 6, 12]);
    expect(LEVEL_WEEKS_CHOICES).toEqual([8, 12]);
  });

  it("DEFAULT_MODEL keeps more of today's gap near and follows the usual level far ahead", () => {
    expect(DEFAULT_MODEL.levelWeeks).toBe(12);
    const blends = Array.from({ length: 12 }, (_, i) => DEFAULT_MODEL.blends[i + 1]!);
    for (const [i, b] of blends.entries()) {
      expect(b.shape).toBeGreaterThanOrEqual(0);
      expect(b.persistence).toBeLessThanOrEqual(1);
      if (i > 0) {
        expect(b.persistence).toBeLessThanOrEqual(blends[i - 1]!.persistence);
        expect(b.shape).toBeGreaterThanOrEqual(blends[i - 1]!.shape);
      }
    }
    expect(blends[0]!.persistence).toBeGreaterThan(0.5);
    expect(blends[11]).toEqual({ shape: 1, persistence: 0 });
  });
});

describe("predict", () => {
  const inputs = { current: 30, levelNow: 20, levelThen: 40 };

  it.each([
    // current + shape·(levelThen − levelNow) − (1 − persistence)·(current − levelNow)
    [{ shape: 1, persistence: 0.5 }, 45], // 30 + 20 − 5
    [{ shape: 0, persistence: 1 }, 30], // the current wait persists
    [{ shape: 1, persistence: 0 }, 40], // the usual level then
    [{ shape: 0.3, persistence: 0.2 }, 28], // 30 + 6 − 8
    [{ shape: 0, persistence: 0 }, 20], // the usual level now
    [{ shape: 0.5, persistence: 0.5 }, 35], // 30 + 10 − 5
  ])("blends %j to %d minutes", (blend, minutes) => {
    expect(predict(inputs, blend)).toEqual({ minutes, basis: "blend" });
  });

  it("rounds to whole minutes, halves up", () => {
    const flat = { current: 10, levelNow: 10 };
    expect(predict({ ...flat, levelThen: 13 }, { shape: 0.5, persistence: 1 })?.minutes).toBe(12); // 11.5
    expect(predict({ ...flat, levelThen: 11 }, { shape: 0.5, persistence: 1 })?.minutes).toBe(11); // 10.5
    expect(predict({ ...flat, levelThen: 12 }, { shape: 0.3, persistence: 1 })?.minutes).toBe(11); // 10.6
    expect(predict({ ...flat, levelThen: 12 }, { shape: 0.1, persistence: 1 })?.minutes).toBe(10); // 10.2
  });

  it("never goes below zero (and never returns −0)", () => {
    expect(predict({ current: 5, levelNow: 50, levelThen: 0 }, { shape: 1, persistence: 1 })).toEqual({ minutes: 0, basis: "blend" });
    // −0.4 rounds to −0, which must come out as a plain 0.
    const r = predict({ current: 0, levelNow: 0.8, levelThen: 0.4 }, { shape: 1, persistence: 1 });
    expect(Object.is(r?.minutes, 0)).toBe(true);
  });

  it("falls back to the usual level when there is no current wait, or no usual level now", () => {
    const blend = { shape: 0.7, persistence: 0.1 };
    expect(predict({ current: null, levelNow: 20, levelThen: 37.4 }, blend)).toEqual({ minutes: 37, basis: "usual" });
    expect(predict({ current: null, levelNow: null, levelThen: 12.5 }, blend)).toEqual({ minutes: 13, basis: "usual" });
    expect(predict({ current: 30, levelNow: null, levelThen: 40 }, blend)).toEqual({ minutes: 40, basis: "usual" });
  });

  it("falls back to the current wait when there is no usual level then", () => {
    const blend = { shape: 0.7, persistence: 0.1 };
    expect(predict({ current: 30, levelNow: 20, levelThen: null }, blend)).toEqual({ minutes: 30, basis: "current" });
    expect(predict({ current: 7, levelNow: null, levelThen: null }, blend)).toEqual({ minutes: 7, basis: "current" });
  });

  it("is null when there is nothing to go on", () => {
    expect(predict({ current: null, levelNow: null, levelThen: null }, DEFAULT_MODEL.blends[1]!)).toBeNull();
    expect(predict({ current: null, levelNow: 20, levelThen: null }, DEFAULT_MODEL.blends[1]!)).toBeNull();
  });

  it("equals persistence·current + (1 − persistence)·levelNow + shape·(levelThen − levelNow), rounded and floored at 0 (random inputs)", () => {
    const rand = rng(3);
    for (let i = 0; i < 2000; i++) {
      const c = { current: int(rand, 0, 180), levelNow: int(rand, 0, 1800) / 10, levelThen: int(rand, 0, 1800) / 10 };
      const b = { shape: int(rand, 0, 10) / 10, persistence: int(rand, 0, 10) / 10 };
      const exact = b.persistence * c.current + (1 - b.persistence) * c.levelNow + b.shape * (c.levelThen - c.levelNow);
      const got = predict(c, b)!.minutes;
      expect(Number.isInteger(got)).toBe(true);
      expect(got).toBeGreaterThanOrEqual(0);
      expect(Math.abs(got - Math.max(0, exact))).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });
});

describe("typicalAt", () => {
  // Ten weeks of hourly readings; every hour of week w (0-based) reads w + 1 minutes.
  const weeks = lane(
    hourlyReadings(T0, 10 * 168, (_, k) => Math.floor(k / 168) + 1),
    T0 + 10 * WEEK_S,
  );

  it("summarises the last TYPICAL_WEEKS weeks of one weekday-hour", () => {
    expect(typicalAt(weeks, 24, T0 + 10 * WEEK_S)).toEqual({ median: 6.5, p25: 4.75, p75: 8.25, n: 8 }); // weeks 3 … 10
    expect(typicalAt(weeks, 24 + 13, T0 + 10 * WEEK_S)).toEqual({ median: 6.5, p25: 4.75, p75: 8.25, n: 8 });
  });

  it("counts a sample at cutoff − weeks but not one at the cutoff", () => {
    // Samples of Monday 0 h sit exactly at T0 + k weeks.
    expect(typicalAt(weeks, 24, T0 + 9 * WEEK_S)?.median).toBe(5.5); // weeks 2 … 9 (k = 1 … 8)
    expect(typicalAt(weeks, 24, T0 + 9 * WEEK_S + 1)?.median).toBe(6.5); // weeks 3 … 10
  });

  it("needs MIN_TYPICAL_SAMPLES open samples", () => {
    expect(typicalAt(weeks, 24, T0 + 2 * WEEK_S)).toBeNull(); // two samples
    expect(typicalAt(weeks, 24, T0 + 2 * WEEK_S + 1)).toEqual({ median: 2, p25: 1.5, p75: 2.5, n: 3 });
    expect(typicalAt(weeks, 24, T0)).toBeNull();
  });

  it("takes the window length it is given, whatever it asked before (the memo is keyed by the samples)", () => {
    const cutoff = T0 + 10 * WEEK_S;
    const fresh = lane(weeks.readings, cutoff);
    expect(typicalAt(fresh, 24, cutoff, 2)).toBeNull();
    expect(typicalAt(fresh, 24, cutoff, 3)).toEqual({ median: 9, p25: 8.5, p75: 9.5, n: 3 });
    expect(typicalAt(fresh, 24, cutoff)?.n).toBe(8);
    expect(typicalAt(fresh, 24, cutoff, 2)).toBeNull();
    expect(typicalAt(fresh, 24, cutoff, 20)?.n).toBe(10);
  });

  it("leaves closed hours out of the count", () => {
    const someClosed = lane(
      hourlyReadings(T0, 4 * 168, (_, k) => (k % 168 === 0 && k > 0 ? null : 10)),
      T0 + 4 * WEEK_S,
    );
    // Monday 0 h was open in week 1 only.
    expect(typicalAt(someClosed, 24, T0 + 4 * WEEK_S)).toBeNull();
    expect(typicalAt(someClosed, 25, T0 + 4 * WEEK_S)?.n).toBe(4);
  });
});

describe("levelAt and typicalWeek", () => {
  // Three weeks; the wait is weekday·100 + hour, and Tuesday 10 h (bucket 58) is always closed.
  const value = (t: number) => (bucketOf(t, "UTC") === 58 ? null : weekday(t) * 100 + hourOfDay(t));
  const hours = lane(hourlyReadings(T0, 3 * 168, (t) => value(t)), T0 + 3 * WEEK_S);
  const cutoff = T0 + 3 * WEEK_S;

  it("pools the hour and the hours either side of it, same weekday", () => {
    expect(levelAt(hours, 24 + 5, cutoff, 8)).toEqual({ median: 105, p25: 104, p75: 106, n: 9 });
  });

  it("does not wrap into the neighbouring day at midnight", () => {
    // Monday 0 h: Monday 0 and 1 h only, not Sunday 23 h (23).
    expect(levelAt(hours, 24, cutoff, 8)).toEqual({ median: 100.5, p25: 100, p75: 101, n: 6 });
    // Sunday 23 h: Sunday 22 and 23 h, not Monday 0 h (100).
    expect(levelAt(hours, 23, cutoff, 8)).toEqual({ median: 22.5, p25: 22, p75: 23, n: 6 });
    expect(levelAt(hours, 0, cutoff, 8)?.median).toBe(0.5);
    expect(levelAt(hours, 167, cutoff, 8)?.median).toBe(622.5);
  });

  it("needs MIN_TYPICAL_SAMPLES per pooled hour, counted over the pool", () => {
    // Tuesday 9 h: 8 h and 9 h have three samples each, 10 h none: 6 < 9.
    expect(levelAt(hours, 48 + 9, cutoff, 8)).toBeNull();
    expect(typicalAt(hours, 48 + 9, cutoff)).toEqual({ median: 209, p25: 209, p75: 209, n: 3 });
    // Monday 5 h with only two weeks behind the cutoff: 6 < 9.
    expect(levelAt(hours, 29, T0 + 2 * WEEK_S + 1, 8)).toBeNull();
    // Monday 0 h pools two hours: 6 samples suffice, 5 do not.
    expect(levelAt(hours, 24, T0 + 2 * WEEK_S + HOUR_S + 1, 8)?.n).toBe(6);
    expect(levelAt(hours, 24, T0 + 2 * WEEK_S + HOUR_S, 8)).toBeNull();
  });

  it("respects its window of weeks", () => {
    expect(levelAt(hours, 29, cutoff, 3)?.n).toBe(9);
    expect(levelAt(hours, 29, cutoff, 2)).toBeNull();
  });

  it("typicalWeek is the 168 typical values, Sunday 0 h first", () => {
    const week = typicalWeek(hours, cutoff);
    expect(week).toHaveLength(168);
    week.forEach((s, b) => {
      expect(s).toEqual(typicalAt(hours, b, cutoff));
      if (b === 58) expect(s).toBeNull();
      else expect(s).toEqual({ median: Math.floor(b / 24) * 100 + (b % 24), p25: expect.any(Number), p75: expect.any(Number), n: 3 });
    });
    expect(typicalWeek(hours, T0).every((s) => s === null)).toBe(true);
    expect(typicalWeek(hours, cutoff, 2).every((s) => s === null)).toBe(true);
  });
});

describe("currentBefore and actualAt", () => {
  const T = at("2025-06-02T15:00:00Z");
  const l = lane([reading(T - 30 * 60, 5), reading(T, 10), reading(T + HOUR_S, 20), closed(T + 2 * HOUR_S)], T + 3 * HOUR_S);

  it("currentBefore uses only readings strictly before t", () => {
    expect(currentBefore(l, T)).toEqual({ wait: 5, observedAt: T - 30 * 60 });
    expect(currentBefore(l, T + 1)).toEqual({ wait: 10, observedAt: T });
    expect(currentBefore(l, T + HOUR_S)).toEqual({ wait: 10, observedAt: T });
    expect(currentBefore(l, T + HOUR_S + 1)).toEqual({ wait: 20, observedAt: T + HOUR_S });
    expect(currentBefore(l, T + 2 * HOUR_S)).toEqual({ wait: 20, observedAt: T + HOUR_S });
    expect(currentBefore(l, T + 2 * HOUR_S + 1)).toBeNull(); // closed
    expect(currentBefore(l, T - 30 * 60)).toBeNull();
  });

  it("actualAt uses the reading at or before t", () => {
    expect(actualAt(l, T)).toBe(10);
    expect(actualAt(l, T + HOUR_S)).toBe(20);
    expect(actualAt(l, T + 2 * HOUR_S)).toBeNull();
    expect(actualAt(l, T - 30 * 60 - 1)).toBeNull();
  });

  it("both drop a reading once it is two hours old", () => {
    const single = lane([reading(T, 10)], T + 3 * HOUR_S);
    expect(currentBefore(single, T + 2 * HOUR_S)).toEqual({ wait: 10, observedAt: T }); // sees T + 2h − 1 s
    expect(currentBefore(single, T + 2 * HOUR_S + 1)).toBeNull();
    expect(actualAt(single, T + 2 * HOUR_S - 1)).toBe(10);
    expect(actualAt(single, T + 2 * HOUR_S)).toBeNull();
  });
});

describe("collectCases", () => {
  // Four weeks of hourly readings; the wait is 10 + the hour of the day.
  const base = (t: number) => 10 + hourOfDay(t);
  /** Monday 10 h of the fourth week: three earlier Mondays to learn from. */
  const T = T0 + 3 * WEEK_S + 10 * HOUR_S;
  const regular = hourlyReadings(T0, 4 * 168, (t) => base(t));
  /** The same history with the reading taken exactly at T saying 777. */
  const withReadingAtT = regular.map((r) => (r.observedAt === T ? reading(T, 777) : r));
  const until = T0 + 4 * WEEK_S;

  it("builds a case from the reading before t, the usual levels and typical before t, and the reading at the target", () => {
    const cases = collectCases(lane(withReadingAtT, until), T, T + 1, [1, 2], 3);
    expect([...cases.keys()]).toEqual([1, 2]);
    // The 777 reading taken at T is not the current wait at T: the 9 h reading (19) is.
    expect(cases.get(1)).toEqual([{ current: 19, levelNow: 19, levelThen: 21, typicalThen: 21, actual: 21 }]);
    expect(cases.get(2)).toEqual([{ current: 19, levelNow: 19, levelThen: 22, typicalThen: 22, actual: 22 }]);
    // One hour later the 777 reading is the current wait, and the sample it made at T counts in the level now.
    const later = collectCases(lane(withReadingAtT, until), T + HOUR_S, T + HOUR_S + 1, [1], 3).get(1)!;
    expect(later).toHaveLength(1);
    expect(later[0]!.current).toBe(777);
  });

  it("looks at nothing at or after t but the targets: futures replaced by noise give the same inputs", () => {
    const rand = rng(99);
    for (const t of [T, T + 5 * HOUR_S, T + 14 * HOUR_S, T0 + 3 * WEEK_S + 5 * DAY_S + 23 * HOUR_S]) {
      const noisy = regular.map((r) => (r.observedAt >= t ? reading(r.observedAt, int(rand, 200, 400)) : r));
      const a = collectCases(lane(regular, until), t, t + 1, [1, 3, 6, 12], 3);
      const b = collectCases(lane(noisy, until), t, t + 1, [1, 3, 6, 12], 3);
      for (const h of [1, 3, 6, 12]) {
        const [ca] = a.get(h)!;
        const [cb] = b.get(h)!;
        expect(ca).toBeDefined();
        expect(cb).toBeDefined();
        const { actual: actualA, ...inputsA } = ca!;
        const { actual: actualB, ...inputsB } = cb!;
        expect(inputsB).toEqual(inputsA);
        expect(actualA).toBe(base(t + h * HOUR_S));
        expect(actualB).toBeGreaterThanOrEqual(200); // the target itself is the noise
      }
    }
  });

  it("steps over whole hours in [from, to)", () => {
    const l = lane(regular, until);
    expect(collectCases(l, T - 1, T + 1, [1], 3).get(1)).toHaveLength(1); // t = T
    expect(collectCases(l, T + 1, T + HOUR_S, [1], 3).get(1)).toHaveLength(0); // the next hour is T + 1 h, not before `to`
    expect(collectCases(l, T, T + 3 * HOUR_S, [1], 3).get(1)).toHaveLength(3);
  });

  it("leaves out targets at or after targetsBefore", () => {
    const cases = collectCases(lane(regular, until), T, T + 1, [1, 2, 3], 3, T + 2 * HOUR_S);
    expect([1, 2, 3].map((h) => cases.get(h)!.length)).toEqual([1, 0, 0]);
  });

  it("needs an open current wait, usual levels and typical values, and an open target", () => {
    const closedTarget = regular.map((r) => (r.observedAt === T + 2 * HOUR_S ? closed(r.observedAt) : r));
    const a = collectCases(lane(closedTarget, until), T, T + 1, [1, 2, 3], 3);
    expect([1, 2, 3].map((h) => a.get(h)!.length)).toEqual([1, 0, 1]);

    const closedNow = regular.map((r) => (r.observedAt === T - HOUR_S ? closed(r.observedAt) : r));
    const b = collectCases(lane(closedNow, until), T, T + 1, [1, 2, 3], 3);
    expect([1, 2, 3].map((h) => b.get(h)!.length)).toEqual([0, 0, 0]);

    // Two weeks of levels pool only 6 samples: no usual level, no cases.
    const c = collectCases(lane(regular, until), T, T + 1, [1, 2, 3], 2);
    expect([1, 2, 3].map((h) => c.get(h)!.length)).toEqual([0, 0, 0]);
  });
});

describe("fitBlend", () => {
  const GRID = Array.from({ length: 11 }, (_, i) => i / 10);
  const randomCases = (seed: number, n: number, blend?: Blend): BacktestCase[] => {
    const rand = rng(seed);
    return Array.from({ length: n }, () => {
      const c = { current: int(rand, 0, 120), levelNow: int(rand, 0, 120), levelThen: int(rand, 0, 120), typicalThen: 0 };
      return { ...c, actual: blend ? predict(c, blend)!.minutes : int(rand, 0, 120) };
    });
  };
  const totalError = (cases: readonly BacktestCase[], b: Blend) => cases.reduce((e, c) => e + Math.abs(predict(c, b)!.minutes - c.actual), 0);

  it.each([
    { shape: 0.3, persistence: 0.7 },
    { shape: 0, persistence: 0.2 },
    { shape: 1, persistence: 1 },
    { shape: 0.8, persistence: 0 },
    { shape: 0.5, persistence: 0.5 },
    { shape: 0, persistence: 1 },
  ])("recovers %j when the actual waits were made by it", (truth) => {
    const fit = fitBlend(randomCases(42, 200, truth));
    expect(fit).toEqual({ blend: truth, error: 0 });
  });

  it("finds the grid blend with the least total error on noisy cases", () => {
    for (const seed of [1, 2, 3]) {
      const cases = randomCases(seed, 150);
      const errors = GRID.flatMap((shape) => GRID.map((persistence) => totalError(cases, { shape, persistence })));
      const fit = fitBlend(cases);
      expect(fit.error).toBe(Math.min(...errors));
      expect(totalError(cases, fit.blend)).toBe(fit.error);
    }
  });

  it("reports the total, not the mean, error", () => {
    const c = { current: 10, levelNow: 10, levelThen: 10, typicalThen: 10, actual: 14 };
    expect(fitBlend([c, c])).toEqual({ blend: { shape: 0, persistence: 1 }, error: 8 });
  });

  it("breaks ties towards less shape and more persistence", () => {
    expect(fitBlend([])).toEqual({ blend: { shape: 0, persistence: 1 }, error: 0 });
    // No usual change between now and then: any shape fits as well; the least is chosen.
    const flat = randomCases(5, 100, { shape: 0, persistence: 0.4 }).map((c) => ({ ...c, levelThen: c.levelNow }));
    const flatTruth = flat.map((c) => ({ ...c, actual: predict(c, { shape: 0.6, persistence: 0.4 })!.minutes }));
    expect(fitBlend(flatTruth)).toEqual({ blend: { shape: 0, persistence: 0.4 }, error: 0 });
    // Today at its usual level: any persistence fits as well; the most is chosen.
    const usual = randomCases(6, 100).map((c) => ({ ...c, current: c.levelNow }));
    const usualTruth = usual.map((c) => ({ ...c, actual: predict(c, { shape: 0.6, persistence: 0.1 })!.minutes }));
    expect(fitBlend(usualTruth)).toEqual({ blend: { shape: 0.6, persistence: 1 }, error: 0 });
  });
});

/** A different wait for each weekday, the same all day: levels are exact and day changes are the only changes. */
const DAILY = [30, 5, 12, 50, 20, 8, 40];
const daily = (t: number) => DAILY[weekday(t)]!;

describe("fitForecast", () => {
  // Fitting starts once the longest level window (12 weeks) has history behind it.
  const until = T0 + 14 * WEEK_S;
  const history = hourlyReadings(T0, 14 * 168 + 24, (t) => daily(t));

  it("falls back to DEFAULT_MODEL without history", () => {
    expect(fitForecast([], until)).toEqual(DEFAULT_MODEL);
    // Four weeks are not enough for eight weeks of usual levels.
    expect(fitForecast([lane(history.filter((r) => r.observedAt < T0 + 4 * WEEK_S), until)], until)).toEqual(DEFAULT_MODEL);
    // Closed all along.
    expect(fitForecast([lane(history.map((r) => closed(r.observedAt)), until)], until)).toEqual(DEFAULT_MODEL);
  });

  it("learns 'follow the usual shape' on a lane whose waits only change with the weekday", () => {
    const model = fitForecast([lane(history, until)], until);
    // With levels exact, shape 1 makes no error; persistence never matters (today sits at its level), and ties keep the most.
    expect(model).toEqual({
      levelWeeks: 8,
      blends: Object.fromEntries(Array.from({ length: FORECAST_HOURS }, (_, i) => [i + 1, { shape: 1, persistence: 1 }])),
    });
  });

  it("keeps the shorter level window when the longer one does no better", () => {
    // Twenty weeks: both windows have cases at every horizon and both levels are exact.
    const long = hourlyReadings(T0, 20 * 168 + 24, (t) => daily(t));
    const end = T0 + 20 * WEEK_S;
    expect(fitForecast([lane(long, end)], end)).toEqual(fitForecast([lane(history, until)], until));
    expect(fitForecast([lane(long, end)], end).levelWeeks).toBe(8);
  });

  it("ignores everything at or after `until`", () => {
    const rand = rng(8);
    const noisyFuture = history.map((r) => (r.observedAt >= until ? reading(r.observedAt, int(rand, 0, 300)) : r));
    const noisyLane = lane(noisyFuture, until + DAY_S);
    expect(fitForecast([noisyLane], until)).toEqual(fitForecast([lane(history, until)], until));
    // The check can fail: fitting a day later does see the noise.
    expect(fitForecast([noisyLane], until + DAY_S)).not.toEqual(fitForecast([lane(history, until + DAY_S)], until + DAY_S));
  });

  it("scores only targets before `until`, and keeps the default blend for a horizon with fewer than MIN_FIT_CASES cases", () => {
    // Twelve weeks of levels behind the first fitting point, readings for a day after `until`.
    const short = T0 + 12 * WEEK_S + 3 * HOUR_S;
    expect(fitForecast([lane(history, short)], short)).toEqual(DEFAULT_MODEL);
    // A day later: about 24 cases per horizon, still too few to learn from.
    expect(fitForecast([lane(history, short + DAY_S)], short + DAY_S)).toEqual(DEFAULT_MODEL);
    // A week later every horizon has more than MIN_FIT_CASES cases, and the fit moves off the default.
    const week = short + 7 * DAY_S;
    const fitted = fitForecast([lane(history, week)], week);
    expect(fitted).not.toEqual(DEFAULT_MODEL);
    expect(Object.values(fitted.blends).filter((b, i) => JSON.stringify(b) !== JSON.stringify(DEFAULT_MODEL.blends[i + 1])).length).toBeGreaterThan(0);
  });

  it("gives the same model run straight through or between turns of the event loop", async () => {
    const l = lane(history, until);
    const straight = fitForecast([l], until);
    expect(await runYielding(fitForecastSteps([lane(history, until)], until))).toEqual(straight);
    expect(runToEnd(fitForecastSteps([l], until))).toEqual(straight);
  });
});

describe("backtest on synthetic lanes", () => {
  const from = T0 + 13 * WEEK_S;
  const to = T0 + 14 * WEEK_S;
  /** Readings from T0 to 13 hours past `to`, so that every 12-hour target has its truth. */
  const readingsOf = (value: (t: number) => number | null) => hourlyReadings(T0, 14 * 168 + 13, value);

  /** MAE of "the current wait persists" computed straight from the pattern: readings are hourly, so the current wait at t is the value at t − 1 h. */
  function persistenceMae(value: (t: number) => number, h: number): number {
    let sum = 0;
    let n = 0;
    for (let t = from; t < to; t += HOUR_S) {
      sum += Math.abs(value(t - HOUR_S) - value(t + h * HOUR_S));
      n++;
    }
    return Math.round((sum / n) * 100) / 100;
  }

  it("with waits that change only with the weekday, the typical baseline and the forecast are exact", () => {
    const { result, model } = backtest([lane(readingsOf(daily), to)], from, to);
    expect(model.blends[1]).toEqual({ shape: 1, persistence: 1 });
    expect(Object.keys(result.forecast)).toEqual(BACKTEST_HORIZONS.map(String));
    for (const h of BACKTEST_HORIZONS) {
      expect(result.forecast[h]).toEqual({ mae: 0, n: 168 });
      expect(result.typical[h]).toEqual({ mae: 0, n: 168 });
      expect(result.persistence[h]).toEqual({ mae: persistenceMae(daily, h), n: 168 });
      expect(result.persistence[h]!.mae).toBeGreaterThan(0);
    }
  });

  it("with a weekly pattern that varies by the hour, the typical baseline is exact and the forecast stays finite", () => {
    const hourly = (t: number) => 5 + ((bucketOf(t, "UTC") * 37) % 60);
    const { result } = backtest([lane(readingsOf(hourly), to)], from, to);
    for (const h of BACKTEST_HORIZONS) {
      expect(result.typical[h]).toEqual({ mae: 0, n: 168 });
      expect(result.persistence[h]).toEqual({ mae: persistenceMae(hourly, h), n: 168 });
      expect(result.forecast[h]!.n).toBe(168);
      expect(Number.isFinite(result.forecast[h]!.mae)).toBe(true);
    }
  });

  it("pools lanes, scores only open targets and honours the horizons it is given", () => {
    // Closed every night from 0 to 5 h: no case targets those hours, and no case starts from a closed current wait.
    const nightly = (t: number) => (hourOfDay(t) < 6 ? null : daily(t));
    const { result } = backtest([lane(readingsOf(daily), to, "UTC", "a"), lane(readingsOf(nightly), to, "UTC", "b")], from, to, [1, 4]);
    expect(Object.keys(result.forecast)).toEqual(["1", "4"]);
    // Lane b: a case starts at t when the reading at t − 1 h was open (t at 7 … 23 h or 0 h) and its target is open.
    const starts = [0, ...Array.from({ length: 17 }, (_, i) => i + 7)]; // 0 h reads the 23 h wait
    const openCases = (h: number) => 7 * starts.filter((hr) => (hr + h) % 24 >= 6).length;
    expect(result.forecast[1]!.n).toBe(168 + openCases(1));
    expect(result.forecast[4]!.n).toBe(168 + openCases(4));
    expect(result.typical[4]).toEqual({ mae: 0, n: result.forecast[4]!.n });
  });

  it("scores the typical baseline on the typical median rounded to whole minutes", () => {
    // Even weeks read 10 minutes, odd weeks 11: every typical median over 8 weeks is 10.5, quoted as 11.
    const alternating = (t: number) => 10 + (Math.floor((t - T0) / WEEK_S) % 2);
    const { result } = backtest([lane(readingsOf(alternating), to)], from, to);
    for (const h of BACKTEST_HORIZONS) {
      let sum = 0;
      for (let t = from; t < to; t += HOUR_S) sum += Math.abs(11 - alternating(t + h * HOUR_S));
      expect(result.typical[h]).toEqual({ mae: Math.round((sum / 168) * 100) / 100, n: 168 });
    }
    // Week 12 (index 11) is odd: only the targets that spill into week 13 read 10.
    expect(result.typical[1]!.mae).toBe(Math.round((1 / 168) * 100) / 100);
  });

  it("scores nothing without lanes", () => {
    const { result, model } = backtest([], from, to);
    expect(model).toEqual(DEFAULT_MODEL);
    for (const h of BACKTEST_HORIZONS) {
      for (const method of [result.forecast, result.persistence, result.typical]) expect(method[h]).toEqual({ mae: 0, n: 0 });
    }
  });

  it.each([
    ["spring-forward", "2025-03-05T08:00:00Z", "2025-03-12T07:00:00Z", 7 * 24 - 1], // Sunday 2025-03-09 has 23 hours
    ["fall-back", "2025-10-29T07:00:00Z", "2025-11-05T08:00:00Z", 7 * 24 + 1], // Sunday 2025-11-02 has 25 hours
  ])("keeps the typical baseline exact across the %s change when the pattern follows Los Angeles wall time", (_, fromIso, toIso, points) => {
    const local = (t: number) => 5 + ((bucketOf(t, LA) * 37) % 60);
    const laFrom = at(fromIso);
    const laTo = at(toIso);
    const start = laFrom - 12 * WEEK_S;
    const readings: HistoryReading[] = hourlyReadings(start, (laTo + 13 * HOUR_S - start) / HOUR_S, (t) => local(t));
    const { result } = backtest([lane(readings, laTo, LA)], laFrom, laTo);
    expect((laTo - laFrom) / HOUR_S).toBe(points);
    for (const h of BACKTEST_HORIZONS) expect(result.typical[h]).toEqual({ mae: 0, n: points });
  });
});

describe("verdictOf", () => {
  const s = (mae: number, n = 10) => ({ mae, n });
  it("sorts the scored horizons by whether the forecast was at least as accurate as both baselines (ties count for it)", () => {
    const result = {
      forecast: { 1: s(10), 2: s(12), 3: s(13), 6: s(99, 0), 12: s(15) },
      persistence: { 1: s(9), 2: s(12), 3: s(18), 6: s(5, 0), 12: s(30) },
      typical: { 1: s(14), 2: s(14), 3: s(14), 6: s(5, 0), 12: s(14.9) },
    };
    expect(verdictOf(result)).toEqual({ atLeastAsGood: [2, 3], worse: [1, 12] });
  });
});
