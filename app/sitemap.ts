import type { MetadataRoute } from "next";
import { routing, type Locale } from "@/lib/i18n/routing";
import { PORTS } from "@/lib/ports";
import { contentDb } from "@/lib/content/read";
import { listPublished } from "@/lib/content/store";
import { contentPath } from "@/lib/content/paths";
import { absoluteUrl } from "@/lib/content/metadata";

/** Read per request: content changes without a rebuild. */
export const dynamic = "force-dynamic";

const STATIC_PAGES = ["", "/dashboard", "/guides", "/plan", "/about", "/meetings", "/initiatives", "/announcements", "/developers", "/methodology", "/search"];

/** Every public page in both languages, each entry listing its other-language address. */
export default function sitemap(): MetadataRoute.Sitemap {
  const db = contentDb();
  const entry = (at: (l: Locale) => string, lastModified?: number): MetadataRoute.Sitemap[number][] =>
    routing.locales.map((l) => ({
      url: absoluteUrl(`/${l}${at(l)}`),
      ...(lastModified ? { lastModified: new Date(lastModified) } : {}),
      alternates: { languages: Object.fromEntries(routing.locales.map((o) => [o, absoluteUrl(`/${o}${at(o)}`)])) },
    }));
  return [
    ...STATIC_PAGES.flatMap((p) => entry(() => p)),
    ...PORTS.flatMap((p) => entry(() => `/ports/${p.slug}`)),
    ...(["guide", "initiative"] as const).flatMap((kind) => listPublished(db, kind).flatMap((item) => entry((l) => contentPath(item, l), item.updatedAt))),
  ];
}
