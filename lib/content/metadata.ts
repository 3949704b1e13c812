import type { Metadata } from "next";
import { env } from "@/lib/env";
import { routing, type Locale } from "@/lib/i18n/routing";
import { contentPath, type Addressable } from "@/lib/content/paths";

/** Canonical and hreflang links of an item whose address differs per language (its slug). */
export function contentAlternates(item: Addressable, locale: Locale): Metadata["alternates"] {
  const at = (l: Locale) => `/${l}${contentPath(item, l)}`;
  return {
    canonical: at(locale),
    languages: { ...Object.fromEntries(routing.locales.map((l) => [l, at(l)])), "x-default": at(routing.defaultLocale) },
  };
}

/** SITE_URL without a trailing slash: the origin feeds, calendars and structured data link to. */
export const siteOrigin = (): string => env().SITE_URL.replace(/\/+$/, "");

/** Structured data and feeds need absolute URLs. */
export const absoluteUrl = (path: string): string => `${siteOrigin()}${path}`;
