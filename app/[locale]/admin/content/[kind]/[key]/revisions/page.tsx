import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { ContentKind, dataToYaml } from "@/lib/admin/forms";
import { getItem, revisions as itemRevisions } from "@/lib/content/store";
import type { ItemInput } from "@/lib/content/model";
import { AdminNav } from "@/components/admin/admin-nav";
import { comparePair, RevisionsView } from "@/components/admin/revisions-view";

type Props = PageProps<"/[locale]/admin/content/[kind]/[key]/revisions">;

export const generateMetadata = adminTitle("revisions.title");

export default async function ContentRevisionsPage({ params, searchParams }: Props) {
  const { locale, kind: rawKind, key } = (await params) as { locale: Locale; kind: string; key: string };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, `/admin/content/${encodeURIComponent(rawKind)}/${encodeURIComponent(key)}/revisions`);
  const kind = ContentKind.safeParse(rawKind);
  const item = kind.success ? getItem(staff.db, kind.data, key) : null;
  if (!kind.success || !item) notFound();
  const t = await getTranslations("Admin");
  const revisions = itemRevisions(staff.db, item.id);
  const byNumber = new Map(revisions.map((r) => [r.revision, r.snapshot]));
  const fieldsOf = (a: ItemInput, b: ItemInput) => [
    ...(["en", "es"] as const).flatMap((l) => {
      return (["title", "summary", "slug", "body"] as const).map((f) => ({ label: t("revisions.fieldIn", { field: t(`fields.${f}`), language: t(`languages.${l}`) }), before: a[f][l], after: b[f][l], lang: l }));
    }),
    { label: t("fields.data"), before: dataToYaml(a.data), after: dataToYaml(b.data) },
    { label: t("state.label"), before: t(`status.${a.status}`), after: t(`status.${b.status}`) },
  ];
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current={`/admin/content/${kind.data}`} />
      <RevisionsView
        back={{ href: `/admin/content/${kind.data}/${item.key}`, label: item.title[locale] }}
        locale={locale}
        revisions={revisions}
        current={item.revision}
        pair={comparePair(revisions, await searchParams)}
        snapshotOf={(n) => byNumber.get(n)}
        fieldsOf={fieldsOf}
        restore={{ target: "content", fields: { kind: kind.data, key: item.key, locale } }}
      />
    </>
  );
}
