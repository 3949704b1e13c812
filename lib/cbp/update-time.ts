/**
 * CBP's lane reading time: free text such as "At 10:00 am PST", "At Noon PDT",
 * "At Midnight PST" or "At 0:58 am EDT" (cbp-feed.md §5.5, §6).
 */
import { formatWallTimeIso, instantsForWallTime, offsetMinutesAt, previousDay, wallTimeAt, type WallTime } from "@/lib/time/zone";

export interface ClockReading {
  hour: number; // 0-23
  minute: number;
  /** The zone label CBP wrote. Not trusted for the offset: CBP relabels old readings at DST changes. */
  zoneLabel: string;
}

// The zone label is optional: it is never used for the offset, so a reading without one is still usable.
const CLOCK = /^At\s+(?:(\d{1,2}):(\d{2})\s*([ap])\.?m\.?|(noon|midnight))(?:\s+([A-Z]{2,5}))?$/i;

/** Parses CBP's `update_time`. `null` for "" (no reading); throws nothing, returns `undefined` for text it cannot read. */
export function parseUpdateTime(text: string): ClockReading | null | undefined {
  const t = text.trim().replace(/\s+/g, " ");
  if (t === "") return null;
  const m = CLOCK.exec(t);
  if (!m) return undefined;
  const zoneLabel = (m[5] ?? "").toUpperCase();
  if (m[4]) return { hour: m[4].toLowerCase() === "noon" ? 12 : 0, minute: 0, zoneLabel };
  const h = Number(m[1]);
  const minute = Number(m[2]);
  if (h > 12 || minute > 59) return undefined;
  // "0:58 am" appears at automated ports and means 00:58, like "12:58 am".
  const hour = (m[3] ?? "").toLowerCase() === "a" ? h % 12 : (h % 12) + 12;
  return { hour, minute, zoneLabel };
}

/** How far ahead of the feed a reading may be and still count as "just reported" (cbp-feed.md §6). */
export const AHEAD_TOLERANCE_MS = 70 * 60 * 1000;

const LABEL_OFFSETS: Record<string, number> = { PDT: -420, PST: -480, MDT: -360, MST: -420, CDT: -300, CST: -360, EDT: -240, EST: -300 };

export interface ResolvedReadingTime {
  /** ISO 8601 with the port's UTC offset; the wall clock is exactly what CBP wrote. */
  iso: string;
  instantMs: number;
}

/**
 * Places a lane's clock reading on the calendar. The date is the port-local date of the feed,
 * moved back a day when that would put the reading more than ~70 minutes after the feed was
 * generated. The offset comes from the port's time-zone rules, not CBP's label.
 */
export function resolveReadingTime(
  reading: ClockReading,
  opts: { portDate: { year: number; month: number; day: number } | null; feedInstantMs: number; timeZone: string },
): ResolvedReadingTime {
  const base = opts.portDate ?? wallTimeAt(opts.feedInstantMs, opts.timeZone);
  let wall: WallTime = { year: base.year, month: base.month, day: base.day, hour: reading.hour, minute: reading.minute, second: 0 };
  for (let attempt = 0; attempt < 2; attempt++) {
    const chosen = choose(wall, reading.zoneLabel, opts.feedInstantMs, opts.timeZone);
    if (chosen.instantMs <= opts.feedInstantMs + AHEAD_TOLERANCE_MS || attempt === 1) {
      return { iso: formatWallTimeIso(wall, chosen.offset), instantMs: chosen.instantMs };
    }
    wall = previousDay(wall);
  }
  /* c8 ignore next */
  throw new Error("unreachable");
}

function choose(wall: WallTime, label: string, feedMs: number, timeZone: string): { instantMs: number; offset: number } {
  const candidates = instantsForWallTime(wall, timeZone).map((instantMs) => ({ instantMs, offset: offsetMinutesAt(instantMs, timeZone) }));
  if (candidates.length === 0) {
    // The skipped spring-forward hour: keep CBP's wall clock with the offset in force just after the gap.
    const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
    // A day later is safely past the gap whatever the zone's sign; "+3 h" on the wall-as-UTC
    // value still lands before the gap west of Greenwich and picked the pre-gap offset there.
    const offset = offsetMinutesAt(asUtc + 86_400_000, timeZone);
    return { instantMs: asUtc - offset * 60000, offset };
  }
  if (candidates.length === 1) return candidates[0]!;
  // The repeated fall-back hour: trust the label only if it does not put the reading in the future.
  const notAhead = candidates.filter((c) => c.instantMs <= feedMs + AHEAD_TOLERANCE_MS);
  const labelled = notAhead.find((c) => c.offset === LABEL_OFFSETS[label]);
  return labelled ?? notAhead[notAhead.length - 1] ?? candidates[0]!;
}
