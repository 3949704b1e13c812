/**
 * One lane's reading history as a step function, and the hourly samples that "typical" waits
 * and forecasts are computed from. Pure: the caller loads readings from the database.
 *
 * CBP stamps a reading with the time the officer took it ("At 8:00 am"); it stays the lane's
 * wait until the next one. A manual port updates about hourly, so a reading older than
 * READING_LIFETIME_S is no longer taken as the wait in effect (the lane may have closed, or CBP
 * stopped reporting it).
 */
import { wallTimeAt } from "@/lib/time/zone";

export const HOUR_S = 3600;
export const DAY_S = 24 * HOUR_S;
export const WEEK_S = 7 * DAY_S;
export const READING_LIFETIME_S = 2 * HOUR_S;

export type ReadingStatus = "open" | "closed" | "pending";

export interface HistoryReading {
  /** CBP's reading time, epoch seconds. */
  observedAt: number;
  status: ReadingStatus;
  delayMinutes: number | null;
  lanesOpen: number | null;
  maxLanes: number | null;
}

/** Index of the last reading with observedAt ≤ t in readings sorted by observedAt, or -1. */
export function lastIndexAtOrBefore(readings: readonly HistoryReading[], t: number): number {
  let lo = 0;
  let hi = readings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (readings[mid]!.observedAt <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The reading in effect at t: the latest one taken at or before t, if it is recent enough. */
export function readingInEffect(readings: readonly HistoryReading[], t: number): HistoryReading | null {
  const i = lastIndexAtOrBefore(readings, t);
  if (i < 0) return null;
  const r = readings[i]!;
  return t - r.observedAt < READING_LIFETIME_S ? r : null;
}

/** Start of the hour containing t (epoch seconds). Every zone we serve has whole-hour offsets. */
export function floorHour(t: number): number {
  return Math.floor(t / HOUR_S) * HOUR_S;
}

/** The weekday-and-hour bucket (0 … 167, Sunday 0 h first) of an instant in a time zone. */
export function bucketOf(t: number, timeZone: string): number {
  const cache = bucketCache(timeZone);
  const hour = floorHour(t);
  let b = cache.get(hour);
  if (b === undefined) {
    const w = wallTimeAt(hour * 1000, timeZone);
    const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
    b = weekday * 24 + w.hour;
    if (cache.size > 50_000) cache.clear();
    cache.set(hour, b);
  }
  return b;
}

const bucketCaches = new Map<string, Map<number, number>>();
function bucketCache(timeZone: string): Map<number, number> {
  let c = bucketCaches.get(timeZone);
  if (!c) {
    c = new Map();
    bucketCaches.set(timeZone, c);
  }
  return c;
}

/**
 * The open wait in effect at every hour boundary from `start` (inclusive) to `end` (exclusive),
 * with the local weekday-hour bucket of each. Closed, pending or missing hours are NaN and
 * count for nothing. Sampling on the hour gives every hour the same weight, whether the port
 * reported once that hour (manual counts) or every few minutes.
 */
export interface HourlySeries {
  start: number;
  values: Float64Array;
  buckets: Uint8Array;
  /** For each bucket, the indexes of its hours in ascending order. */
  byBucket: number[][];
}

export function hourlySeries(readings: readonly HistoryReading[], start: number, end: number, timeZone: string): HourlySeries {
  const first = floorHour(start);
  const count = Math.max(0, Math.ceil((end - first) / HOUR_S));
  const values = new Float64Array(count).fill(Number.NaN);
  const buckets = new Uint8Array(count);
  const byBucket: number[][] = Array.from({ length: 168 }, () => []);
  let i = lastIndexAtOrBefore(readings, first);
  for (let k = 0; k < count; k++) {
    const t = first + k * HOUR_S;
    while (i + 1 < readings.length && readings[i + 1]!.observedAt <= t) i++;
    const r = i >= 0 ? readings[i]! : null;
    if (r && t - r.observedAt < READING_LIFETIME_S && r.status === "open" && r.delayMinutes !== null) values[k] = r.delayMinutes;
    const b = bucketOf(t, timeZone);
    buckets[k] = b;
    byBucket[b]!.push(k);
  }
  return { start: first, values, buckets, byBucket };
}

/** The positions, in `byBucket[bucket]`, of the hours sampled in [from, to): a half-open range. */
export function bucketRange(series: HourlySeries, bucket: number, from: number, to: number): [number, number] {
  const idx = series.byBucket[bucket]!;
  const lo = Math.ceil((from - series.start) / HOUR_S);
  const hi = Math.ceil((to - series.start) / HOUR_S);
  return [lowerBound(idx, lo), lowerBound(idx, hi)];
}

function lowerBound(sorted: readonly number[], x: number): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (sorted[m]! < x) a = m + 1;
    else b = m;
  }
  return a;
}

/** The open waits (closed and missing hours left out) of `bucket` at positions [a, c). */
export function rangeValues(series: HourlySeries, bucket: number, [a, c]: readonly [number, number], out: number[] = []): number[] {
  const idx = series.byBucket[bucket]!;
  for (let j = a; j < c; j++) {
    const v = series.values[idx[j]!]!;
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}
