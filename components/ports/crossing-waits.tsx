import { useLocale, useTranslations } from "next-intl";
import type { ApiCrossing } from "@/lib/api/v1-schema";
import { MODES, type CrossingDef } from "@/lib/ports";
import { LaneRow } from "@/components/ports/lane-row";
import { ReadingTime } from "@/components/ports/reading-time";
import { useHoursText } from "@/components/ports/hours";
import { StatusPill } from "@/components/ui/status-pill";

/** The reading time every lane shares, if they all share one (manual ports report all lanes at once). */
function sharedReadingTime(crossing: ApiCrossing): string | null | undefined {
  const times = new Set(crossing.lanes.map((l) => l.updatedAt));
  return times.size === 1 ? [...times][0] : undefined;
}

/** A crossing's status, hours, CBP notice and lanes grouped by mode. */
export function CrossingWaits({
  def,
  crossing,
  timeZone,
  now,
  headingLevel,
}: {
  def: CrossingDef;
  crossing: ApiCrossing | undefined;
  timeZone: string;
  now: number;
  headingLevel: 2 | 3;
}) {
  const t = useTranslations("Waits");
  const locale = useLocale();
  const hoursText = useHoursText();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SubHeading = headingLevel === 2 ? "h3" : "h4";
  const name = def.name[locale];

  if (!crossing) {
    return (
      <section className="py-3" data-testid="crossing" data-crossing={def.cbpPortNumber} aria-label={name}>
        <Heading className="text-lg font-bold text-slate-900">{name}</Heading>
        <p className="mt-1 text-slate-700">{t("noCrossingData")}</p>
      </section>
    );
  }

  const byMode = MODES.map((mode) => ({ mode, lanes: crossing.lanes.filter((l) => l.mode === mode) })).filter((g) => g.lanes.length > 0);
  const shared = sharedReadingTime(crossing);
  const hours = hoursText(crossing.hours);

  return (
    <section className="py-3" data-testid="crossing" data-crossing={def.cbpPortNumber} aria-label={name}>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <Heading className="text-lg font-bold text-slate-900">{name}</Heading>
        <StatusPill open={crossing.status === "open"} label={t(`crossingStatus.${crossing.status}`)} />
      </div>
      <p className="text-sm text-slate-700">
        {hours.cbpEnglish ? t.rich("hours", { hours: hours.text, cbp: (chunks) => <span lang="en">{chunks}</span> }) : hours.text}
      </p>
      {shared !== undefined && crossing.lanes.length > 0 && (
        <p>
          <ReadingTime updatedAt={shared} timeZone={timeZone} now={now} />
        </p>
      )}
      {crossing.status === "closed" && crossing.lanes.some((l) => l.status === "open") && (
        <p className="mt-1 text-sm font-semibold text-slate-800" data-testid="closed-last-readings">
          {t("closedLastReadings")}
        </p>
      )}
      {crossing.notice && (
        <div className="mt-2 rounded border-l-4 border-sky-700 bg-sky-50 px-3 py-2 text-sm text-slate-800">
          <p className="font-semibold">{t("noticeFromCbp")}</p>
          <p lang="en" className="whitespace-pre-line">
            {crossing.notice}
          </p>
        </div>
      )}
      {byMode.length === 0 && <p className="mt-2 text-slate-700">{t("noLanes")}</p>}
      {byMode.map((group) => (
        <div key={group.mode} className="mt-2">
          <SubHeading className="text-sm font-bold uppercase tracking-wide text-slate-700">{t(`modes.${group.mode}`)}</SubHeading>
          <ul className="divide-y divide-slate-200">
            {group.lanes.map((lane) => (
              <LaneRow
                key={`${lane.mode}-${lane.type}`}
                lane={lane}
                timeZone={timeZone}
                now={now}
                cbpPortNumber={crossing.cbpPortNumber}
                showTime={shared === undefined}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
