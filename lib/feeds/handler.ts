/**
 * The feed routes (/{locale}/feed.{rss,atom} and /{locale}/ports/{slug}/feed.{rss,atom}): the
 * same items as /api/v1/alerts, in the route's language, with the API's caching and ETag rules.
 */
import "server-only";
import { hasLocale } from "next-intl";
import { readItems } from "@/lib/api/alerts-handler";
import { API_HEADERS, DATA_CACHE_CONTROL, notModified, weakEtag } from "@/lib/api/http";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { buildFeed, FEED_CONTENT_TYPES, type FeedFormat } from "@/lib/feeds/build";
import { routing } from "@/lib/i18n/routing";
import { getPort } from "@/lib/ports";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

export interface FeedSource {
  db: Db;
  now: () => number;
  siteUrl: string;
}

const defaultSource = (): FeedSource => ({ db: getDb(), now: Date.now, siteUrl: env().SITE_URL });

/** Feed readers keep the newest few dozen items; older ones stay in /api/v1/alerts. */
export const FEED_ITEMS = 50;

/** The address names no feed (and maybe no language): say so in both. */
const NOT_FOUND_TEXT = `${en.Metadata.notFoundTitle} / ${es.Metadata.notFoundTitle}`;

export function notFound(): Response {
  return new Response(NOT_FOUND_TEXT, {
    status: 404,
    headers: { ...API_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}

export function handleFeed(request: Request, params: { locale: string; slug?: string; format: FeedFormat }, source: FeedSource = defaultSource()): Response {
  if (!hasLocale(routing.locales, params.locale)) return notFound();
  const port = params.slug === undefined ? null : getPort(params.slug);
  if (port === undefined) return notFound();
  const now = source.now();
  const items = readItems(source.db, { now, port: port?.slug, limit: FEED_ITEMS });
  const xml = buildFeed({ format: params.format, locale: params.locale, port, siteUrl: source.siteUrl.replace(/\/+$/, ""), items, now });
  return feedResponse(request, xml, params.format);
}

/** A feed's XML with the API's caching rules: weak ETag of the body, 304 when it matches. */
export function feedResponse(request: Request, xml: string, format: FeedFormat): Response {
  const etag = weakEtag(xml);
  return (
    notModified(request, etag) ??
    new Response(xml, {
      status: 200,
      headers: { ...API_HEADERS, "Content-Type": FEED_CONTENT_TYPES[format], "Cache-Control": DATA_CACHE_CONTROL, ETag: etag },
    })
  );
}
