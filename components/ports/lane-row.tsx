import { useTranslations } from "next-intl";
import type { Lane } from "@/lib/waits/model";
import { SUSPECT_MINUTES } from "@/lib/waits/limits";
import { WaitLevelBadge } from "@/components/ui/wait-level";
import { ReadingTime } from "@/components/ports/reading-time";

export function laneLabelKey(lane: Pick<Lane, "mode" | "type">): "commercialStandard" | `lanes.${Lane["type"]}` {
  return lane.mode === "commercial" && lane.type === "standard" ? "commercialStandard" : `lanes.${lane.type}`;
}

/**
 * One lane: the wait (with a spelled-out level), lanes open of the maximum, and, when the
 * crossing's lanes were not all read at the same time, when CBP read this one.
 */
export function LaneRow({
  lane,
  timeZone,
  now,
  cbpPortNumber,
  showTime,
}: {
  lane: Lane;
  timeZone: string;
  now: number;
  cbpPortNumber: string;
  showTime: boolean;
}) {
  const t = useTranslations("Waits");
  const open = lane.status === "open" && lane.delayMinutes !== null;
  return (
    <li
      className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-0.5 py-2.5"
      data-testid="lane"
      data-crossing={cbpPortNumber}
      data-mode={lane.mode}
      data-type={lane.type}
      data-status={lane.status}
    >
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="text-base font-semibold text-slate-900">{t(laneLabelKey(lane))}</span>
        {open && <WaitLevelBadge minutes={lane.delayMinutes ?? 0} />}
      </span>
      {open ? (
        <span className="text-right text-2xl font-bold tabular-nums text-slate-900" data-testid="lane-minutes" data-minutes={lane.delayMinutes}>
          {lane.delayMinutes === 0 ? t("noWait") : t("minutes", { minutes: lane.delayMinutes ?? 0 })}
        </span>
      ) : (
        <span className="text-right text-base font-semibold text-slate-800" data-testid="lane-status">
          {t(lane.status === "closed" ? "statuses.closed" : "statuses.pending")}
        </span>
      )}
      {(lane.lanesOpen !== null || lane.maxLanes !== null) && (
        <span className="col-span-2 text-sm text-slate-700" data-testid="lane-open" data-open={lane.lanesOpen ?? ""} data-max={lane.maxLanes ?? ""}>
          {lane.lanesOpen === null
            ? t("maxLanes", { max: lane.maxLanes ?? 0 })
            : lane.maxLanes !== null
              ? t("lanesOpen", { open: lane.lanesOpen, max: lane.maxLanes })
              : t("lanesOpenNoMax", { open: lane.lanesOpen })}
        </span>
      )}
      {open && (lane.delayMinutes ?? 0) > SUSPECT_MINUTES && (
        <span className="col-span-2 text-sm font-semibold text-slate-900" data-testid="lane-suspect">
          <span aria-hidden="true">⚠ </span>
          {t("suspect")}
        </span>
      )}
      {showTime && (
        <span className="col-span-2">
          <ReadingTime updatedAt={lane.updatedAt} timeZone={timeZone} now={now} />
        </span>
      )}
    </li>
  );
}
