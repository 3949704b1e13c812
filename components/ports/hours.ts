import { useTranslations } from "next-intl";
import { useDateTime } from "@/components/ui/use-date-time";

const RANGE = /^(\d{1,2})\s*(am|pm)\s*-\s*(?:(\d{1,2})\s*(am|pm)|(midnight|noon))$/i;

function hour24(h: number, ampm: string): number {
  return ampm.toLowerCase() === "am" ? h % 12 : (h % 12) + 12;
}

/**
 * CBP's hours text ("24 hrs/day", "6 am-2 pm", "6 am-Midnight") in the reader's language.
 * Anything unexpected comes back as CBP wrote it, flagged so the page can mark it as English.
 */
export function useHoursText(): (text: string) => { text: string; cbpEnglish: boolean } {
  const t = useTranslations("Waits");
  const dateTime = useDateTime();
  const at = (h: number) => dateTime(Date.UTC(2000, 0, 1, h, 0), { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
  return (text) => {
    const s = text.trim();
    if (/^24\s*hrs?\s*\/\s*day$/i.test(s)) return { text: t("hours24"), cbpEnglish: false };
    const m = RANGE.exec(s);
    if (!m) return { text: s, cbpEnglish: true };
    const from = at(hour24(Number(m[1]), m[2] ?? "am"));
    const to = m[5] ? (m[5].toLowerCase() === "noon" ? at(12) : t("midnight")) : at(hour24(Number(m[3]), m[4] ?? "am"));
    return { text: t("hoursRange", { from, to }), cbpEnglish: false };
  };
}
