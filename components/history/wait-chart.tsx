import { useTranslations } from "next-intl";
import { useDateTime } from "@/components/ui/use-date-time";
import type { Spread } from "@/lib/history/stats";

export interface ChartPoint {
  /** ISO time of the hour. */
  at: string;
  wait: number | null;
  typical: Pick<Spread, "median" | "p25" | "p75"> | null;
  forecast?: number | null;
}

// Drawn at about phone width so that its text stays legible there; capped on wide screens.
const W = 400;
const H = 200;
const PAD = { left: 50, right: 8, top: 10, bottom: 24 };

/** Round the axis up to a whole half hour (30, 60, 90 …), at least 30 minutes. */
function axisMax(points: readonly ChartPoint[]): number {
  let max = 0;
  for (const p of points) max = Math.max(max, p.wait ?? 0, p.typical?.p75 ?? 0, p.forecast ?? 0);
  return Math.max(30, Math.ceil(max / 30) * 30);
}

/** Path through the known values; a gap (closed, no reading) breaks the line instead of bridging it. */
function linePath(values: readonly (number | null | undefined)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || v === undefined) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/** Known values with no known neighbour: a line through them would draw nothing, so they get a dot. */
function lonePoints(values: readonly (number | null | undefined)[]): number[] {
  const known = (i: number) => values[i] !== null && values[i] !== undefined;
  return values.flatMap((_, i) => (known(i) && !known(i - 1) && !known(i + 1) ? [i] : []));
}

function bandPaths(points: readonly ChartPoint[], x: (i: number) => number, y: (v: number) => number): string[] {
  const runs: string[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) {
      const top = run.map((i) => `${x(i).toFixed(1)} ${y(points[i]!.typical!.p75).toFixed(1)}`);
      const bottom = [...run].reverse().map((i) => `${x(i).toFixed(1)} ${y(points[i]!.typical!.p25).toFixed(1)}`);
      runs.push(`M${top.join("L")}L${bottom.join("L")}Z`);
    }
    run = [];
  };
  points.forEach((p, i) => (p.typical ? run.push(i) : flush()));
  flush();
  return runs;
}

/**
 * A server-rendered SVG chart of hourly waits: the reading (solid line), the typical range
 * (shaded) and median (dashed), and a forecast (dotted) when given. Line styles and the legend's
 * words carry the meaning, not colours; the same numbers are in a table for screen readers.
 */
export function WaitChart({
  id,
  title,
  points,
  timeZone,
  tick,
}: {
  id: string;
  title: string;
  points: readonly ChartPoint[];
  timeZone: string;
  /** Label every n-th hour with its time ("hour") or its day ("day"). */
  tick: { every: number; label: "hour" | "day" };
}) {
  const t = useTranslations("Charts");
  const tw = useTranslations("Waits");
  const dateTime = useDateTime();
  const max = axisMax(points);
  const n = Math.max(points.length - 1, 1);
  const x = (i: number) => PAD.left + (i / n) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const gridValues = [0, max / 2, max];
  const hasForecast = points.some((p) => p.forecast !== undefined && p.forecast !== null);
  const hasWait = points.some((p) => p.wait !== null);
  const hasTypical = points.some((p) => p.typical !== null);
  // Rows name their day when the chart spans more than one (the last 24 hours cross midnight; a week repeats a weekday).
  const dayOf = (p: ChartPoint) => dateTime(Date.parse(p.at), { year: "numeric", month: "numeric", day: "numeric", timeZone });
  const manyDays = points.length > 1 && dayOf(points[0]!) !== dayOf(points.at(-1)!);
  const timeOf = (p: ChartPoint) =>
    dateTime(Date.parse(p.at), { weekday: manyDays ? "short" : undefined, month: manyDays ? "short" : undefined, day: manyDays ? "numeric" : undefined, hour: "numeric", minute: "2-digit", timeZone });

  const known = points.filter((p) => p.wait !== null);
  const peak = known.reduce<ChartPoint | null>((a, p) => (a === null || p.wait! > a.wait! ? p : a), null);
  const low = known.reduce<ChartPoint | null>((a, p) => (a === null || p.wait! < a.wait! ? p : a), null);
  const forecasts = points.filter((p) => p.forecast !== undefined && p.forecast !== null);
  const fPeak = forecasts.reduce<ChartPoint | null>((a, p) => (a === null || p.forecast! > a.forecast! ? p : a), null);
  const fLow = forecasts.reduce<ChartPoint | null>((a, p) => (a === null || p.forecast! < a.forecast! ? p : a), null);
  const summary =
    peak && low
      ? t("summary", { max: peak.wait!, maxAt: timeOf(peak), min: low.wait!, minAt: timeOf(low) })
      : fPeak && fLow
        ? t("summaryForecast", { max: fPeak.forecast!, maxAt: timeOf(fPeak), min: fLow.forecast!, minAt: timeOf(fLow) })
        : t("summaryEmpty");

  return (
    <figure className="mt-3" aria-labelledby={`${id}-title`} data-testid="wait-chart">
      <figcaption id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="mt-1 h-auto w-full max-w-lg" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <desc id={`${id}-desc`}>{summary}</desc>
        {gridValues.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="stroke-slate-300" strokeWidth="1" />
            <text x={PAD.left - 4} y={y(v) + 4} textAnchor="end" className="fill-slate-700 text-[12.5px]">
              {tw("minutes", { minutes: v })}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % tick.every === 0 ? (
            <text key={p.at} x={x(i)} y={H - 8} textAnchor="middle" className="fill-slate-700 text-[12.5px]">
              {tick.label === "day"
                ? dateTime(Date.parse(p.at), { weekday: "short", day: "numeric", timeZone })
                : dateTime(Date.parse(p.at), { hour: "numeric", timeZone })}
            </text>
          ) : null,
        )}
        {bandPaths(points, x, y).map((d) => (
          <path key={d} d={d} className="fill-slate-200" />
        ))}
        <path d={linePath(points.map((p) => p.typical?.median), x, y)} className="fill-none stroke-slate-600" strokeWidth="1.5" strokeDasharray="6 4" />
        <path d={linePath(points.map((p) => p.wait), x, y)} className="fill-none stroke-sky-800" strokeWidth="2.5" strokeLinejoin="round" />
        {lonePoints(points.map((p) => p.wait)).map((i) => (
          <circle key={`w${i}`} cx={x(i)} cy={y(points[i]!.wait!)} r="3.5" className="fill-sky-800" data-testid="lone-wait" />
        ))}
        {hasForecast ? (
          <path d={linePath(points.map((p) => p.forecast), x, y)} className="fill-none stroke-amber-700" strokeWidth="2.5" strokeDasharray="2 4" strokeLinecap="round" />
        ) : null}
        {lonePoints(points.map((p) => p.forecast)).map((i) => (
          <circle key={`f${i}`} cx={x(i)} cy={y(points[i]!.forecast!)} r="3.5" className="fill-none stroke-amber-700" strokeWidth="2" />
        ))}
      </svg>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
        {hasWait ? <LegendItem kind="wait" label={t("legendWait")} /> : null}
        {hasTypical ? <LegendItem kind="typical" label={t("legendTypical")} /> : null}
        {hasForecast ? <LegendItem kind="forecast" label={t("legendForecast")} /> : null}
      </ul>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-sky-800 underline underline-offset-4">
          {t("showTable")}
          <span className="sr-only">: {title}</span>
        </summary>
        <table className="mt-2 w-full border-collapse text-left [&_td]:py-1 [&_td]:pr-2 [&_th]:py-1 [&_th]:pr-2 [&_tr]:border-b [&_tr]:border-slate-200" data-testid="chart-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colTime")}</th>
              <th scope="col">{t("colWait")}</th>
              <th scope="col">{t("colTypical")}</th>
              {hasForecast ? <th scope="col">{t("colForecast")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              // Cell styles come from the table's selectors: a week is 168 rows.
              <tr key={p.at}>
                <th scope="row" className="font-normal">
                  <time dateTime={p.at}>{timeOf(p)}</time>
                </th>
                <td>{p.wait === null ? "–" : tw("minutes", { minutes: p.wait })}</td>
                <td>
                  {p.typical ? t("typicalCell", { median: Math.round(p.typical.median), p25: Math.round(p.typical.p25), p75: Math.round(p.typical.p75) }) : "–"}
                </td>
                {hasForecast ? <td>{p.forecast === null || p.forecast === undefined ? "–" : tw("minutes", { minutes: p.forecast })}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function LegendItem({ kind, label }: { kind: "wait" | "typical" | "forecast"; label: string }) {
  return (
    <li className="inline-flex items-center gap-1.5">
      <svg width="28" height="12" aria-hidden="true">
        {kind === "typical" ? <rect x="0" y="1" width="28" height="10" className="fill-slate-200" /> : null}
        <line
          x1="0"
          x2="28"
          y1="6"
          y2="6"
          strokeWidth={kind === "typical" ? 1.5 : 2.5}
          strokeDasharray={kind === "typical" ? "6 4" : kind === "forecast" ? "2 4" : undefined}
          strokeLinecap={kind === "forecast" ? "round" : undefined}
          className={kind === "wait" ? "stroke-sky-800" : kind === "typical" ? "stroke-slate-600" : "stroke-amber-700"}
        />
      </svg>
      {label}
    </li>
  );
}
