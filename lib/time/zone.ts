/**
 * Time-zone arithmetic on wall-clock times with `Intl` only. CBP writes local wall-clock
 * times, so we need to turn "10:00 on 2025-11-02 in America/Los_Angeles" into instants,
 * including the repeated hour at the fall-back change and the missing hour in spring.
 */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at `instantMs` in `timeZone`. */
export function wallTimeAt(instantMs: number, timeZone: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instantMs)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset of `timeZone` from UTC at `instantMs`, in minutes (e.g. -420 for PDT). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const wall = wallTimeAt(Math.floor(instantMs / 1000) * 1000, timeZone);
  return Math.round((wallAsUtc(wall) - Math.floor(instantMs / 1000) * 1000) / 60000);
}

/**
 * Every instant whose wall-clock time in `timeZone` is `wall`, earliest first:
 * one normally, two in the repeated fall-back hour, none in the skipped spring hour.
 */
export function instantsForWallTime(wall: WallTime, timeZone: string): number[] {
  const asUtc = wallAsUtc(wall);
  const offsets = new Set([offsetMinutesAt(asUtc - 86_400_000, timeZone), offsetMinutesAt(asUtc, timeZone), offsetMinutesAt(asUtc + 86_400_000, timeZone)]);
  const found: number[] = [];
  for (const off of offsets) {
    const candidate = asUtc - off * 60000;
    if (wallAsUtc(wallTimeAt(candidate, timeZone)) === asUtc) found.push(candidate);
  }
  return [...new Set(found)].sort((a, b) => a - b);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the given wall clock and offset, e.g. `2025-03-28T08:00:00-07:00`. */
export function formatWallTimeIso(wall: WallTime, offsetMinutes: number): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${formatOffset(offsetMinutes)}`;
}

/** The calendar day before `wall`'s date (time of day kept). */
export function previousDay(wall: WallTime): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - 1));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The wall time in an `<input type="datetime-local">` value ("2026-12-05T14:30"), or null if it is not one (or no such day). */
export function wallTimeOfInput(value: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute, second: 0 };
}
