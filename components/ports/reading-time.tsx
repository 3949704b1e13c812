import { useTranslations } from "next-intl";
import { useDateTime } from "@/components/ui/use-date-time";
import { isReadingOld } from "@/lib/waits/view";
import { isSameLocalDay } from "@/components/ui/format";
import { useAgeText } from "@/components/ui/use-age";

/** "CBP reading: 10:00 AM (23 min ago)", with a visible "old" label past 3 hours. */
export function ReadingTime({ updatedAt, timeZone, now }: { updatedAt: string | null; timeZone: string; now: number }) {
  const t = useTranslations("Waits");
  const dateTime = useDateTime();
  const ageText = useAgeText();
  if (!updatedAt) return <span className="text-sm text-slate-700">{t("noReadingTime")}</span>;
  const ms = Date.parse(updatedAt);
  const time = isSameLocalDay(ms, now, timeZone)
    ? dateTime(ms, { hour: "numeric", minute: "2-digit", timeZone })
    : dateTime(ms, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone });
  return (
    <span className="text-sm text-slate-700" data-testid="reading-time">
      <time dateTime={updatedAt}>{t("reportedAt", { time, ago: ageText(ms, now) })}</time>
      {isReadingOld(updatedAt, now) && (
        <strong className="ml-2 inline-block rounded border border-slate-600 px-1.5 text-xs font-semibold text-slate-900" data-testid="lane-old">
          {t("oldReading")}
        </strong>
      )}
    </span>
  );
}
