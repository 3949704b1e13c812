import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { alternatesFor } from "@/lib/i18n/metadata";
import type { Locale } from "@/lib/i18n/routing";
import { liveRefreshMs, readAllPorts } from "@/lib/waits/read";
import { LivePorts } from "@/components/ports/live-ports";
import { ActiveAlerts } from "@/components/alerts/active-alerts";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const locale = (await params).locale as Locale;
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: { absolute: t("homeTitle") }, description: t("homeDescription"), alternates: alternatesFor("/", locale) };
}

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("Home");
  const view = readAllPorts();
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-lg text-slate-700">{t("intro")}</p>
      <div className="mt-4">
        <ActiveAlerts locale={locale} />
        <LivePorts initial={{ data: view.ports, meta: view.meta }} refreshMs={liveRefreshMs()} />
      </div>
      <p className="mt-6 rounded border border-slate-300 bg-white p-3 text-slate-800">{t("southbound")}</p>
      <section aria-labelledby="before-heading" className="mt-6 rounded-lg border border-sky-300 bg-sky-50 p-4" data-testid="home-planning">
        <h2 id="before-heading" className="text-xl font-bold">
          {t("beforeHeading")}
        </h2>
        <ul className="mt-2 space-y-1">
          <li>
            <Link href="/plan" className="font-semibold text-sky-900 underline underline-offset-4">
              {t("planLink")}
            </Link>
          </li>
          <li>
            <Link href="/guides" className="font-semibold text-sky-900 underline underline-offset-4">
              {t("guidesLink")}
            </Link>
          </li>
        </ul>
      </section>
    </>
  );
}
