import { useTranslations } from "next-intl";
import type { ApiMeta } from "@/lib/api/v1-schema";
import { useAgeText } from "@/components/ui/use-age";

/**
 * "Checked with CBP 2 min ago." — our last successful poll, distinct from each lane's reading time.
 * Offline, the page does not update on its own, so it stops saying so (the offline notice explains).
 */
export function CheckedLine({ meta, now, offline = false }: { meta: ApiMeta; now: number; offline?: boolean }) {
  const t = useTranslations("Freshness");
  const ageText = useAgeText();
  if (!meta.fetchedAt) return null;
  return (
    <p className="text-sm text-slate-700" data-testid="checked" data-stale={meta.stale ? "true" : "false"}>
      <time dateTime={meta.fetchedAt}>{t("checked", { ago: ageText(Date.parse(meta.fetchedAt), now) })}</time>
      {!offline && ` ${t("liveNote")}`}
    </p>
  );
}
