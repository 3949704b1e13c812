import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing, type Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { defaultText, EDITABLE_TEXTS } from "@/lib/admin/ui-texts";
import { readOverrides } from "@/lib/i18n/overrides";
import { AdminNav } from "@/components/admin/admin-nav";
import { TextsEditor } from "@/components/admin/texts-editor";

type Props = PageProps<"/[locale]/admin/texts">;

export const generateMetadata = adminTitle("nav.texts");

export default async function TextsPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, "/admin/texts");
  const t = await getTranslations("Admin");
  const overrides = { en: readOverrides(staff.db, "en"), es: readOverrides(staff.db, "es") };
  const rows = EDITABLE_TEXTS.map((key) => {
    const defaults = { en: defaultText(key, "en"), es: defaultText(key, "es") };
    const values = Object.fromEntries(routing.locales.map((l) => [l, overrides[l].get(key) ?? defaults[l]])) as Record<Locale, string>;
    return { key, label: t(`texts.labels.${key.replace(".", "_")}` as never), values, defaults };
  });
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current="/admin/texts" />
      <h1 className="text-3xl font-bold tracking-tight">{t("texts.heading")}</h1>
      <p className="mt-2 max-w-3xl text-slate-800">{t("texts.intro")}</p>
      <TextsEditor rows={rows} />
    </>
  );
}
