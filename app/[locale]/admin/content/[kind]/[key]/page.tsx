import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { ContentKind, itemFormDefaults } from "@/lib/admin/forms";
import { CREATABLE_KINDS, dataTemplate, SLUGGED_KINDS } from "@/lib/admin/templates";
import { getItem } from "@/lib/content/store";
import { contentPath } from "@/lib/content/paths";
import { Link } from "@/lib/i18n/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { ContentEditor } from "@/components/admin/content-editor";
import { StateBadge } from "@/components/admin/state-badge";
import { Notice } from "@/components/admin/notice";

type Props = PageProps<"/[locale]/admin/content/[kind]/[key]">;

export const generateMetadata = adminTitle("content.editTitle");

export default async function ContentEditPage({ params, searchParams }: Props) {
  const { locale, kind: rawKind, key } = (await params) as { locale: Locale; kind: string; key: string };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, `/admin/content/${encodeURIComponent(rawKind)}/${encodeURIComponent(key)}`);
  const kind = ContentKind.safeParse(rawKind);
  if (!kind.success) notFound();
  const query = await searchParams;
  const t = await getTranslations("Admin");
  const isNew = key === "new" && (CREATABLE_KINDS as readonly string[]).includes(kind.data);
  const item = isNew ? null : getItem(staff.db, kind.data, key);
  if (!isNew && !item) notFound();
  const today = new Date(staff.now).toISOString().slice(0, 10);
  const initial = item
    ? itemFormDefaults(item)
    : { title_en: "", title_es: "", summary_en: "", summary_es: "", slug_en: "", slug_es: "", body_en: "", body_es: "", data: dataTemplate(kind.data, today) };
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current={`/admin/content/${kind.data}`} />
      <p>
        <Link href={`/admin/content/${kind.data}`} className="text-sky-800 underline underline-offset-4">
          ← {t(`kinds.${kind.data}`)}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{item ? item.title[locale] : t("content.new")}</h1>
      {item ? (
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <StateBadge state={item.status} label={t(`status.${item.status}`)} />
          <span className="text-slate-800">{t("revisionOf", { revision: item.revision })}</span>
          <Link href={`/admin/content/${kind.data}/${item.key}/revisions`} className="font-semibold text-sky-800 underline underline-offset-4" data-testid="revisions-link">
            {t("revisions.link")}
          </Link>
          {item.status === "published" ? (
            <a href={`/${locale}${contentPath(item, locale)}`} className="font-semibold text-sky-800 underline underline-offset-4">
              {t("content.viewPublic")}
            </a>
          ) : null}
        </p>
      ) : null}
      {query.saved ? <Notice>{t("saved")}</Notice> : null}
      {typeof query.restored === "string" ? <Notice>{t("revisions.restored", { revision: query.restored })}</Notice> : null}
      <ContentEditor
        key={item ? item.key : "new"}
        kind={kind.data}
        itemKey={item?.key ?? ""}
        revision={item?.revision ?? null}
        locale={locale}
        initial={initial}
        slugged={SLUGGED_KINDS.includes(kind.data)}
      />
    </>
  );
}
