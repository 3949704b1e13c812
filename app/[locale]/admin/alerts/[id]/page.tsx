import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { getAlert } from "@/lib/alerts/store";
import { alertState } from "@/lib/admin/status";
import { instantToPacific } from "@/lib/admin/forms";
import { alertPreviewTexts } from "@/lib/admin/preview-texts";
import { Link } from "@/lib/i18n/navigation";
import { PORTS } from "@/lib/ports";
import { AdminNav } from "@/components/admin/admin-nav";
import { AlertEditor } from "@/components/admin/alert-editor";
import { StateBadge } from "@/components/admin/state-badge";
import { Notice } from "@/components/admin/notice";

type Props = PageProps<"/[locale]/admin/alerts/[id]">;

export const generateMetadata = adminTitle("alerts.editTitle");

export default async function AlertEditPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, `/admin/alerts/${encodeURIComponent(rawId)}`);
  const query = await searchParams;
  const t = await getTranslations("Admin");
  const id = rawId === "new" ? "new" : /^\d{1,12}$/.test(rawId) ? Number(rawId) : null;
  if (id === null) notFound();
  const alert = id === "new" ? null : getAlert(staff.db, id);
  if (id !== "new" && !alert) notFound();
  // A new alert starts now, in Pacific time, to the minute.
  const initial = alert
    ? { title_en: alert.title.en, title_es: alert.title.es, body_en: alert.body.en, body_es: alert.body.es, severity: alert.severity, ports: alert.ports, starts: instantToPacific(alert.startsAt), ends: alert.endsAt === null ? "" : instantToPacific(alert.endsAt) }
    : { title_en: "", title_es: "", body_en: "", body_es: "", severity: "info" as const, ports: [], starts: instantToPacific(staff.now), ends: "" };
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current="/admin/alerts" />
      <p>
        <Link href="/admin/alerts" className="text-sky-800 underline underline-offset-4">
          ← {t("alerts.heading")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{alert ? t("alerts.editTitle") : t("alerts.new")}</h1>
      {alert ? (
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <StateBadge state={alertState(alert, staff.now)} label={t(`state.${alertState(alert, staff.now)}`)} />
          <span className="text-slate-800">{t("revisionOf", { revision: alert.revision })}</span>
          <Link href={`/admin/alerts/${alert.id}/revisions`} className="font-semibold text-sky-800 underline underline-offset-4" data-testid="revisions-link">
            {t("revisions.link")}
          </Link>
        </p>
      ) : null}
      {query.saved ? <Notice>{t("saved")}</Notice> : null}
      {typeof query.restored === "string" ? <Notice>{t("revisions.restored", { revision: query.restored })}</Notice> : null}
      <p className="mt-2 max-w-3xl text-slate-800">{t("alerts.editIntro")}</p>
      <AlertEditor
        key={alert ? alert.id : "new"}
        id={alert ? alert.id : "new"}
        revision={alert?.revision ?? null}
        locale={locale}
        initial={initial}
        ports={PORTS.map((p) => ({ slug: p.slug, name: p.name[locale] }))}
        previewTexts={await alertPreviewTexts()}
      />
    </>
  );
}
