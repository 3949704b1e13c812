import type { MetadataRoute } from "next";
import { routing, type Locale } from "@/lib/i18n/routing";

/** The site's colours (app/[locale]/layout.tsx `themeColor`, the body's slate-50 background). */
export const THEME_COLOR = "#082f49";
export const BACKGROUND_COLOR = "#f8fafc";

export const MANIFEST_CONTENT_TYPE = "application/manifest+json; charset=utf-8";

export interface ManifestTexts {
  name: string;
  shortName: string;
  description: string;
}

/**
 * Where each language's pages link their manifest. The default language keeps the well-known
 * address; the others get their own, because Android names the installed app from the manifest
 * the page links at install time (and iOS from `apple-mobile-web-app-title`), so a Spanish reader
 * must be offered a Spanish manifest rather than one bilingual name that fits nobody's home screen.
 */
export function manifestPath(locale: Locale): string {
  return locale === routing.defaultLocale ? "/manifest.webmanifest" : `/${locale}/manifest.webmanifest`;
}

/**
 * One language's manifest. Each has its own `id`, so installing one never renames the other, and
 * a scope of the whole site, so switching language inside the installed app stays in the app.
 */
export function buildManifest(locale: Locale, texts: ManifestTexts): MetadataRoute.Manifest {
  return {
    id: `/${locale}`,
    name: texts.name,
    short_name: texts.shortName,
    description: texts.description,
    lang: locale,
    dir: "ltr",
    start_url: `/${locale}`,
    scope: "/",
    display: "standalone",
    orientation: "any",
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    categories: ["travel", "navigation"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
