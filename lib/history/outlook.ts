/**
 * What the dashboard, the port pages and the history API show about one lane: today against
 * typical, the next 12 hours, the last week. Reads the database only.
 */
import "server-only";
import type { Db } from "@/lib/db/client";
import { type Bilingual, type LaneType, type Mode, type PortDef } from "@/lib/ports";
import { formatWallTimeIso, instantsForWallTime, offsetMinutesAt, wallTimeAt } from "@/lib/time/zone";
import { BACKTEST_HORIZONS, DEFAULT_MODEL, FORECAST_HOURS, laneHistory, levelAt, openReadingAt, openSamplesAt, predict, typicalAt, typicalWeek, TYPICAL_WEEKS, type ForecastBasis, type LaneHistory } from "./forecast";
import type { BacktestResult, ForecastModel } from "./schemas";
import type { Spread } from "./stats";
import { bucketOf, DAY_S, floorHour, HOUR_S, WEEK_S } from "./series";
import { laneKey, loadLaneReadings, readAccuracy, readForecastModel, type LaneId, type StoredAccuracy } from "./store";

export interface LaneRef extends LaneId {
  crossingName: Bilingual;
}

/** The lanes of a port's crossings as the registry knows them, optionally one mode and type. */
export function portLanes(port: PortDef, filter: { mode?: Mode; type?: LaneType } = {}): LaneRef[] {
  return port.crossings.flatMap((c) =>
    c.lanes
      .filter((l) => (!filter.mode || l.mode === filter.mode) && (!filter.type || l.type === filter.type))
      .map((l) => ({ cbpPortNumber: c.cbpPortNumber, mode: l.mode, type: l.type, crossingName: c.name })),
  );
}

/** ISO 8601 with the zone's offset at that instant, like the API's updatedAt. */
export function isoInZone(t: number, timeZone: string): string {
  const ms = t * 1000;
  return formatWallTimeIso(wallTimeAt(ms, timeZone), offsetMinutesAt(ms, timeZone));
}

export interface HourPoint {
  /** Start of the hour (ISO, port offset). */
  at: string;
  /** Open wait in effect at that time; null when closed, unknown or in the future. */
  wait: number | null;
  typical: Spread | null;
}

export interface ForecastPoint {
  at: string;
  /** Hours ahead of the current hour. */
  horizon: number;
  minutes: number;
  basis: ForecastBasis;
  typical: Spread | null;
  /** Mean absolute error of the forecast at this horizon in the latest backtest, or null. */
  expectedError: number | null;
}

export interface LaneOutlook extends LaneRef {
  /** The open wait in effect now according to the history, with its reading time. */
  current: { wait: number; at: string } | null;
  typicalNow: Spread | null;
  today: HourPoint[];
  forecast: ForecastPoint[];
  /** The forecast hour with the shortest wait (earliest on ties) among those resting on history; null when none does, or an hour carrying today's wait is shorter. */
  best: ForecastPoint | null;
  /** The last 7 × 24 hours, oldest first. */
  week: HourPoint[];
  /** Typical for the hour of `compareAt` when asked (e.g. the hour of the live reading). */
  typicalThen: Spread | null;
  /** Over the typical window the lane never had an open wait at the hour of `compareAt` (or now): closed or unreported then, not short of history. */
  noOpenReadings: boolean;
}

export interface ForecastContext {
  model: ForecastModel;
  accuracy: StoredAccuracy | null;
}

/** The stored model and the accuracy to quote ('recent' when the server has measured it, else 'published'). */
export function forecastContext(db: Db): ForecastContext {
  return {
    model: readForecastModel(db)?.model ?? DEFAULT_MODEL,
    accuracy: readAccuracy(db, "recent") ?? readAccuracy(db, "published"),
  };
}

/** The backtest's error at the first scored horizon at or beyond h (never flatters). */
export function expectedError(result: BacktestResult | undefined, h: number): number | null {
  if (!result) return null;
  const scored = BACKTEST_HORIZONS.find((x) => x >= h && (result.forecast[x]?.n ?? 0) > 0);
  return scored === undefined ? null : result.forecast[scored]!.mae;
}

function historyOf(db: Db, lane: LaneId, timeZone: string, now: number, weeks: number): LaneHistory {
  const readings = loadLaneReadings(db, lane, now - weeks * WEEK_S - DAY_S, now, { hourly: true });
  return laneHistory(laneKey(lane), timeZone, readings, now);
}

/** Instants of the local midnight that starts the day containing t, and of the next one. */
export function localDayBounds(t: number, timeZone: string): [number, number] {
  const w = wallTimeAt(t * 1000, timeZone);
  const start = instantsForWallTime({ ...w, hour: 0, minute: 0, second: 0 }, timeZone)[0]! / 1000;
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  const end = instantsForWallTime({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 }, timeZone)[0]! / 1000;
  return [start, end];
}

function sampleAt(lane: LaneHistory, t: number, now: number): number | null {
  if (t > now) return null;
  const i = (t - lane.series.start) / HOUR_S;
  if (!Number.isInteger(i) || i < 0 || i >= lane.series.values.length) return null;
  const v = lane.series.values[i]!;
  return Number.isNaN(v) ? null : v;
}

export interface OutlookOptions {
  /** Typical for the hour of this instant (e.g. the live reading's), as `typicalThen`. */
  compareAt?: number;
  /** Fill `today` (the port page's chart); otherwise it stays empty. */
  today?: boolean;
  /** Fill `week` (the dashboard's charts); otherwise it stays empty. */
  week?: boolean;
}

export function laneOutlook(db: Db, ref: LaneRef, timeZone: string, now: number, ctx: ForecastContext, opts: OutlookOptions = {}): LaneOutlook {
  const { compareAt } = opts;
  const weeks = Math.max(TYPICAL_WEEKS, ctx.model.levelWeeks);
  const lane = historyOf(db, ref, timeZone, now, weeks);
  const hourNow = floorHour(now);
  // Typical values and levels come from samples before this hour: today's own reading is not part of "typical".
  const cutoff = hourNow;
  const point = (t: number): HourPoint => ({ at: isoInZone(t, timeZone), wait: sampleAt(lane, t, now), typical: typicalAt(lane, bucketOf(t, timeZone), cutoff) });

  const [dayStart, dayEnd] = localDayBounds(now, timeZone);
  const today: HourPoint[] = [];
  for (let t = dayStart; opts.today && t < dayEnd; t += HOUR_S) today.push(point(t));

  const week: HourPoint[] = [];
  for (let t = hourNow - 167 * HOUR_S; opts.week && t <= hourNow; t += HOUR_S) week.push(point(t));

  const current = openReadingAt(lane, now);
  // The usual level spans three hours and needs samples in each; next to an hour the lane is
  // often closed it may be missing, and then that hour's own typical value stands in for it.
  const usual = (bucket: number): { median: number; measured: boolean } | null => {
    const level = levelAt(lane, bucket, cutoff, ctx.model.levelWeeks);
    if (level) return { median: level.median, measured: true };
    const typical = typicalAt(lane, bucket, cutoff);
    return typical ? { median: typical.median, measured: false } : null;
  };
  const levelNow = current ? usual(bucketOf(current.observedAt, timeZone)) : null;

  const hours = Array.from({ length: FORECAST_HOURS }, (_, i) => {
    const t = hourNow + (i + 1) * HOUR_S;
    const bucket = bucketOf(t, timeZone);
    return { h: i + 1, t, bucket, levelThen: usual(bucket) };
  });
  // An hour with history but not one open wait in it is an hour the lane is closed (Tecate at
  // night, PedWest after 2 p.m.): no forecast, rather than today's wait carried into it.
  const hasHistory = lane.readings.length > 0 && lane.readings[0]!.observedAt < cutoff - WEEK_S;
  const forecast: ForecastPoint[] = [];
  for (const { h, t, bucket, levelThen } of hours) {
    const p = predict({ current: current?.wait ?? null, levelNow: levelNow?.median ?? null, levelThen: levelThen?.median ?? null }, ctx.model.blends[h] ?? DEFAULT_MODEL.blends[h]!);
    if (!p || (p.basis === "current" && hasHistory && openSamplesAt(lane, bucket, cutoff, ctx.model.levelWeeks) === 0)) continue;
    forecast.push({
      at: isoInZone(t, timeZone),
      horizon: h,
      minutes: p.minutes,
      basis: p.basis,
      typical: typicalAt(lane, bucket, cutoff),
      // The backtest measured the blend on three-hour levels; other hours have no known error.
      expectedError: p.basis === "blend" && levelNow?.measured && levelThen?.measured ? expectedError(ctx.accuracy?.result, h) : null,
    });
  }
  // Hours that only carry today's wait forward know nothing about that hour, so they are never
  // "best"; and when one of them is shorter than every hour resting on history, no hour is
  // (today's wait may well be the best there is).
  const informed = forecast.filter((f) => f.basis !== "current");
  const shortest = informed.reduce<ForecastPoint | null>((b, f) => (b === null || f.minutes < b.minutes ? f : b), null);
  const best = shortest && !forecast.some((f) => f.basis === "current" && f.minutes < shortest.minutes) ? shortest : null;

  return {
    ...ref,
    current: current ? { wait: current.wait, at: isoInZone(current.observedAt, timeZone) } : null,
    typicalNow: typicalAt(lane, bucketOf(now, timeZone), cutoff),
    today,
    forecast,
    best,
    week,
    typicalThen: compareAt === undefined ? null : typicalAt(lane, bucketOf(compareAt, timeZone), cutoff),
    noOpenReadings: hasHistory && openSamplesAt(lane, bucketOf(compareAt ?? now, timeZone), cutoff, TYPICAL_WEEKS) === 0,
  };
}

/** The 7 × 24 typical table of one lane (index weekday·24 + hour, Sunday first). */
export function laneTypicalWeek(db: Db, ref: LaneId, timeZone: string, now: number): (Spread | null)[] {
  return typicalWeek(historyOf(db, ref, timeZone, now, TYPICAL_WEEKS), floorHour(now));
}
