/**
 * Command-line and query dates: `2025-09-01` is local midnight in the site's time zone; a full
 * ISO 8601 date-time with an offset or Z is taken as written.
 */
import { instantsForWallTime } from "@/lib/time/zone";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A "+" offset typed into a URL unencoded arrives as a space: read it as the "+" it was.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+ -]\d{2}:[0-5]\d)$/;

/**
 * Years a date may name. CBP's feed began in the 2000s; the bound also keeps every instant the
 * API prints a four-digit ISO year (9999-12-31 as an end date meant midnight of year 10000).
 */
export const YEARS = { first: 1970, last: 2999 } as const;

/** A real calendar day (Date.parse would roll 2025-02-30 over to March) within YEARS. */
function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= YEARS.first && year <= YEARS.last && month >= 1 && month <= 12 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
  );
}

/** Epoch seconds, or null when the text is neither form or names no real day in YEARS. */
export function parseDateArg(text: string, timeZone: string, opts: { endOfDay?: boolean } = {}): number | null {
  const day = DAY.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (!isRealDay(year, month, date)) return null;
    const check = new Date(Date.UTC(year, month - 1, date + (opts.endOfDay ? 1 : 0)));
    const instant = instantsForWallTime(
      { year: check.getUTCFullYear(), month: check.getUTCMonth() + 1, day: check.getUTCDate(), hour: 0, minute: 0, second: 0 },
      timeZone,
    )[0];
    return instant === undefined ? null : Math.floor(instant / 1000);
  }
  const dt = DATE_TIME.exec(text);
  if (dt) {
    if (!isRealDay(Number(dt[1]), Number(dt[2]), Number(dt[3]))) return null;
    const ms = Date.parse(text.replace(/ (?=\d{2}:\d{2}$)/, "+"));
    return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
  }
  return null;
}
