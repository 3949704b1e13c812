import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing, SITE_TIME_ZONE } from "@/lib/i18n/routing";

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
