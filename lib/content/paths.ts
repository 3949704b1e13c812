/** Where each kind of item lives on the site (path after the locale). Pure. */
import type { ContentKind } from "@/lib/content/model";
import type { Locale } from "@/lib/i18n/routing";

export interface Addressable {
  kind: ContentKind;
  key: string;
  slug: { en: string; es: string };
}

export function contentPath(item: Addressable, locale: Locale): string {
  switch (item.kind) {
    case "guide":
      return `/guides/${item.slug[locale]}`;
    case "initiative":
      return `/initiatives/${item.slug[locale]}`;
    case "port":
      return `/ports/${item.key}`;
    case "meeting":
      return `/meetings#${item.key}`;
    case "announcement":
      return `/announcements#${item.key}`;
    case "page":
      return `/${item.key}`;
  }
}

/** An .ics file per meeting, and one calendar with all of them (subscribable). */
export const meetingIcsPath = (locale: Locale, key: string) => `/${locale}/meetings/${key}.ics`;
export const CALENDAR_FILE = "calendar";
export const calendarPath = (locale: Locale) => `/${locale}/meetings/${CALENDAR_FILE}.ics`;
