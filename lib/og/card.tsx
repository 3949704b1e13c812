/**
 * Open Graph images (1200×630 PNG, drawn by next/og from JSX) for shared links: the site's
 * name, what the page is, and its title, in the page's language. No external fonts or images,
 * so they render the same offline.
 */
import { ImageResponse } from "next/og";
import { hasLocale } from "next-intl";
import { translator } from "@/lib/alerts/items";
import { routing, type Locale } from "@/lib/i18n/routing";

export const OG_SIZE = { width: 1200, height: 630 };
export const OG_TYPE = "image/png";

export function ogCard({ site, kicker, title }: { site: string; kicker: string; title: string }): ImageResponse {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#082f49", color: "white", padding: 72 }}>
        <div style={{ display: "flex", fontSize: 36, color: "#bae6fd" }}>{site}</div>
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ display: "flex", fontSize: 34, color: "#e0f2fe", marginBottom: 16 }}>{kicker}</div>
          <div style={{ display: "flex", fontSize: title.length > 60 ? 58 : 72, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
        </div>
        <div style={{ display: "flex", height: 12, width: 240, background: "#38bdf8" }} />
      </div>
    ),
    { ...OG_SIZE },
  );
}

/** Next also calls generateImageMetadata at build time, with placeholder params. */
export const ogLocale = (locale: string): Locale => (hasLocale(routing.locales, locale) ? locale : routing.defaultLocale);

type MetadataKey = "siteName" | "ogSiteAlt" | "ogSiteKicker" | "ogSiteTitle" | "ogGuideKicker" | "ogInitiativeKicker" | "ogPortKicker" | "ogPlannedPortKicker" | "ogPageAlt";

/** A plain translator: image routes have no request for next-intl's server helpers to read. */
export function metadataText(locale: Locale) {
  const t = translator(locale);
  return (key: MetadataKey, values?: { title: string }) => t(`Metadata.${key}`, values);
}
