import type { Metadata } from "next";
import { routing, type Locale } from "@/lib/i18n/routing";

/** Canonical URL plus hreflang alternates for a page that exists in every locale. */
export function alternatesFor(path: string, locale: Locale): Metadata["alternates"] {
  const suffix = path === "/" ? "" : path;
  return {
    canonical: `/${locale}${suffix}`,
    languages: { ...Object.fromEntries(routing.locales.map((l) => [l, `/${l}${suffix}`])), "x-default": `/${routing.defaultLocale}${suffix}` },
  };
}
