import { getNow, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { listActiveAlerts } from "@/lib/alerts/store";
import { formatPacific } from "@/lib/alerts/items";
import type { Locale } from "@/lib/i18n/routing";
import { AlertNotice } from "@/components/alerts/alert-notice";

/** The alerts in force now, for one port or the whole border; nothing at all when there are none. Read per request, so a published alert shows at once and a scheduled one appears and ends by itself. */
export async function ActiveAlerts({ locale, port }: { locale: Locale; port?: string }) {
  const alerts = listActiveAlerts(getDb(), { now: (await getNow()).getTime(), port });
  if (alerts.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "Feeds" });
  const ta = await getTranslations({ locale, namespace: "Alerts" });
  return (
    <section aria-labelledby="active-alerts" className="mb-6" data-testid="active-alerts">
      <h2 id="active-alerts" className="sr-only">
        {ta("heading")}
      </h2>
      <ul className="space-y-3">
        {alerts.map((a) => (
          <li key={a.id}>
            <AlertNotice
              severity={a.severity}
              severityLabel={t(`severity.${a.severity}`)}
              title={a.title[locale]}
              body={a.body[locale]}
              period={a.endsAt === null ? t("inEffectFrom", { start: formatPacific(a.startsAt, locale) }) : t("inEffectFromTo", { start: formatPacific(a.startsAt, locale), end: formatPacific(a.endsAt, locale) })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
