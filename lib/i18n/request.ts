import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing, SITE_TIME_ZONE } from "@/lib/i18n/routing";
import { applyOverrides } from "@/lib/admin/ui-texts";
import { textOverrides } from "@/lib/i18n/overrides";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: SITE_TIME_ZONE,
    now: new Date(),
    messages: applyOverrides((await import(`../../messages/${locale}.json`)).default, textOverrides(locale)),
  };
});
