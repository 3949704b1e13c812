import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { alertRevisions, getAlert, type AlertRevision } from "@/lib/alerts/store";
import { formatPacific } from "@/lib/alerts/items";
import { AdminNav } from "@/components/admin/admin-nav";
import { comparePair, RevisionsView } from "@/components/admin/revisions-view";

type Props = PageProps<"/[locale]/admin/alerts/[id]/revisions">;

export const generateMetadata = adminTitle("revisions.title");

export default async function AlertRevisionsPage({ params, searchParams }: Props) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, `/admin/alerts/${encodeURIComponent(id)}/revisions`);
  const alert = /^\d{1,12}$/.test(id) ? getAlert(staff.db, Number(id)) : null;
  if (!alert) notFound();
  const t = await getTranslations("Admin");
  const tf = await getTranslations("Feeds");
  const revisions = alertRevisions(staff.db, alert.id);
  const byNumber = new Map(revisions.map((r) => [r.revision, r.snapshot]));
  const when = (ms: number | null) => (ms === null ? t("alerts.untilFurtherNotice") : formatPacific(ms, locale));
  const fieldsOf = (a: AlertRevision["snapshot"], b: AlertRevision["snapshot"]) => [
    { label: t("revisions.fieldIn", { field: t("fields.title"), language: t("languages.en") }), before: a.titleEn, after: b.titleEn, lang: "en" },
    { label: t("revisions.fieldIn", { field: t("fields.title"), language: t("languages.es") }), before: a.titleEs, after: b.titleEs, lang: "es" },
    { label: t("revisions.fieldIn", { field: t("fields.alertBody"), language: t("languages.en") }), before: a.bodyEn, after: b.bodyEn, lang: "en" },
    { label: t("revisions.fieldIn", { field: t("fields.alertBody"), language: t("languages.es") }), before: a.bodyEs, after: b.bodyEs, lang: "es" },
    { label: t("alerts.severity"), before: tf(`severity.${a.severity}`), after: tf(`severity.${b.severity}`) },
    { label: t("alerts.ports"), before: a.ports.join(", ") || t("alerts.allPorts"), after: b.ports.join(", ") || t("alerts.allPorts") },
    { label: t("alerts.starts"), before: when(a.startsAt), after: when(b.startsAt) },
    { label: t("alerts.ends"), before: when(a.endsAt), after: when(b.endsAt) },
    { label: t("state.label"), before: t(`status.${a.status}`), after: t(`status.${b.status}`) },
  ];
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current="/admin/alerts" />
      <RevisionsView
        back={{ href: `/admin/alerts/${alert.id}`, label: alert.title[locale] }}
        locale={locale}
        revisions={revisions}
        current={alert.revision}
        pair={comparePair(revisions, await searchParams)}
        snapshotOf={(n) => byNumber.get(n)}
        fieldsOf={fieldsOf}
        restore={{ target: "alert", fields: { id: String(alert.id), locale } }}
      />
    </>
  );
}
