/** The <title> of an admin page, from a key of the Admin messages, in the page's language. */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

export function adminTitle(key: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "Admin" });
    return { title: t(key as never) };
  };
}
