import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/lib/i18n/navigation";
import { alternatesFor } from "@/lib/i18n/metadata";
import type { Locale } from "@/lib/i18n/routing";
import { getPort } from "@/lib/ports";
import { liveRefreshMs, readOnePort } from "@/lib/waits/read";
import { LivePort } from "@/components/ports/live-port";
import { StatusPill } from "@/components/ui/status-pill";
import { PortOutlook } from "@/components/history/port-outlook";
import { getDb } from "@/lib/db/client";
import { perMinute } from "@/lib/history/memo";
import { forecastContext, laneOutlook, portLanes } from "@/lib/history/outlook";
import { feedPath } from "@/lib/feeds/build";
import { PortInfo } from "@/components/content/port-info";
import { ActiveAlerts } from "@/components/alerts/active-alerts";

type Props = PageProps<"/[locale]/ports/[slug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const port = getPort(slug);
  if (!port) return {};
  const t = await getTranslations({ locale, namespace: "Metadata" });
  const tf = await getTranslations({ locale, namespace: "Feeds" });
  const name = port.name[locale];
  return {
    title: port.kind === "planned" ? t("plannedPortTitle", { port: name }) : t("portTitle", { port: name }),
    description: port.kind === "planned" ? t("plannedPortDescription", { port: name }) : t("portDescription", { port: name }),
    alternates: {
      ...alternatesFor(`/ports/${slug}`, locale),
      // Feed readers and browsers discover the port's feeds from these <link rel="alternate">.
      types: {
        "application/rss+xml": [{ url: feedPath(locale, slug, "rss"), title: tf("rssTitle", { port: name }) }],
        "application/atom+xml": [{ url: feedPath(locale, slug, "atom"), title: tf("atomTitle", { port: name }) }],
      },
    },
  };
}

export default async function PortPage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const view = readOnePort(slug);
  if (!view) notFound();
  const t = await getTranslations("Port");
  const tw = await getTranslations("Waits");
  const { def, port, meta } = view;

  return (
    <>
      <p className="text-sm">
        <Link href="/" className="text-sky-800 underline underline-offset-4">
          {t("breadcrumbHome")}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{def.name[locale]}</h1>
        <StatusPill open={port.status === "open"} label={tw(`portStatus.${port.status}`)} />
      </div>
      <p className="mt-1 text-lg text-slate-700">{t(`descriptions.${def.slug as "san-ysidro"}`)}</p>
      <dl className="mt-3 text-slate-800">
        <dt className="inline font-semibold">{t("addressLabel")}: </dt>
        <dd className="inline">{def.address}</dd>
      </dl>
      <div className="mt-4">
        <ActiveAlerts locale={locale} port={def.slug} />
      </div>
      {def.kind === "planned" ? <PlannedPort /> : null}
      {def.kind === "active" ? (
        <section className="mt-6" aria-labelledby="crossings-heading">
          <h2 id="crossings-heading" className="sr-only">
            {t("crossingsHeading")}
          </h2>
          <LivePort def={def} initial={{ data: port, meta }} refreshMs={liveRefreshMs()} />
          <p className="mt-2 text-sm text-slate-700">{t("timeZoneNote")}</p>
        </section>
      ) : null}
      {def.kind === "active" ? <PortOutlook lanes={outlooks(def, view.version)} timeZone={def.timeZone} /> : null}
      <PortInfo def={def} locale={locale} />
      <FeedLinks locale={locale} slug={def.slug} name={def.name[locale]} />
    </>
  );
}

function outlooks(def: NonNullable<ReturnType<typeof getPort>>, version: string) {
  const db = getDb();
  const nowMs = Date.now();
  return perMinute(db, `outlook|${def.slug}|${version}`, nowMs, () => {
    const ctx = forecastContext(db);
    return portLanes(def).map((lane) => laneOutlook(db, lane, def.timeZone, Math.floor(nowMs / 1000), ctx, { today: true }));
  });
}

async function PlannedPort() {
  const t = await getTranslations("PlannedPort");
  return (
    <section className="mt-6 space-y-3 rounded-lg border border-slate-300 bg-white p-4" data-testid="planned-port">
      <h2 className="text-xl font-bold">{t("statusHeading")}</h2>
      <p>{t("body")}</p>
      <p>{t("noNumbers")}</p>
      <p>
        <Link href="/ports/otay-mesa" className="font-semibold text-sky-800 underline underline-offset-4">
          {t("meanwhile")}
        </Link>
      </p>
    </section>
  );
}

/** Plain anchors: the feeds are XML route handlers, not pages for client-side navigation. */
async function FeedLinks({ locale, slug, name }: { locale: Locale; slug: string; name: string }) {
  const t = await getTranslations("Feeds");
  const link = "font-semibold text-sky-800 underline underline-offset-4";
  return (
    <p className="mt-8 text-sm text-slate-800" data-testid="feed-links">
      {t("subscribe", { port: name })}{" "}
      <a href={feedPath(locale, slug, "rss")} type="application/rss+xml" className={link} data-testid="feed-rss">
        {t("rss")}
      </a>
      {" · "}
      <a href={feedPath(locale, slug, "atom")} type="application/atom+xml" className={link} data-testid="feed-atom">
        {t("atom")}
      </a>
    </p>
  );
}
