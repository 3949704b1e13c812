import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";

/** San Diego and Tijuana share Pacific time (Baja California follows U.S. DST rules). */
export const SITE_TIME_ZONE = "America/Los_Angeles";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: SITE_TIME_ZONE,
    now: new Date(),
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
