import { isSameLocalDay } from "@/components/ui/format";
import { formatDateTime } from "@/components/ui/use-date-time";
import type { Locale } from "@/lib/i18n/routing";

/**
 * When the waits on screen were received, for the offline notice: the time alone on the same day
 * ("3:42 p.m."), with the date otherwise, because a copy saved yesterday must not read as today's.
 */
export function receivedAtText(locale: Locale, receivedMs: number, nowMs: number, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = isSameLocalDay(receivedMs, nowMs, timeZone)
    ? { hour: "numeric", minute: "2-digit", timeZone }
    : { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone };
  return formatDateTime(locale, receivedMs, options);
}
