/** /{locale}/meetings/{key}.ics (one meeting) and /{locale}/meetings/calendar.ics (all of them). */
import "server-only";
import { hasLocale } from "next-intl";
import { API_HEADERS, notModified, weakEtag } from "@/lib/api/http";
import { siteOrigin } from "@/lib/content/metadata";
import { notFound } from "@/lib/feeds/handler";
import { routing } from "@/lib/i18n/routing";
import { translator } from "@/lib/alerts/items";
import { contentDb } from "@/lib/content/read";
import { getItem, listPublished } from "@/lib/content/store";
import { CALENDAR_FILE } from "@/lib/content/paths";
import { meetingsCalendar } from "@/lib/content/ics";

const ICS_CACHE = "public, max-age=300, stale-while-revalidate=3600";
const FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ics$/;

export function handleMeetingsIcs(request: Request, params: { locale: string; file: string }): Response {
  const m = FILE.exec(params.file);
  if (!hasLocale(routing.locales, params.locale) || !m) return notFound();
  const { locale } = params;
  const key = m[1]!;
  const db = contentDb();
  const whole = key === CALENDAR_FILE;
  const one = whole ? null : getItem(db, "meeting", key);
  if (!whole && (!one || one.status !== "published")) return notFound();
  const t = translator(locale);
  const ics = meetingsCalendar(whole ? listPublished(db, "meeting") : [one!], {
    locale,
    siteUrl: siteOrigin(),
    name: whole ? t("Meetings.calendarName") : one!.title[locale],
    description: t("Meetings.calendarDescription"),
    labels: { agenda: t("Meetings.agenda"), materials: t("Meetings.materials"), details: t("Meetings.details") },
    now: Date.now(),
  });
  // DTSTAMP changes every request; the ETag covers everything else.
  const etag = weakEtag(ics.replace(/^DTSTAMP:.*$/gm, ""));
  return (
    notModified(request, etag, ICS_CACHE) ??
    new Response(ics, {
      headers: {
        ...API_HEADERS,
        "Content-Type": "text/calendar; charset=utf-8",
        // One meeting is a file to open; the calendar is a feed calendar apps subscribe to.
        "Content-Disposition": whole ? `inline; filename="${CALENDAR_FILE}.ics"` : `attachment; filename="${key}.ics"`,
        "Cache-Control": ICS_CACHE,
        ETag: etag,
      },
    })
  );
}
