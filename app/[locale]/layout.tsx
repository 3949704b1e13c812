import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider, hasLocale } from "next-intl";
import { getMessages, getNow, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { routing, SITE_TIME_ZONE } from "@/lib/i18n/routing";
import { env } from "@/lib/env";
import { defaultSource, liveRefreshMs } from "@/lib/waits/read";
import { freshness } from "@/lib/waits/freshness";
import { readPollState } from "@/lib/waits/store";
import { FreshnessBanner, type HealthSnapshot } from "@/components/layout/freshness-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { ConnectivityProvider } from "@/components/offline/connectivity";
import { OfflineNotice } from "@/components/offline/offline-notice";
import { ServiceWorker } from "@/components/offline/service-worker";
import { manifestPath, THEME_COLOR } from "@/lib/pwa/manifest";
import { inter } from "../fonts";
import "../globals.css";

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: THEME_COLOR,
};

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const lang = hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
  const t = await getTranslations({ locale: lang, namespace: "Metadata" });
  const offline = await getTranslations({ locale: lang, namespace: "Offline" });
  return {
    metadataBase: new URL(env().SITE_URL),
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    // Each language links its own manifest, so the installed app is named in the reader's language.
    manifest: manifestPath(lang),
    // iOS names a home-screen page from this tag rather than the manifest; the icon is app/apple-icon.png.
    appleWebApp: { capable: true, title: offline("appShortName"), statusBarStyle: "default" },
  };
}

/** Client components get only the message namespaces they use. */
const CLIENT_NAMESPACES = ["Waits", "Time", "Freshness", "Error", "Offline"] as const;

function healthSnapshot(): HealthSnapshot {
  const source = defaultSource();
  const f = freshness(readPollState(source.db).lastSuccessAt, source.now(), source.staleSeconds);
  return { hasData: f.hasData, fetchedAt: f.fetchedAt, stale: f.stale };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Every page is rendered per request: it carries the CSP nonce and current wait times.
  await connection();
  const messages = await getMessages();
  const now = await getNow();
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
  return (
    <html lang={locale} className={inter.variable}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={clientMessages} now={now} timeZone={SITE_TIME_ZONE}>
          <ConnectivityProvider renderedAt={now.toISOString()}>
            <SiteHeader />
            <FreshnessBanner initial={healthSnapshot()} refreshMs={liveRefreshMs()} />
            <OfflineNotice />
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
              {children}
            </main>
            <SiteFooter />
          </ConnectivityProvider>
          <ServiceWorker />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
