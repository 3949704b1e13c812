/**
 * Announcements: the coalition's news (content items) and the staff alerts, newest first, for
 * the announcements page and its feeds. Pure given the rows.
 */
import type { Alert } from "@/lib/alerts/model";
import { alertAt } from "@/lib/alerts/time";
import type { ContentItem } from "@/lib/content/model";
import { absoluteLinks, renderMarkdown } from "@/lib/content/markdown";
import { publicItemEntry, type FeedEntry } from "@/lib/feeds/build";
import type { Locale } from "@/lib/i18n/routing";
import { instantsForWallTime } from "@/lib/time/zone";
import { SITE_TIME_ZONE } from "@/lib/i18n/routing";

export type Announcement = { kind: "news"; at: number; item: ContentItem<"announcement"> } | { kind: "alert"; at: number; alert: Alert };

/** A news item's date is a calendar day in San Diego/Tijuana; it counts from 9 a.m. there. */
export function newsInstant(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return instantsForWallTime({ year: y, month: m, day: d, hour: 9, minute: 0, second: 0 }, SITE_TIME_ZONE)[0] ?? Date.UTC(y, m - 1, d, 17);
}

export function mergeAnnouncements(news: readonly ContentItem<"announcement">[], alerts: readonly Alert[]): Announcement[] {
  return [
    ...news.map((item) => ({ kind: "news" as const, at: newsInstant(item.data.date), item })),
    ...alerts.map((alert) => ({ kind: "alert" as const, at: alertAt(alert), alert })),
  ].sort((a, b) => b.at - a.at || a.kind.localeCompare(b.kind));
}

export const announcementAnchor = (a: Announcement) => (a.kind === "news" ? a.item.key : `alert-${a.alert.id}`);

export function announcementEntry(a: Announcement, locale: Locale, siteUrl: string, now: number): FeedEntry {
  if (a.kind === "alert") return { ...publicItemEntry({ kind: "alert", at: a.at, alert: a.alert }, locale, siteUrl, null, now), link: `${siteUrl}/${locale}/announcements#${announcementAnchor(a)}` };
  const { item } = a;
  return {
    id: `news-${item.key}`,
    title: item.title[locale],
    html: absoluteLinks(renderMarkdown(item.body[locale]).html, siteUrl),
    link: `${siteUrl}/${locale}/announcements#${item.key}`,
    published: a.at,
    updated: a.at,
  };
}
