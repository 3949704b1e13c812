import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { FORECAST_HOURS } from "@/lib/history/forecast";
import type { LaneOutlook } from "@/lib/history/outlook";
import { laneLabelKey } from "@/components/ports/lane-row";
import { useDateTime } from "@/components/ui/use-date-time";
import { WaitChart, type ChartPoint } from "@/components/history/wait-chart";

/** "Today against typical" and "the next 12 hours" for each lane of a port, most-used lane open. */
export function PortOutlook({ lanes, timeZone }: { lanes: readonly LaneOutlook[]; timeZone: string }) {
  const t = useTranslations("Outlook");
  return (
    <section className="mt-8" aria-labelledby="outlook-heading" data-testid="port-outlook">
      <h2 id="outlook-heading" className="text-2xl font-bold text-slate-900">
        {t("heading")}
      </h2>
      <p className="mt-1 text-slate-800">
        {t.rich("intro", {
          link: (chunks) => (
            <Link href="/methodology" className="text-sky-800 underline underline-offset-4">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <div className="mt-3 space-y-3">
        {lanes.map((lane, i) => (
          <LaneBlock key={`${lane.cbpPortNumber}-${lane.mode}-${lane.type}`} lane={lane} timeZone={timeZone} open={i === 0} />
        ))}
      </div>
    </section>
  );
}

/** All 12 coming hours, closed ones included as gaps, so the chart's time axis stays even. */
function nextHours(lane: LaneOutlook): ChartPoint[] {
  const first = lane.forecast[0];
  if (!first) return [];
  const hourNow = Date.parse(first.at) - first.horizon * 3_600_000;
  return Array.from({ length: FORECAST_HOURS }, (_, i) => {
    const f = lane.forecast.find((x) => x.horizon === i + 1);
    return f
      ? { at: f.at, wait: null, typical: f.typical, forecast: f.minutes }
      : { at: new Date(hourNow + (i + 1) * 3_600_000).toISOString(), wait: null, typical: null, forecast: null };
  });
}

function LaneBlock({ lane, timeZone, open }: { lane: LaneOutlook; timeZone: string; open: boolean }) {
  const t = useTranslations("Outlook");
  const tw = useTranslations("Waits");
  const locale = useLocale() as Locale;
  const dateTime = useDateTime();
  const id = `outlook-${lane.cbpPortNumber}-${lane.mode}-${lane.type}`;
  const name = `${lane.crossingName[locale]} · ${tw(`modes.${lane.mode}`)} · ${tw(laneLabelKey(lane))}`;
  const hour = (iso: string) => dateTime(Date.parse(iso), { hour: "numeric", minute: "2-digit", timeZone });
  const points = lane.forecast;
  // "Best time" only means something when the forecast varies; lane.best is already null when
  // an hour that only carries today's wait is shorter than every hour resting on history.
  const informed = points.filter((f) => f.basis !== "current");
  const flat = points.length > 1 && points.every((f) => f.minutes === points[0]!.minutes);
  const best = flat ? null : lane.best;
  const carried = points.some((f) => f.basis === "current");
  const basisNote =
    points.length === 0 || points.some((f) => f.basis === "blend")
      ? null
      : carried && informed.length > 0
        ? t("currentThenUsual")
        : carried
          ? t("currentOnly")
          : lane.current === null
            ? t("usualOnly")
            : t("usualPlain");
  return (
    <details open={open} className="rounded-lg border border-slate-300 bg-white p-3" data-testid="lane-outlook" data-mode={lane.mode} data-type={lane.type} data-crossing={lane.cbpPortNumber}>
      <summary className="cursor-pointer">
        <h3 className="inline text-lg font-semibold text-slate-900">{name}</h3>
        <span className="block text-slate-800" data-testid="best-time">
          {best
            ? best.expectedError !== null
              ? t("bestWithError", { time: hour(best.at), minutes: best.minutes, error: Math.round(best.expectedError) })
              : t("best", { time: hour(best.at), minutes: best.minutes })
            : points.length === 0
              ? t("noForecast")
              : flat || informed.length === 0
                ? points.length < FORECAST_HOURS
                  ? t("flatOpenHours")
                  : t("flat")
                : t("noBest")}
        </span>
      </summary>
      {basisNote ? <p className="mt-2 text-sm text-slate-800">{basisNote}</p> : null}
      <WaitChart
        id={`${id}-today`}
        title={t("todayTitle")}
        points={lane.today.map((p) => ({ at: p.at, wait: p.wait, typical: p.typical }))}
        timeZone={timeZone}
        tick={{ every: 6, label: "hour" }}
      />
      <WaitChart
        id={`${id}-next`}
        title={t("nextTitle")}
        points={nextHours(lane)}
        timeZone={timeZone}
        tick={{ every: 3, label: "hour" }}
      />
    </details>
  );
}
