/** The public wording the editors' previews need, in both languages at once (the page itself is in one). */
import { getTranslations } from "next-intl/server";
import { SEVERITIES, type Severity } from "@/lib/alerts/model";
import { routing, type Locale } from "@/lib/i18n/routing";

export interface AlertPreviewTexts {
  severity: Record<Severity, string>;
  /** ICU templates with {start} and {end}. */
  inEffectFrom: string;
  inEffectFromTo: string;
}

export async function alertPreviewTexts(): Promise<Record<Locale, AlertPreviewTexts>> {
  const entries = await Promise.all(
    routing.locales.map(async (locale) => {
      const t = await getTranslations({ locale, namespace: "Feeds" });
      const severity = Object.fromEntries(SEVERITIES.map((s) => [s, t(`severity.${s}`)])) as Record<Severity, string>;
      return [locale, { severity, inEffectFrom: t.raw("inEffectFrom") as string, inEffectFromTo: t.raw("inEffectFromTo") as string }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Locale, AlertPreviewTexts>;
}
