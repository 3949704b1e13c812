import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import type { DashboardPort, DashboardLane } from "@/lib/history/dashboard";
import type { Trend, VsTypical } from "@/lib/history/compare";
import { TYPICAL_WEEKS } from "@/lib/history/forecast";
import { laneLabelKey } from "@/components/ports/lane-row";
import { useDateTime } from "@/components/ui/use-date-time";
import { isSameLocalDay } from "@/components/ui/format";

const VS_GLYPH: Record<VsTypical, string> = { above: "▲", below: "▼", normal: "=" };
const VS_STYLE: Record<VsTypical, string> = {
  above: "bg-red-50 text-red-900 ring-red-700",
  below: "bg-emerald-50 text-emerald-900 ring-emerald-700",
  normal: "bg-slate-100 text-slate-900 ring-slate-500",
};

/**
 * One port's lanes now. A real table (the CSV download has the same columns); on a phone each
 * row becomes a card whose cells carry their column name, so nothing scrolls sideways.
 */
export function DashboardTable({ port, now }: { port: DashboardPort; now: number }) {
  const t = useTranslations("Dashboard");
  const locale = useLocale() as Locale;
  const cols = [t("colLane"), t("colWait"), t("colTypical"), t("colVsTypical"), t("colLanesOpen"), t("colTrend"), t("colUpdated")];
  const cell = "block py-0.5 sm:table-cell sm:py-2 sm:pr-3 before:mr-1 before:font-semibold before:content-[attr(data-label)] sm:before:content-none";
  return (
    <table className="mt-2 w-full border-collapse text-left text-slate-900" data-testid="dashboard-table" data-port={port.slug}>
      <caption className="sr-only">{t("tableCaption", { port: port.name[locale] })}</caption>
      <thead className="sr-only sm:not-sr-only">
        <tr className="border-b border-slate-400 text-sm">
          {cols.map((c) => (
            <th key={c} scope="col" className="py-1 pr-3 font-semibold">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      {crossingsOf(port).map(([cbpPortNumber, lanes]) => (
        <tbody key={cbpPortNumber}>
          <tr>
            <th colSpan={cols.length} scope="rowgroup" role="rowheader" className="block pt-3 pb-1 text-base font-bold text-slate-900 sm:table-cell">
              {lanes[0]!.crossingName[locale]}
            </th>
          </tr>
          {lanes.map((lane) => (
            <Row key={`${lane.mode}-${lane.type}`} lane={lane} cols={cols} cell={cell} timeZone={port.timeZone} now={now} />
          ))}
        </tbody>
      ))}
    </table>
  );
}

function crossingsOf(port: DashboardPort): [string, DashboardLane[]][] {
  const groups = new Map<string, DashboardLane[]>();
  for (const l of port.lanes) groups.set(l.cbpPortNumber, [...(groups.get(l.cbpPortNumber) ?? []), l]);
  return [...groups];
}

function Row({ lane, cols, cell, timeZone, now }: { lane: DashboardLane; cols: string[]; cell: string; timeZone: string; now: number }) {
  const t = useTranslations("Dashboard");
  // The same "median (range)" format as the charts' tables.
  const tc = useTranslations("Charts");
  const tw = useTranslations("Waits");
  const locale = useLocale() as Locale;
  const dateTime = useDateTime();
  const wait =
    lane.wait !== null
      ? lane.wait === 0
        ? tw("noWait")
        : tw("minutes", { minutes: lane.wait })
      : lane.status === "closed" || lane.status === "pending"
        ? tw(`statuses.${lane.status}`)
        : t("notReported");
  return (
    // Explicit roles: on phones the rows are laid out as blocks, which some browsers take as
    // dropping table semantics.
    <tr
      role="row"
      className="block border-b border-slate-300 py-2 sm:table-row sm:py-0"
      data-testid="dashboard-lane"
      data-crossing={lane.cbpPortNumber}
      data-mode={lane.mode}
      data-type={lane.type}
      data-wait={lane.wait ?? ""}
      data-vs={lane.vsTypical ?? ""}
    >
      <th scope="row" role="rowheader" className="block py-0.5 font-semibold sm:table-cell sm:py-2 sm:pr-3">
        {/* The crossing heads the group visually; screen readers hear it with each row. */}
        <span className="sr-only">{lane.crossingName[locale]} · </span>
        {tw(`modes.${lane.mode}`)} · {tw(laneLabelKey(lane))}
      </th>
      <td role="cell" className={cell} data-label={cols[1]}>
        {wait}
        {lane.old ? <span className="ml-1 text-sm">({tw("oldReading")})</span> : null}
      </td>
      <td role="cell" className={cell} data-label={cols[2]}>
        {lane.typical
          ? tc("typicalCell", { median: Math.round(lane.typical.median), p25: Math.round(lane.typical.p25), p75: Math.round(lane.typical.p75) })
          : lane.noOpenReadings
            ? t("noOpenReadings", { weeks: TYPICAL_WEEKS })
            : t("noTypical")}
      </td>
      <td role="cell" className={cell} data-label={cols[3]}>
        {lane.vsTypical ? <VsBadge vs={lane.vsTypical} label={t(`vs.${lane.vsTypical}`)} /> : "–"}
      </td>
      <td role="cell" className={cell} data-label={cols[4]}>
        {lane.lanesOpen !== null && lane.maxLanes !== null ? t("lanesOfMax", { open: lane.lanesOpen, max: lane.maxLanes }) : "–"}
      </td>
      <td role="cell" className={cell} data-label={cols[5]}>
        {lane.trend ? <TrendMark trend={lane.trend} values={lane.recent} label={t(`trend.${lane.trend}`)} /> : "–"}
      </td>
      <td role="cell" className={cell} data-label={cols[6]}>
        {lane.updatedAt ? (
          <time dateTime={lane.updatedAt}>
            {/* An earlier day's reading carries its date, so "9:00 PM" is never read as tonight. */}
            {isSameLocalDay(Date.parse(lane.updatedAt), now, timeZone)
              ? dateTime(Date.parse(lane.updatedAt), { hour: "numeric", minute: "2-digit", timeZone })
              : dateTime(Date.parse(lane.updatedAt), { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone })}
          </time>
        ) : (
          "–"
        )}
      </td>
    </tr>
  );
}

export function VsBadge({ vs, label }: { vs: VsTypical; label: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-semibold ring-1 ${VS_STYLE[vs]}`} data-vs={vs}>
      <span aria-hidden="true">{VS_GLYPH[vs]}</span>
      {label}
    </span>
  );
}

/** The trend word, with the last hours drawn small beside it (the word carries the meaning). */
function TrendMark({ trend, values, label }: { trend: Trend; values: readonly (number | null)[]; label: string }) {
  const known = values.map((v, i) => [i, v] as const).filter((p): p is readonly [number, number] => p[1] !== null);
  const max = Math.max(30, ...known.map(([, v]) => v));
  const pts = known.map(([i, v]) => `${((i / Math.max(values.length - 1, 1)) * 46 + 1).toFixed(1)},${(15 - (v / max) * 13).toFixed(1)}`).join(" ");
  return (
    <span className="inline-flex items-center gap-1.5" data-trend={trend}>
      <svg width="48" height="16" aria-hidden="true" className="shrink-0">
        <polyline points={pts} className="fill-none stroke-slate-700" strokeWidth="1.5" />
      </svg>
      {label}
    </span>
  );
}
