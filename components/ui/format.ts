/**
 * Small pure helpers for showing waits; shared by server and client components.
 */
import type { Locale } from "@/lib/i18n/routing";

export type WaitLevel = "light" | "moderate" | "heavy";

/** Thresholds in minutes: under 20 feels light to commuters, an hour or more is heavy. */
export function waitLevel(minutes: number): WaitLevel {
  if (minutes < 20) return "light";
  if (minutes < 60) return "moderate";
  return "heavy";
}

export type Age = { kind: "justNow" } | { kind: "minutes"; minutes: number } | { kind: "hours"; hours: number; minutes: number } | { kind: "days"; days: number };

export function describeAge(fromMs: number, nowMs: number): Age {
  const minutes = Math.max(0, Math.floor((nowMs - fromMs) / 60000));
  if (minutes < 1) return { kind: "justNow" };
  if (minutes < 60) return { kind: "minutes", minutes };
  if (minutes < 48 * 60) return { kind: "hours", hours: Math.floor(minutes / 60), minutes: minutes % 60 };
  return { kind: "days", days: Math.floor(minutes / 1440) };
}

/** The `Time` messages that say how long ago something was, in both languages. */
export interface AgeTexts {
  justNow: () => string;
  minutesAgo: (minutes: number) => string;
  hoursAgo: (hours: number, minutes: number) => string;
  daysAgo: (days: number) => string;
}

/** "23 min ago" / "hace 23 min": the one rule for pages (useAgeText) and the widget. */
export function ageText(texts: AgeTexts, fromMs: number, nowMs: number): string {
  const age = describeAge(fromMs, nowMs);
  switch (age.kind) {
    case "justNow":
      return texts.justNow();
    case "minutes":
      return texts.minutesAgo(age.minutes);
    case "hours":
      return texts.hoursAgo(age.hours, age.minutes);
    case "days":
      return texts.daysAgo(age.days);
  }
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Whether two instants fall on the same calendar day in `timeZone`. */
export function isSameLocalDay(aMs: number, bMs: number, timeZone: string): boolean {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, f);
  }
  return f.format(aMs) === f.format(bMs);
}

/**
 * Regional formats for our readers: plain "es" writes 2 p.m. as "14:00", but Tijuana (es-MX)
 * reads "2:00 p.m.", like San Diego's "2:00 PM".
 */
const INTL_LOCALE: Record<Locale, string> = { en: "en-US", es: "es-MX" };

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(locale: Locale, instant: number, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    formatters.set(key, f);
  }
  return f.format(instant);
}
