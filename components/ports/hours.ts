import { useTranslations } from "next-intl";
import { useDateTime } from "@/components/ui/use-date-time";

const RANGE = /^(\d{1,2})\s*(am|pm)\s*-\s*(?:(\d{1,2})\s*(am|pm)|(midnight|noon))$/i;

export type CbpHours = { kind: "always" } | { kind: "range"; from: number; to: number | "midnight" } | null;

function hour24(h: number, ampm: string): number {
  return ampm.toLowerCase() === "am" ? h % 12 : (h % 12) + 12;
}

/** Reads CBP's hours text ("24 hrs/day", "6 am-2 pm", "6 am-Midnight"); null for anything else. */
export function parseCbpHours(text: string): CbpHours {
  const s = text.trim();
  if (/^24\s*hrs?\s*\/\s*day$/i.test(s)) return { kind: "always" };
  const m = RANGE.exec(s);
  if (!m || Number(m[1]) > 12 || (m[3] !== undefined && Number(m[3]) > 12)) return null;
  const from = hour24(Number(m[1]), m[2] ?? "am");
  const to = m[5] ? (m[5].toLowerCase() === "noon" ? 12 : "midnight") : hour24(Number(m[3]), m[4] ?? "am");
  return { kind: "range", from, to };
}

/**
 * CBP's hours text in the reader's language. Anything unexpected comes back as CBP wrote it,
 * flagged so the page can mark it as English.
 */
export function useHoursText(): (text: string) => { text: string; cbpEnglish: boolean } {
  const t = useTranslations("Waits");
  const dateTime = useDateTime();
  const at = (h: number) => dateTime(Date.UTC(2000, 0, 1, h, 0), { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
  return (text) => {
    const hours = parseCbpHours(text);
    if (!hours) return { text: text.trim(), cbpEnglish: true };
    if (hours.kind === "always") return { text: t("hours24"), cbpEnglish: false };
    const to = hours.to === "midnight" ? t("midnight") : at(hours.to);
    return { text: t("hoursRange", { from: at(hours.from), to }), cbpEnglish: false };
  };
}
