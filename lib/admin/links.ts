/** Absolute links the admin hands out (setup links are sent to people by e-mail or chat). */
import { siteOrigin } from "@/lib/content/metadata";
import type { Locale } from "@/lib/i18n/routing";

export function setupLink(locale: Locale, token: string): string {
  return `${siteOrigin()}/${locale}/admin/setup?token=${encodeURIComponent(token)}`;
}
