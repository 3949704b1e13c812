import { defineRouting } from "next-intl/routing";

/** One routing object for the proxy, navigation helpers and request config. @see https://next-intl.dev/docs/routing */
export const routing = defineRouting({
  locales: ["en", "es"],
  defaultLocale: "en",
  localePrefix: "always",
  // The remembered language: Secure and __Host- like every cookie here (the Observatory's cookie
  // test; reliability.md A5). Browsers treat http://localhost as secure, so development keeps it.
  localeCookie: { name: "__Host-NEXT_LOCALE", secure: true, sameSite: "lax", path: "/" },
});

/** San Diego and Tijuana share Pacific time (Baja California follows U.S. DST rules). */
export const SITE_TIME_ZONE = "America/Los_Angeles";

export type Locale = (typeof routing.locales)[number];

export function otherLocale(locale: Locale): Locale {
  return locale === "en" ? "es" : "en";
}
