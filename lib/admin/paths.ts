/** Where a sign-in may send someone back to: an admin page of this site, nothing else (no open redirect). */
import type { Locale } from "@/lib/i18n/routing";

const ADMIN_PATH = /^\/(?:en|es)\/admin(?:\/[a-z0-9\-/]*)?(?:\?[\w=&%.-]*)?$/;

export function safeNext(next: unknown, locale: Locale): string {
  return typeof next === "string" && ADMIN_PATH.test(next) && !next.includes("//") && !next.includes("/sign-in") ? next : `/${locale}/admin`;
}
