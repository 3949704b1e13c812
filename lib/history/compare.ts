/**
 * How a wait compares with its typical range, and which way the last hours went. Pure and
 * client-safe; the thresholds are in minutes so that small wobbles of a sticky hourly
 * reading are not called a change.
 */
import type { Spread } from "./stats";

export type VsTypical = "above" | "below" | "normal";

/** Beyond the interquartile range and at least this far from the median. */
export const VS_TYPICAL_MARGIN = 10;
/** A 6-hour change smaller than this is "steady". */
export const TREND_MARGIN = 15;

export function compareToTypical(wait: number, typical: Pick<Spread, "median" | "p25" | "p75">): VsTypical {
  if (wait > typical.p75 && wait - typical.median >= VS_TYPICAL_MARGIN) return "above";
  if (wait < typical.p25 && typical.median - wait >= VS_TYPICAL_MARGIN) return "below";
  return "normal";
}

export type Trend = "rising" | "falling" | "steady";

/** From the oldest to the newest known value of a short series; null with fewer than two. */
export function trendOf(values: readonly (number | null)[]): Trend | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const change = known[known.length - 1]! - known[0]!;
  if (change >= TREND_MARGIN) return "rising";
  if (change <= -TREND_MARGIN) return "falling";
  return "steady";
}
