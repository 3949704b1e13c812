/** The announcements feeds (/{locale}/announcements/feed.{rss,atom}): news and staff alerts. */
import "server-only";
import { hasLocale } from "next-intl";
import { listPublicAlerts } from "@/lib/alerts/store";
import { siteOrigin } from "@/lib/content/metadata";
import { renderFeed, type FeedFormat } from "@/lib/feeds/build";
import { FEED_ITEMS, feedResponse, notFound } from "@/lib/feeds/handler";
import { routing } from "@/lib/i18n/routing";
import { translator } from "@/lib/alerts/items";
import { contentDb } from "@/lib/content/read";
import { listPublished } from "@/lib/content/store";
import { announcementEntry, mergeAnnouncements, type Announcement } from "@/lib/content/announcements";
import type { Db } from "@/lib/db/client";

export const announcementsFeedPath = (locale: string, format: FeedFormat) => `/${locale}/announcements/feed.${format}`;

/** Newest first: every published news item and the staff alerts the public can see now. */
export function readAnnouncements(db: Db, now: number, limit = FEED_ITEMS): Announcement[] {
  return mergeAnnouncements(listPublished(db, "announcement"), listPublicAlerts(db, { now, limit })).slice(0, limit);
}

export function handleAnnouncementsFeed(request: Request, params: { locale: string; format: FeedFormat }): Response {
  if (!hasLocale(routing.locales, params.locale)) return notFound();
  const { locale, format } = params;
  const now = Date.now();
  const siteUrl = siteOrigin();
  const t = translator(locale);
  const xml = renderFeed({
    format,
    locale,
    id: `feed/${locale}/announcements`,
    title: t("Announcements.feedTitle"),
    description: t("Announcements.feedDescription"),
    link: `${siteUrl}/${locale}/announcements`,
    feedUrl: `${siteUrl}${announcementsFeedPath(locale, format)}`,
    siteUrl,
    now,
    entries: readAnnouncements(contentDb(), now).map((a) => announcementEntry(a, locale, siteUrl, now)),
  });
  return feedResponse(request, xml, format);
}
