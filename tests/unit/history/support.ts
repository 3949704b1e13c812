/**
 * Helpers for the history tests: readings built by hand, synthetic lanes sampled on the hour and
 * a seeded random generator (so that property checks are deterministic).
 */
import { laneHistory, openReadingAt, type LaneHistory } from "@/lib/history/forecast";
import { bucketRange, HOUR_S, rangeValues, type HistoryReading, type HourlySeries, type ReadingStatus } from "@/lib/history/series";
import { mulberry32 } from "@/tests/support/prng";

export const LA = "America/Los_Angeles";

/** Epoch seconds of an ISO 8601 instant. */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`bad instant ${iso}`);
  return ms / 1000;
};

export function reading(observedAt: number, delayMinutes: number | null, status: ReadingStatus = "open"): HistoryReading {
  return { observedAt, status, delayMinutes, lanesOpen: null, maxLanes: null };
}

/** A closed reading (no wait). */
export const closed = (observedAt: number): HistoryReading => reading(observedAt, null, "closed");

/**
 * One reading on every hour from `start` for `hours` hours; `value(t, k)` gives the open wait,
 * or null for a closed lane at that hour.
 */
export function hourlyReadings(start: number, hours: number, value: (t: number, k: number) => number | null): HistoryReading[] {
  const out: HistoryReading[] = [];
  for (let k = 0; k < hours; k++) {
    const t = start + k * HOUR_S;
    const v = value(t, k);
    out.push(v === null ? closed(t) : reading(t, v));
  }
  return out;
}

export function lane(readings: readonly HistoryReading[], until: number, timeZone = "UTC", key = "test/passenger/standard"): LaneHistory {
  return laneHistory(key, timeZone, readings, until);
}

/** A seeded generator, uniform in [0, 1). */
export const rng = mulberry32;

/** Open waits of the hours in `bucket` sampled in [from, to): the two series steps the forecast composes. */
export function bucketValues(series: HourlySeries, bucket: number, from: number, to: number): number[] {
  return rangeValues(series, bucket, bucketRange(series, bucket, from, to));
}

/** The open wait in effect at t by the forecast's own rule (openReadingAt), or null. */
export function openWaitAt(readings: readonly HistoryReading[], t: number): number | null {
  return openReadingAt(laneHistory("test/passenger/standard", "UTC", readings, t), t)?.wait ?? null;
}

/** An integer in [lo, hi] from `rand`. */
export const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
