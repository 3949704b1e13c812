import { useFormatter, useTranslations } from "next-intl";
import type { Lane } from "@/lib/waits/model";
import { isReadingOld } from "@/lib/waits/view";
import { WaitLevelBadge } from "@/components/ui/wait-level";
import { isSameLocalDay, useAgeText } from "@/components/ui/use-age";

export function laneLabelKey(lane: Pick<Lane, "mode" | "type">): "commercialStandard" | `lanes.${Lane["type"]}` {
  return lane.mode === "commercial" && lane.type === "standard" ? "commercialStandard" : `lanes.${lane.type}`;
}

/** One lane: the wait, how many lanes are open of the maximum, and when CBP read it. */
export function LaneRow({ lane, timeZone, now, cbpPortNumber }: { lane: Lane; timeZone: string; now: number; cbpPortNumber: string }) {
  const t = useTranslations("Waits");
  const format = useFormatter();
  const ageText = useAgeText();
  const updatedMs = lane.updatedAt ? Date.parse(lane.updatedAt) : null;
  const old = lane.updatedAt ? isReadingOld(lane.updatedAt, now) : false;
  const time =
    updatedMs === null
      ? null
      : isSameLocalDay(updatedMs, now, timeZone)
        ? format.dateTime(updatedMs, { hour: "numeric", minute: "2-digit", timeZone })
        : format.dateTime(updatedMs, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone });

  return (
    <li
      className="grid grid-cols-[1fr_auto] items-start gap-x-3 gap-y-1 py-3"
      data-testid="lane"
      data-crossing={cbpPortNumber}
      data-mode={lane.mode}
      data-type={lane.type}
      data-status={lane.status}
    >
      <span className="text-base font-semibold text-slate-900">{t(laneLabelKey(lane))}</span>
      <span className="text-right">
        {lane.status === "open" && lane.delayMinutes !== null ? (
          <span className="text-2xl font-bold tabular-nums text-slate-900" data-testid="lane-minutes" data-minutes={lane.delayMinutes}>
            {lane.delayMinutes === 0 ? t("noWait") : t("minutes", { minutes: lane.delayMinutes })}
          </span>
        ) : (
          <span className="text-base font-semibold text-slate-700" data-testid="lane-status">
            {t(lane.status === "closed" ? "statuses.closed" : "statuses.pending")}
          </span>
        )}
      </span>
      <span className="col-span-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        {lane.status === "open" && lane.delayMinutes !== null && <WaitLevelBadge minutes={lane.delayMinutes} />}
        {lane.lanesOpen !== null && (
          <span data-testid="lane-open" data-open={lane.lanesOpen} data-max={lane.maxLanes ?? ""}>
            {lane.maxLanes !== null ? t("lanesOpen", { open: lane.lanesOpen, max: lane.maxLanes }) : t("lanesOpenNoMax", { open: lane.lanesOpen })}
          </span>
        )}
        {lane.lanesOpen === null && lane.maxLanes !== null && <span>{t("maxLanes", { max: lane.maxLanes })}</span>}
      </span>
      <span className="col-span-2 text-sm text-slate-600">
        {time !== null && updatedMs !== null ? (
          <time dateTime={lane.updatedAt ?? undefined}>{t("reportedAt", { time, ago: ageText(updatedMs, now) })}</time>
        ) : (
          t("noReadingTime")
        )}
        {old && (
          <strong className="ml-2 inline-block rounded border border-slate-500 px-1.5 text-xs font-semibold text-slate-800" data-testid="lane-old">
            {t("oldReading")}
          </strong>
        )}
      </span>
    </li>
  );
}
