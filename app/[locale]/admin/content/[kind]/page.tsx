import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { requireStaff } from "@/lib/auth/guard";
import { ContentKind } from "@/lib/admin/forms";
import { CREATABLE_KINDS } from "@/lib/admin/templates";
import { listAllItems } from "@/lib/content/store";
import { contentPath } from "@/lib/content/paths";
import { formatPacific } from "@/lib/alerts/items";
import { Link } from "@/lib/i18n/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { BilingualTitle } from "@/components/admin/bilingual-title";
import { StateBadge } from "@/components/admin/state-badge";

type Props = PageProps<"/[locale]/admin/content/[kind]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, kind } = (await params) as { locale: Locale; kind: string };
  const t = await getTranslations({ locale, namespace: "Admin" });
  const k = ContentKind.safeParse(kind);
  return { title: k.success ? t(`kinds.${k.data}`) : t("title") };
}

export default async function ContentListPage({ params }: Props) {
  const { locale, kind: rawKind } = (await params) as { locale: Locale; kind: string };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, `/admin/content/${encodeURIComponent(rawKind)}`);
  const kind = ContentKind.safeParse(rawKind);
  if (!kind.success) notFound();
  const t = await getTranslations("Admin");
  const items = listAllItems(staff.db, kind.data);
  const creatable = (CREATABLE_KINDS as readonly string[]).includes(kind.data);
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current={`/admin/content/${kind.data}`} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{t(`kinds.${kind.data}`)}</h1>
        {creatable ? (
          <Link href={`/admin/content/${kind.data}/new`} className="rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900" data-testid="new-item">
            {t("content.new")}
          </Link>
        ) : null}
      </div>
      <p className="mt-2 max-w-3xl text-slate-800">{t(`content.intro.${kind.data}`)}</p>
      <AdminTable caption={t(`kinds.${kind.data}`)} columns={[t("alerts.titleColumn"), t("state.label"), t("content.updated"), t("content.public")]}>
        {items.map((item) => (
          <tr key={item.key} className="border-b border-slate-200 align-top" data-testid="item-row" data-key={item.key}>
            <td className="p-2">
              <BilingualTitle href={`/admin/content/${kind.data}/${item.key}`} title={item.title} />
            </td>
            <td className="p-2">
              <StateBadge state={item.status} label={t(`status.${item.status}`)} />
            </td>
            <td className="p-2">
              {formatPacific(item.updatedAt, locale)}
              <span className="block text-slate-700">{item.origin === "seed" ? t("content.fromFiles") : t("content.editedByStaff")}</span>
            </td>
            <td className="p-2">
              {item.status === "published" ? (
                <span className="flex gap-3">
                  <a href={`/en${contentPath(item, "en")}`} className="text-sky-800 underline underline-offset-4" hrefLang="en">
                      {t("languages.en")}
                    </a>
                  <a href={`/es${contentPath(item, "es")}`} className="text-sky-800 underline underline-offset-4" hrefLang="es">
                      {t("languages.es")}
                    </a>
                </span>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
