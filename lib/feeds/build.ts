/**
 * RSS 2.0 and Atom 1.0 documents of the public items, in one language, written by the `feed`
 * library. Pure: items, language, port and clock in; XML out.
 */
import { Feed } from "feed";
import { itemId, itemPorts, itemSeverity, itemText, itemUpdated, translator, type PublicItem } from "@/lib/alerts/items";
import type { Locale } from "@/lib/i18n/routing";
import type { PortDef } from "@/lib/ports";
import { escapeHtml } from "@/lib/escape-html";

export type FeedFormat = "rss" | "atom";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/** Readers that honour RSS <ttl> need not ask more often than CBP updates (minutes). */
const TTL_MINUTES = 5;
/** The year in our tag: URIs (RFC 4151); fixed forever so ids never change. */
const TAG_YEAR = 2026;

// Invalid in XML 1.0 whatever the escaping; the store refuses them, this keeps old or foreign rows safe.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (s: string) => s.replace(NOT_XML, "");

/**
 * Titles and descriptions go out as HTML (Atom type="html", RSS by convention), so staff text is
 * escaped, never interpreted; that also keeps "]]>" from ending the library's CDATA sections.
 */
export const escapeFeedText = (s: string) => escapeHtml(xmlSafe(s));

/** Plain text to HTML: blank lines separate paragraphs, single newlines become line breaks. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeFeedText(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export interface FeedContext {
  format: FeedFormat;
  locale: Locale;
  /** null: the feed of every port. */
  port: PortDef | null;
  /** SITE_URL without a trailing slash. */
  siteUrl: string;
  items: readonly PublicItem[];
  now: number;
}

export const feedPath = (locale: Locale, slug: string | null, format: FeedFormat) => `/${locale}${slug ? `/ports/${slug}` : ""}/feed.${format}`;

/** One entry of any of our feeds, already in the feed's language (title plain text, content HTML). */
export interface FeedEntry {
  /** Unique within the site; the feed adds the language to make the guid/id. */
  id: string;
  title: string;
  html: string;
  link: string;
  published: number;
  updated: number;
  category?: { name: string; term: string };
}

export interface FeedDocument {
  format: FeedFormat;
  locale: Locale;
  /** Identifies the feed for ever (its Atom id), e.g. "feed/en/all". */
  id: string;
  title: string;
  description: string;
  /** The page the feed belongs to, and the feed's own address (absolute). */
  link: string;
  feedUrl: string;
  siteUrl: string;
  entries: readonly FeedEntry[];
  now: number;
}

export const tagUri = (siteUrl: string, what: string) => `tag:${new URL(siteUrl).hostname},${TAG_YEAR}:${what}`;

/** The XML of one feed (RSS 2.0 or Atom 1.0); every feed of the site goes through here. */
export function renderFeed(doc: FeedDocument): string {
  const { locale, siteUrl, entries, now } = doc;
  const t = translator(locale);
  // An empty feed still needs an `updated`; the hour keeps it (and the ETag) steady between polls.
  const updated = entries.length > 0 ? Math.max(...entries.map((e) => e.updated)) : Math.floor(now / 3_600_000) * 3_600_000;
  const feed = new Feed({
    id: tagUri(siteUrl, doc.id),
    title: xmlSafe(doc.title),
    description: xmlSafe(doc.description),
    link: doc.link,
    feed: doc.feedUrl,
    language: locale,
    updated: new Date(updated),
    ttl: TTL_MINUTES,
    generator: false,
    author: { name: xmlSafe(t("Feeds.author")), link: `${siteUrl}/${locale}` },
  });
  for (const e of entries) {
    const id = tagUri(siteUrl, `${e.id}/${locale}`);
    feed.addItem({
      title: escapeFeedText(e.title),
      id,
      guid: id,
      link: e.link,
      date: new Date(e.updated),
      published: new Date(e.published),
      description: e.html,
      category: e.category ? [{ name: xmlSafe(e.category.name), term: e.category.term }] : undefined,
    });
  }
  return doc.format === "rss" ? feed.rss2() : feed.atom1();
}

export function buildFeed(ctx: FeedContext): string {
  const { locale, port, siteUrl, items, now } = ctx;
  const t = translator(locale);
  const pageUrl = (slug: string | null) => `${siteUrl}/${locale}${slug ? `/ports/${slug}` : ""}`;
  const name = port ? port.name[locale] : null;
  return renderFeed({
    format: ctx.format,
    locale,
    id: `feed/${locale}/${port?.slug ?? "all"}`,
    title: name ? t("Feeds.portFeedTitle", { port: name }) : t("Feeds.allFeedTitle"),
    description: name ? t("Feeds.portFeedDescription", { port: name }) : t("Feeds.allFeedDescription"),
    link: pageUrl(port?.slug ?? null),
    feedUrl: `${siteUrl}${feedPath(locale, port?.slug ?? null, ctx.format)}`,
    siteUrl,
    now,
    entries: items.map((item) => publicItemEntry(item, locale, siteUrl, port?.slug ?? null, now)),
  });
}

/** An alert or status event as a feed entry; `portSlug`: the per-port feed it goes in, if any. */
export function publicItemEntry(item: PublicItem, locale: Locale, siteUrl: string, portSlug: string | null, now: number): FeedEntry {
  const t = translator(locale);
  const text = itemText(item, locale, now);
  const ports = itemPorts(item);
  // Per-port feed: that port's page; all ports: the item's only port, else the home page.
  const slug = portSlug ?? (ports.length === 1 ? ports[0]! : null);
  const severity = itemSeverity(item);
  return {
    id: itemId(item),
    title: text.title,
    html: textToHtml(text.body),
    link: `${siteUrl}/${locale}${slug ? `/ports/${slug}` : ""}`,
    published: item.at,
    updated: itemUpdated(item),
    category: { name: t(`Feeds.severity.${severity}`), term: severity },
  };
}
