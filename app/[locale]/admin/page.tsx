import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { listAllAlerts } from "@/lib/alerts/store";
import { alertState } from "@/lib/admin/status";
import { CONTENT_KINDS } from "@/lib/content/model";
import { countsByKind } from "@/lib/content/store";
import { unusedRecoveryCodes } from "@/lib/auth/users";
import { Link } from "@/lib/i18n/navigation";
import { AdminNav } from "@/components/admin/admin-nav";

type Props = PageProps<"/[locale]/admin">;

export const generateMetadata = adminTitle("nav.overview");

export default async function AdminHome({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, "/admin");
  const t = await getTranslations("Admin");
  const alerts = listAllAlerts(staff.db);
  const count = (state: string) => alerts.filter((a) => alertState(a, staff.now) === state).length;
  const codesLeft = unusedRecoveryCodes(staff.db, staff.user.id);
  const counts = countsByKind(staff.db);
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current="/admin" />
      <h1 className="text-3xl font-bold tracking-tight">{t("overview.heading")}</h1>
      {codesLeft <= 3 ? (
        <p role="status" className="mt-3 rounded border-l-4 border-amber-600 bg-amber-50 p-3 font-semibold">
          <span aria-hidden="true">⚠ </span>
          {t("overview.fewCodes", { count: codesLeft })}{" "}
          <Link href="/admin/account" className="text-sky-800 underline underline-offset-4">
            {t("nav.account")}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="alerts-summary" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="alerts-summary" className="text-xl font-bold">
          {t("nav.alerts")}
        </h2>
        <p className="mt-1" data-testid="alert-counts">
          {t("overview.alertCounts", { live: count("live"), scheduled: count("scheduled"), draft: count("draft") })}
        </p>
        <p className="mt-3">
          <Link href="/admin/alerts/new" className="inline-block rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900">
            {t("alerts.new")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="content-summary" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="content-summary" className="text-xl font-bold">
          {t("overview.content")}
        </h2>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {CONTENT_KINDS.map((kind) => {
            const { published, draft } = counts[kind];
            return (
              <li key={kind}>
                <Link href={`/admin/content/${kind}`} className="font-semibold text-sky-800 underline underline-offset-4">
                  {t(`kinds.${kind}`)}
                </Link>{" "}
                <span className="text-slate-800">{t("overview.itemCounts", { published, drafts: draft })}</span>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
