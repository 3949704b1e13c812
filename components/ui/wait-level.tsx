import { useTranslations } from "next-intl";
import { waitLevel, type WaitLevel } from "@/components/ui/format";

const STYLES: Record<WaitLevel, { box: string; bars: number }> = {
  light: { box: "bg-emerald-50 text-emerald-900 ring-emerald-700", bars: 1 },
  moderate: { box: "bg-amber-50 text-amber-900 ring-amber-700", bars: 2 },
  heavy: { box: "bg-red-50 text-red-900 ring-red-700", bars: 3 },
};

const BAR_HEIGHTS = ["h-[7px]", "h-[10px]", "h-[13px]"] as const;

/** The level is spelled out and drawn as 1–3 bars, so it never depends on colour alone. */
export function WaitLevelBadge({ minutes }: { minutes: number }) {
  const t = useTranslations("Waits.levels");
  const level = waitLevel(minutes);
  const style = STYLES[level];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-sm font-semibold ring-1 ${style.box}`} data-level={level}>
      <span aria-hidden="true" className="inline-flex items-end gap-0.5">
        {BAR_HEIGHTS.map((height, i) => (
          <span key={height} className={`w-1 rounded-sm bg-current ${height} ${i < style.bars ? "" : "opacity-25"}`} />
        ))}
      </span>
      {t(level)}
    </span>
  );
}
