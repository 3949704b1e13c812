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

export function buildFeed(ctx: FeedContext): string {
  const { locale, port, siteUrl, items, now } = ctx;
  const t = translator(locale);
  const host = new URL(siteUrl).hostname;
  const tag = (what: string) => `tag:${host},${TAG_YEAR}:${what}`;
  const pageUrl = (slug: string | null) => `${siteUrl}/${locale}${slug ? `/ports/${slug}` : ""}`;
  const name = port ? port.name[locale] : null;
  const author = { name: xmlSafe(t("Feeds.author")), link: `${siteUrl}/${locale}` };
  // An empty feed still needs an `updated`; the hour keeps it (and the ETag) steady between polls.
  const updated = items.length > 0 ? Math.max(...items.map(itemUpdated)) : Math.floor(now / 3_600_000) * 3_600_000;

  const feed = new Feed({
    id: tag(`feed/${locale}/${port?.slug ?? "all"}`),
    title: xmlSafe(name ? t("Feeds.portFeedTitle", { port: name }) : t("Feeds.allFeedTitle")),
    description: xmlSafe(name ? t("Feeds.portFeedDescription", { port: name }) : t("Feeds.allFeedDescription")),
    link: pageUrl(port?.slug ?? null),
    feed: `${siteUrl}${feedPath(locale, port?.slug ?? null, ctx.format)}`,
    language: locale,
    updated: new Date(updated),
    ttl: TTL_MINUTES,
    generator: false,
    author,
  });

  for (const item of items) {
    const text = itemText(item, locale, now);
    const ports = itemPorts(item);
    // Per-port feed: that port's page; all ports: the item's only port, else the home page.
    const link = pageUrl(port?.slug ?? (ports.length === 1 ? ports[0]! : null));
    const id = tag(`${itemId(item)}/${locale}`);
    const severity = itemSeverity(item);
    feed.addItem({
      title: escapeFeedText(text.title),
      id,
      guid: id,
      link,
      date: new Date(itemUpdated(item)),
      published: new Date(item.at),
      description: textToHtml(text.body),
      category: [{ name: xmlSafe(t(`Feeds.severity.${severity}`)), term: severity }],
    });
  }
  return ctx.format === "rss" ? feed.rss2() : feed.atom1();
}
