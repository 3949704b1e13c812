import { useTranslations } from "next-intl";
import { ageText, type AgeTexts } from "@/components/ui/format";

/** Returns a function that renders "23 min ago" / "hace 23 min" for an instant. */
export function useAgeText(): (fromMs: number, nowMs: number) => string {
  const t = useTranslations("Time");
  const texts: AgeTexts = {
    justNow: () => t("justNow"),
    minutesAgo: (minutes) => t("minutesAgo", { minutes }),
    hoursAgo: (hours, minutes) => t("hoursAgo", { hours, minutes }),
    daysAgo: (days) => t("daysAgo", { days }),
  };
  return (fromMs, nowMs) => ageText(texts, fromMs, nowMs);
}
