import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { listAllAlerts } from "@/lib/alerts/store";
import { alertState } from "@/lib/admin/status";
import { formatPacific } from "@/lib/alerts/items";
import { Link } from "@/lib/i18n/navigation";
import { getPort } from "@/lib/ports";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { BilingualTitle } from "@/components/admin/bilingual-title";
import { StateBadge } from "@/components/admin/state-badge";

type Props = PageProps<"/[locale]/admin/alerts">;

export const generateMetadata = adminTitle("nav.alerts");

export default async function AlertsAdminPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, "/admin/alerts");
  const t = await getTranslations("Admin");
  const tf = await getTranslations("Feeds");
  const alerts = listAllAlerts(staff.db);
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current="/admin/alerts" />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("alerts.heading")}</h1>
        <Link href="/admin/alerts/new" className="rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900" data-testid="new-alert">
          {t("alerts.new")}
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-slate-800">{t("alerts.intro")}</p>
      {alerts.length === 0 ? (
        <p className="mt-4">{t("alerts.none")}</p>
      ) : (
        <AdminTable caption={t("alerts.heading")} columns={[t("alerts.titleColumn"), t("alerts.severity"), t("state.label"), t("alerts.when"), t("alerts.ports")]}>
          {alerts.map((a) => (
            <tr key={a.id} className="border-b border-slate-200 align-top" data-testid="alert-row">
              <td className="p-2">
                <BilingualTitle href={`/admin/alerts/${a.id}`} title={a.title} />
              </td>
              <td className="p-2">{tf(`severity.${a.severity}`)}</td>
              <td className="p-2">
                <StateBadge state={alertState(a, staff.now)} label={t(`state.${alertState(a, staff.now)}`)} />
              </td>
              <td className="p-2">
                {formatPacific(a.startsAt, locale)}
                {a.endsAt !== null ? ` – ${formatPacific(a.endsAt, locale)}` : ` – ${t("alerts.untilFurtherNotice")}`}
              </td>
              <td className="p-2">{a.ports.length === 0 ? t("alerts.allPorts") : a.ports.map((p) => getPort(p)?.name[locale] ?? p).join(", ")}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </>
  );
}
