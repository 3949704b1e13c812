import type { Locale } from "@/lib/i18n/routing";
import { formatDateTime } from "@/components/ui/format";

/**
 * A calendar date ("2026-12-05", "2025-01" or "2025") in the reader's language. Noon UTC keeps
 * the day the same in every time zone.
 */
export function formatCalendarDate(locale: Locale, date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  const instant = Date.UTC(y, (m ?? 1) - 1, d ?? 1, 12);
  const options: Intl.DateTimeFormatOptions =
    d !== undefined ? { dateStyle: "long", timeZone: "UTC" } : m !== undefined ? { year: "numeric", month: "long", timeZone: "UTC" } : { year: "numeric", timeZone: "UTC" };
  return formatDateTime(locale, instant, options);
}
