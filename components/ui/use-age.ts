import { useTranslations } from "next-intl";
import { describeAge } from "@/components/ui/format";

/** Returns a function that renders "23 min ago" / "hace 23 min" for an instant. */
export function useAgeText(): (fromMs: number, nowMs: number) => string {
  const t = useTranslations("Time");
  return (fromMs, nowMs) => {
    const age = describeAge(fromMs, nowMs);
    switch (age.kind) {
      case "justNow":
        return t("justNow");
      case "minutes":
        return t("minutesAgo", { minutes: age.minutes });
      case "hours":
        return t("hoursAgo", { hours: age.hours, minutes: age.minutes });
      case "days":
        return t("daysAgo", { days: age.days });
    }
  };
}
