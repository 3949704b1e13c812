import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { listAudit } from "@/lib/auth/audit";
import { formatPacific } from "@/lib/alerts/items";
import { Link } from "@/lib/i18n/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";

type Props = PageProps<"/[locale]/admin/audit">;
const PAGE = 100;
/** Message keys cannot hold dots (next-intl reads them as nesting). */
const actionKey = (action: string) => action.replace(/\./g, "_");

export const generateMetadata = adminTitle("nav.audit");

/** Admins only: every sign-in, failed attempt, edit, restore and account change, newest first. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const staff = await requireStaff("admin", locale, "/admin/audit");
  const t = await getTranslations("Admin");
  const before = Number((await searchParams).before);
  const entries = listAudit(staff.db, { limit: PAGE, before: Number.isSafeInteger(before) && before > 0 ? before : undefined });
  const last = entries.at(-1);
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current="/admin/audit" />
      <h1 className="text-3xl font-bold tracking-tight">{t("audit.heading")}</h1>
      <p className="mt-2 max-w-3xl text-slate-800">{t("audit.intro")}</p>
      <AdminTable caption={t("audit.heading")} columns={[t("audit.when"), t("audit.who"), t("audit.what"), t("audit.target"), t("audit.from")]}>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-slate-200 align-top" data-testid="audit-row" data-action={e.action}>
            <td className="whitespace-nowrap p-2">{formatPacific(e.at, locale)}</td>
            <td className="break-all p-2">{e.actor}</td>
            <td className="p-2">
              {t.has(`audit.actions.${actionKey(e.action)}` as never) ? t(`audit.actions.${actionKey(e.action)}` as never) : e.action}
              {e.detail ? <span className="block font-mono text-xs text-slate-700">{JSON.stringify(e.detail)}</span> : null}
            </td>
            <td className="p-2 font-mono text-xs">{e.target ?? "—"}</td>
            <td className="p-2 font-mono text-xs">{e.address ?? "—"}</td>
          </tr>
        ))}
      </AdminTable>
      {entries.length === PAGE && last ? (
        <p className="mt-4">
          <Link href={`/admin/audit?before=${last.id}`} className="font-semibold text-sky-800 underline underline-offset-4">
            {t("audit.older")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
