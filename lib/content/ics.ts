/**
 * iCalendar (RFC 5545) files of the coalition's meetings, written by ical-generator: one
 * meeting (a download) or all of them (a calendar people subscribe to). Pure: items, language
 * and clock in, text out. Times go out in UTC, which every calendar converts to its own zone.
 */
import ical, { ICalCalendarMethod } from "ical-generator";
import type { ContentItem } from "@/lib/content/model";
import { markdownText } from "@/lib/content/markdown";
import type { Locale } from "@/lib/i18n/routing";

export interface IcsContext {
  locale: Locale;
  siteUrl: string;
  /** Calendar name and description, in the reader's language. */
  name: string;
  description: string;
  /** Headings of the parts of each event's description. */
  labels: { agenda: string; materials: string; details: string };
  now: number;
}

export function meetingsCalendar(meetings: readonly ContentItem<"meeting">[], ctx: IcsContext): string {
  const host = new URL(ctx.siteUrl).hostname;
  const cal = ical({
    name: ctx.name,
    description: ctx.description,
    prodId: { company: "Smart Border Coalition", product: "meetings", language: ctx.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    url: `${ctx.siteUrl}/${ctx.locale}/meetings`,
    // Calendar apps that honour it check for changes every 12 hours.
    ttl: 12 * 3600,
  });
  for (const m of meetings) {
    const page = `${ctx.siteUrl}/${ctx.locale}/meetings#${m.key}`;
    const materials = m.data.materials.map((x) => `- ${x.label[ctx.locale]}: ${x.url}`).join("\n");
    const description = [
      m.summary[ctx.locale],
      `${ctx.labels.agenda}:\n${markdownText(m.body[ctx.locale])}`,
      materials ? `${ctx.labels.materials}:\n${materials}` : "",
      `${ctx.labels.details}: ${page}`,
    ]
      .filter(Boolean)
      .join("\n\n");
    cal.createEvent({
      // Same meeting, same UID in both languages' calendars: subscribing to both shows it once.
      id: `meeting-${m.key}@${host}`,
      start: new Date(m.data.starts),
      end: new Date(m.data.ends),
      stamp: new Date(ctx.now),
      lastModified: new Date(m.updatedAt),
      sequence: m.revision,
      summary: m.title[ctx.locale],
      description,
      location: `${m.data.venue.name}, ${m.data.venue.address}`,
      url: page,
    });
  }
  return cal.toString();
}
