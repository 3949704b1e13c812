import { useLocale } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";

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

/** Formats instants in the page's language with the reader's regional conventions. */
export function useDateTime(): (instant: number, options: Intl.DateTimeFormatOptions) => string {
  const locale = useLocale();
  return (instant, options) => formatDateTime(locale, instant, options);
}
