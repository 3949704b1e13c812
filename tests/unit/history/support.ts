/**
 * Helpers for the history tests: readings built by hand, synthetic lanes sampled on the hour and
 * a seeded random generator (so that property checks are deterministic).
 */
import { laneHistory, type LaneHistory } from "@/lib/history/forecast";
import { HOUR_S, type HistoryReading, type ReadingStatus } from "@/lib/history/series";

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

/** mulberry32: a small deterministic PRNG, uniform in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [lo, hi] from `rand`. */
export const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
