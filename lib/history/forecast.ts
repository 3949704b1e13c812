/**
 * "Typical" waits, the 12-hour forecast and its backtest. Pure functions over lane histories.
 *
 * Typical: for a lane, a weekday and an hour (in the port's time zone), the median and the
 * 25th–75th percentiles of the open waits in effect at that hour over the last TYPICAL_WEEKS
 * weeks.
 *
 * Forecast, h hours ahead. First a steadier "usual level" for an hour: the median of the same
 * weekday at that hour and the hours on either side, over the last `weeks` weeks (three times
 * the samples of one hour, so one odd week moves it less). Then, from the wait in effect now:
 *
 *   forecast = current + shape·(levelThen − levelNow) − (1 − persistence)·(current − levelNow)
 *
 * In words: start from today's wait, follow `shape` of the usual change between now and then,
 * and let today's gap from the usual level fade to `persistence` of itself. shape = 0 and
 * persistence = 1 is "the current wait persists". The window and the two numbers per horizon
 * are fitted on earlier history only (fitForecast).
 */
import type { BacktestResult, ForecastModel } from "./schemas";
import { spread, type Spread } from "./stats";
import {
  bucketOf,
  bucketRange,
  HOUR_S,
  hourlySeries,
  rangeValues,
  readingInEffect,
  WEEK_S,
  type HistoryReading,
  type HourlySeries,
} from "./series";

export const TYPICAL_WEEKS = 8;
/** Fewer samples than this and we do not call anything typical. */
export const MIN_TYPICAL_SAMPLES = 3;
export const FORECAST_HOURS = 12;
export const BACKTEST_HORIZONS = [1, 2, 3, 6, 12] as const;
/** Training looks at most this far back from its end. */
export const FIT_WEEKS = 16;
/** Windows of the forecast's usual level that training chooses from. */
export const LEVEL_WEEKS_CHOICES = [8, 12] as const;
/** A horizon with fewer training cases than this keeps the default blend. */
export const MIN_FIT_CASES = 100;

export interface LaneHistory {
  /** Stable id, e.g. "250401/passenger/standard". */
  key: string;
  timeZone: string;
  /** Sorted by observedAt. */
  readings: readonly HistoryReading[];
  series: HourlySeries;
  /** Typical and level summaries change only when a week's sample enters or leaves the window. */
  memo: Map<string, Spread | null>;
}

/** Hourly samples from the first reading to `until` plus the forecast horizon. */
export function laneHistory(key: string, timeZone: string, readings: readonly HistoryReading[], until: number): LaneHistory {
  const start = readings.length > 0 ? Math.min(readings[0]!.observedAt, until) : until;
  return {
    key,
    timeZone,
    readings,
    series: hourlySeries(readings, start, until + (FORECAST_HOURS + 1) * HOUR_S, timeZone),
    memo: new Map(),
  };
}

/** The typical wait of one weekday-hour bucket from samples taken in the `weeks` weeks before `cutoff`. */
export function typicalAt(lane: LaneHistory, bucket: number, cutoff: number, weeks = TYPICAL_WEEKS): Spread | null {
  return summary(lane, [bucket], cutoff, weeks);
}

/** The forecast's usual level: the bucket and the hours either side of it, same weekday. */
export function levelAt(lane: LaneHistory, bucket: number, cutoff: number, weeks: number): Spread | null {
  const day = bucket - (bucket % 24);
  const hours = [bucket - 1, bucket, bucket + 1].filter((b) => b >= day && b < day + 24);
  return summary(lane, hours, cutoff, weeks);
}

function summary(lane: LaneHistory, buckets: readonly number[], cutoff: number, weeks: number): Spread | null {
  const from = cutoff - weeks * WEEK_S;
  const ranges = buckets.map((b) => bucketRange(lane.series, b, from, cutoff));
  const key = buckets.map((b, i) => `${b}:${ranges[i]![0]}:${ranges[i]![1]}`).join("|");
  if (lane.memo.has(key)) return lane.memo.get(key)!;
  const values: number[] = [];
  buckets.forEach((b, i) => rangeValues(lane.series, b, ranges[i]!, values));
  const s = spread(values);
  const out = s && s.n >= MIN_TYPICAL_SAMPLES * buckets.length ? s : null;
  lane.memo.set(key, out);
  return out;
}

/** How many open waits were sampled in this bucket over the window: 0 for an hour the lane is always closed. */
export function openSamplesAt(lane: LaneHistory, bucket: number, cutoff: number, weeks: number): number {
  return rangeValues(lane.series, bucket, bucketRange(lane.series, bucket, cutoff - weeks * WEEK_S, cutoff)).length;
}

/** The 7 × 24 typical table (index weekday·24 + hour, Sunday first) from samples before `cutoff`. */
export function typicalWeek(lane: LaneHistory, cutoff: number, weeks = TYPICAL_WEEKS): (Spread | null)[] {
  return Array.from({ length: 168 }, (_, b) => typicalAt(lane, b, cutoff, weeks));
}

export interface Blend {
  shape: number;
  persistence: number;
}

/** `levelWeeks`: window of the usual level; `blends`: one per horizon in hours (1 … FORECAST_HOURS). */
export type { ForecastModel, BacktestResult } from "./schemas";

/**
 * Until a site has enough history of its own to fit (and for horizons with too few cases): the
 * level window and blends fitted on the San Diego ports' March–August 2025 history (`npm run
 * forecast:backtest -- --from 2025-09-01 …` prints them). Near hours keep most of today's gap,
 * far hours follow the usual level; a flat "half of the gap" prior was worse than persistence at
 * 1–3 hours. With less history than the window, the level uses what there is.
 */
const PRIOR_BLENDS: readonly Blend[] = [
  { shape: 0.7, persistence: 0.7 },
  { shape: 0.8, persistence: 0.5 },
  { shape: 0.9, persistence: 0.4 },
  { shape: 0.9, persistence: 0.3 },
  { shape: 0.9, persistence: 0.2 },
  { shape: 1, persistence: 0.1 },
  { shape: 1, persistence: 0.1 },
  { shape: 1, persistence: 0 },
  { shape: 1, persistence: 0 },
  { shape: 1, persistence: 0 },
  { shape: 1, persistence: 0 },
  { shape: 1, persistence: 0 },
];
export const DEFAULT_MODEL: ForecastModel = {
  levelWeeks: 12,
  blends: Object.fromEntries(PRIOR_BLENDS.map((b, i) => [i + 1, { ...b }])),
};

export interface ForecastInputs {
  current: number | null;
  levelNow: number | null;
  levelThen: number | null;
}

/**
 * What a forecast rests on: the blend; the usual level alone (no current wait, or no usual level
 * for the current hour to measure today's gap against); the current wait alone (no history).
 */
export type ForecastBasis = "blend" | "usual" | "current";

/** Whole minutes, never negative; null when there is nothing to go on. */
export function predict(input: ForecastInputs, blend: Blend): { minutes: number; basis: ForecastBasis } | null {
  const { current, levelNow, levelThen } = input;
  let f: number;
  let basis: ForecastBasis;
  if (current !== null && levelNow !== null && levelThen !== null) {
    f = current + blend.shape * (levelThen - levelNow) - (1 - blend.persistence) * (current - levelNow);
    basis = "blend";
  } else if (levelThen !== null) {
    f = levelThen;
    basis = "usual";
  } else if (current !== null) {
    f = current;
    basis = "current";
  } else {
    return null;
  }
  return { minutes: Math.max(0, Math.round(f)), basis };
}

/** The open wait in effect at t with its reading time, or null (closed, pending, none recent). */
export function openReadingAt(lane: LaneHistory, t: number): { wait: number; observedAt: number } | null {
  const r = readingInEffect(lane.readings, t);
  return r && r.status === "open" && r.delayMinutes !== null ? { wait: r.delayMinutes, observedAt: r.observedAt } : null;
}

/** The open wait known at `t` from readings taken strictly before it. */
export function currentBefore(lane: LaneHistory, t: number): { wait: number; observedAt: number } | null {
  return openReadingAt(lane, t - 1);
}

/** The open wait actually in effect at t (the backtest's truth). */
export function actualAt(lane: LaneHistory, t: number): number | null {
  return openReadingAt(lane, t)?.wait ?? null;
}

/** Everything every method needs was known before t, and the lane was open at the target. */
export interface BacktestCase {
  current: number;
  levelNow: number;
  levelThen: number;
  /** The plain typical value of the target hour (the second baseline). */
  typicalThen: number;
  actual: number;
}

/** The cases of one lane at hourly points t in [from, to) for each horizon, with targets before `targetsBefore`. */
export function collectCases(
  lane: LaneHistory,
  from: number,
  to: number,
  horizons: readonly number[],
  levelWeeks: number,
  targetsBefore = Infinity,
): Map<number, BacktestCase[]> {
  const out = new Map<number, BacktestCase[]>(horizons.map((h) => [h, []]));
  for (let t = Math.ceil(from / HOUR_S) * HOUR_S; t < to; t += HOUR_S) {
    const cur = currentBefore(lane, t);
    if (!cur) continue;
    const now = levelAt(lane, bucketOf(cur.observedAt, lane.timeZone), t, levelWeeks);
    if (!now) continue;
    for (const h of horizons) {
      const target = t + h * HOUR_S;
      if (target >= targetsBefore) continue;
      const actual = actualAt(lane, target);
      if (actual === null) continue;
      const bucket = bucketOf(target, lane.timeZone);
      const then = levelAt(lane, bucket, t, levelWeeks);
      const typical = typicalAt(lane, bucket, t);
      if (!then || !typical) continue;
      out.get(h)!.push({ current: cur.wait, levelNow: now.median, levelThen: then.median, typicalThen: typical.median, actual });
    }
  }
  return out;
}

const GRID = Array.from({ length: 11 }, (_, i) => i / 10);

function totalError(cases: readonly BacktestCase[], blend: Blend): number {
  let err = 0;
  for (const c of cases) err += Math.abs(predict(c, blend)!.minutes - c.actual);
  return err;
}

/** The blend with the smallest mean absolute error on these cases (ties go to more persistence, less shape). */
export function fitBlend(cases: readonly BacktestCase[]): { blend: Blend; error: number } {
  let best: Blend = { shape: 0, persistence: 1 };
  let bestErr = totalError(cases, best);
  for (const shape of GRID) {
    for (const persistence of [...GRID].reverse()) {
      const blend = { shape, persistence };
      const err = totalError(cases, blend);
      if (err < bestErr - 1e-9) {
        bestErr = err;
        best = blend;
      }
    }
  }
  return { blend: best, error: bestErr };
}

/**
 * Chooses the level window and one blend per horizon 1 … FORECAST_HOURS from hourly points in
 * the FIT_WEEKS before `until`, scoring only targets before `until`: nothing at or after it is
 * looked at. Falls back to DEFAULT_MODEL when there is nothing to learn from.
 *
 * Written as steps (one lane, one horizon) so that a server can run it between requests
 * (runYielding) while scripts run it straight through (runToEnd).
 */
export function* fitForecastSteps(lanes: readonly LaneHistory[], until: number): Generator<void, ForecastModel> {
  const horizons = Array.from({ length: FORECAST_HOURS }, (_, i) => i + 1);
  let best: { model: ForecastModel; error: number } | null = null;
  const longest = Math.max(...LEVEL_WEEKS_CHOICES);
  for (const levelWeeks of LEVEL_WEEKS_CHOICES) {
    const pooled = new Map<number, BacktestCase[]>(horizons.map((h) => [h, []]));
    for (const lane of lanes) {
      // The same hours for every window, so the choice compares windows and not periods.
      const start = Math.max(until - FIT_WEEKS * WEEK_S, firstReadingAt(lane) + longest * WEEK_S);
      for (const [h, cases] of collectCases(lane, start, until, horizons, levelWeeks, until)) pooled.get(h)!.push(...cases);
      yield;
    }
    const blends: Record<number, Blend> = {};
    let error = 0;
    let fitted = 0;
    for (const h of horizons) {
      const cases = pooled.get(h)!;
      // Too few cases to learn from: keep the default for that horizon rather than fit noise.
      if (cases.length < MIN_FIT_CASES) {
        blends[h] = DEFAULT_MODEL.blends[h]!;
        continue;
      }
      const fit = fitBlend(cases);
      blends[h] = fit.blend;
      error += fit.error / cases.length;
      fitted++;
      yield;
    }
    if (fitted === 0) continue;
    const meanError = error / fitted;
    if (!best || meanError < best.error) best = { model: { levelWeeks, blends }, error: meanError };
  }
  return best?.model ?? DEFAULT_MODEL;
}

export function fitForecast(lanes: readonly LaneHistory[], until: number): ForecastModel {
  return runToEnd(fitForecastSteps(lanes, until));
}

export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps with a turn of the event loop between them, so requests are not held up. */
export async function runYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function firstReadingAt(lane: LaneHistory): number {
  return lane.readings.length > 0 ? lane.readings[0]!.observedAt : Infinity;
}

export interface Score {
  /** Mean absolute error, minutes. */
  mae: number;
  /** Cases scored. */
  n: number;
}


/**
 * Scores the forecast and both baselines at hourly points in [from, to). The model is fitted
 * on history before `from`; typical values and levels at each point use samples before it.
 */
export function* backtestSteps(
  lanes: readonly LaneHistory[],
  from: number,
  to: number,
  horizons: readonly number[] = BACKTEST_HORIZONS,
  /** Targets at or after this are not scored: their truth is not known yet (e.g. the present). */
  targetsBefore = Infinity,
): Generator<void, { result: BacktestResult; model: ForecastModel }> {
  const model = yield* fitForecastSteps(lanes, from);
  const sums = new Map(horizons.map((h) => [h, { f: 0, p: 0, t: 0, n: 0 }]));
  for (const lane of lanes) {
    for (const [h, cases] of collectCases(lane, from, to, horizons, model.levelWeeks, targetsBefore)) {
      const s = sums.get(h)!;
      const blend = model.blends[h] ?? DEFAULT_MODEL.blends[h] ?? { shape: 1, persistence: 0 };
      for (const c of cases) {
        s.f += Math.abs(predict(c, blend)!.minutes - c.actual);
        s.p += Math.abs(c.current - c.actual);
        s.t += Math.abs(Math.round(c.typicalThen) - c.actual);
        s.n++;
      }
    }
    yield;
  }
  const result: BacktestResult = { forecast: {}, persistence: {}, typical: {} };
  for (const h of horizons) {
    const s = sums.get(h)!;
    const score = (sum: number): Score => ({ mae: s.n > 0 ? Math.round((sum / s.n) * 100) / 100 : 0, n: s.n });
    result.forecast[h] = score(s.f);
    result.persistence[h] = score(s.p);
    result.typical[h] = score(s.t);
  }
  return { result, model };
}

export function backtest(lanes: readonly LaneHistory[], from: number, to: number, horizons: readonly number[] = BACKTEST_HORIZONS, targetsBefore = Infinity) {
  return runToEnd(backtestSteps(lanes, from, to, horizons, targetsBefore));
}

/** The scored horizons at which the forecast was at least as accurate as both baselines, and the others. */
export function verdictOf(result: BacktestResult, horizons: readonly number[] = BACKTEST_HORIZONS): { atLeastAsGood: number[]; worse: number[] } {
  const atLeastAsGood: number[] = [];
  const worse: number[] = [];
  for (const h of horizons) {
    const f = result.forecast[h];
    const p = result.persistence[h];
    const t = result.typical[h];
    if (!f || !p || !t || f.n === 0) continue;
    (f.mae <= Math.min(p.mae, t.mae) ? atLeastAsGood : worse).push(h);
  }
  return { atLeastAsGood, worse };
}
