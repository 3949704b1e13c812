import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { alternatesFor } from "@/lib/i18n/metadata";
import { SITE_TIME_ZONE, type Locale } from "@/lib/i18n/routing";
import { VS_TYPICAL_MARGIN } from "@/lib/history/compare";
import { buildDashboard, type DashboardLane } from "@/lib/history/dashboard";
import { defaultSource } from "@/lib/waits/read";
import { laneLabelKey } from "@/components/ports/lane-row";
import { formatDateTime } from "@/components/ui/use-date-time";
import { DashboardTable } from "@/components/history/dashboard-table";
import { WaitChart } from "@/components/history/wait-chart";

type Props = PageProps<"/[locale]/dashboard">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = (await params).locale as Locale;
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: t("dashboardTitle"), description: t("dashboardDescription"), alternates: alternatesFor("/dashboard", locale) };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("Dashboard");
  const tw = await getTranslations("Waits");
  const d = buildDashboard(defaultSource());
  // One lane's charts at a time (each holds a week of hourly values and their table); the
  // choosers are plain links, so no JavaScript is needed.
  const query = await searchParams;
  const chartPort = d.ports.find((p) => p.slug === query.port) ?? d.ports[0];
  const chartLane = chartPort?.lanes.find((l) => laneId(l) === query.lane) ?? chartPort?.lanes[0];
  const laneName = (l: DashboardLane) => `${l.crossingName[locale]} · ${tw(`modes.${l.mode}`)} · ${tw(laneLabelKey(l))}`;
  const h = d.headline;
  const minutes = (m: number) => (m === 0 ? tw("noWait") : tw("minutes", { minutes: m }));
  const time = (iso: string) => formatDateTime(locale, Date.parse(iso), { hour: "numeric", minute: "2-digit", timeZone: SITE_TIME_ZONE });

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-lg text-slate-700">{t("intro")}</p>
      <p className="mt-1 text-sm text-slate-700" data-testid="dashboard-freshness">
        {d.fetchedAt ? t("asOf", { time: time(d.fetchedAt) }) : t("noData")}
        {d.stale && d.fetchedAt ? ` ${t("staleNote")}` : ""}
      </p>

      <section aria-labelledby="headline-heading" className="mt-4">
        <h2 id="headline-heading" className="sr-only">
          {t("headlineHeading")}
        </h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="headline">
          <Stat label={t("statAbove")} value={h.portsCompared > 0 ? t("statAboveValue", { above: h.portsAboveTypical, total: h.portsCompared }) : "–"} />
          <Stat label={t("statLanes")} value={h.lanesMax > 0 ? t("lanesOfMax", { open: h.lanesOpen, max: h.lanesMax }) : "–"} note={t("statLanesNote", { all: h.lanesMaxAll })} />
          <Stat label={t("statLongest")} value={h.longest ? minutes(h.longest.lane.wait!) : "–"} note={h.longest ? laneName(h.longest.lane) : undefined} />
          <Stat label={t("statShortest")} value={h.shortest ? minutes(h.shortest.lane.wait!) : "–"} note={h.shortest ? laneName(h.shortest.lane) : undefined} />
        </dl>
      </section>

      <p className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <a href="/api/v1/dashboard?format=csv" download className="font-semibold text-sky-800 underline underline-offset-4" data-testid="download-csv">
          {t("downloadCsv")}
        </a>
        <a href="/api/v1/dashboard?format=csv&series=week" download className="font-semibold text-sky-800 underline underline-offset-4">
          {t("downloadWeekCsv")}
        </a>
        <a href="/api/v1/dashboard" download="border-status.json" className="font-semibold text-sky-800 underline underline-offset-4" data-testid="download-json">
          {t("downloadJson")}
        </a>
      </p>

      {d.ports.map((port) => (
        <section key={port.slug} className="mt-6" aria-labelledby={`port-${port.slug}`}>
          <h2 id={`port-${port.slug}`} className="text-2xl font-bold text-slate-900">
            <Link href={`/ports/${port.slug}`} className="underline-offset-4 hover:underline">
              {port.name[locale]}
            </Link>
          </h2>
          <DashboardTable port={port} now={Date.parse(d.generatedAt)} />
        </section>
      ))}
      <p className="mt-3 text-sm text-slate-700">
        {t.rich("howCompared", {
          margin: VS_TYPICAL_MARGIN,
          link: (chunks) => (
            <Link href="/methodology" className="text-sky-800 underline underline-offset-4">
              {chunks}
            </Link>
          ),
        })}
      </p>

      {chartPort && chartLane ? (
        <section className="mt-8" aria-labelledby="charts-heading">
          <h2 id="charts-heading" className="text-2xl font-bold text-slate-900">
            {t("chartsHeading", { port: chartPort.name[locale] })}
          </h2>
          <Chooser
            label={t("chartsPortNav")}
            items={d.ports.map((p) => ({ key: p.slug, text: p.name[locale], query: { port: p.slug }, current: p.slug === chartPort.slug }))}
          />
          <Chooser
            label={t("chartsLaneNav")}
            items={chartPort.lanes.map((l) => ({
              key: laneId(l),
              text: laneName(l),
              query: { port: chartPort.slug, lane: laneId(l) },
              current: l === chartLane,
            }))}
          />
          <div className="mt-3 rounded-lg border border-slate-300 bg-white p-3" data-testid="lane-charts">
            <h3 className="text-lg font-semibold text-slate-900">{laneName(chartLane)}</h3>
            <WaitChart id="chart-24h" title={t("chart24h")} points={chartLane.week.slice(-24)} timeZone={chartPort.timeZone} tick={{ every: 6, label: "hour" }} />
            <WaitChart id="chart-7d" title={t("chart7d")} points={chartLane.week} timeZone={chartPort.timeZone} tick={{ every: 24, label: "day" }} />
          </div>
        </section>
      ) : null}
    </>
  );
}

const laneId = (l: DashboardLane) => `${l.cbpPortNumber}-${l.mode}-${l.type}`;

function Chooser({ label, items }: { label: string; items: { key: string; text: string; query: Record<string, string>; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="mt-2">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={{ pathname: "/dashboard", query: item.query, hash: "charts-heading" }}
              aria-current={item.current ? "page" : undefined}
              className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ring-1 ring-sky-800 ${item.current ? "bg-sky-800 text-white" : "text-sky-800"}`}
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-3">
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold text-slate-900">{value}</dd>
      {note ? <dd className="text-sm text-slate-800">{note}</dd> : null}
    </div>
  );
}
