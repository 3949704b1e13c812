import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: LayoutProps<"/[locale]/admin">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "Admin" });
  // Never indexed or followed (the X-Robots-Tag header says the same for non-HTML crawlers).
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, robots: { index: false, follow: false } };
}

/**
 * Staff pages. Each page checks the session and role itself (lib/auth/guard.ts): a layout is not
 * re-rendered on client navigation, so it cannot be the check. This one only makes the page wider
 * than the public column (side-by-side editing) and hands the admin texts to its client forms.
 */
export default async function AdminLayout({ children }: LayoutProps<"/[locale]/admin">) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ Admin: messages.Admin, Feeds: messages.Feeds }}>
      <div className="relative left-1/2 w-[min(80rem,calc(100vw-2rem))] -translate-x-1/2" data-testid="admin">
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
