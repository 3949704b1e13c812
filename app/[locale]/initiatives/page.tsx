import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { alternatesFor } from "@/lib/i18n/metadata";
import type { Locale } from "@/lib/i18n/routing";
import { contentDb } from "@/lib/content/read";
import { listPublished } from "@/lib/content/store";
import { contentPath } from "@/lib/content/paths";
import { formatCalendarDate } from "@/components/content/format";

type Props = PageProps<"/[locale]/initiatives">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "Initiatives" });
  return { title: t("title"), description: t("description"), alternates: alternatesFor("/initiatives", locale) };
}

export default async function InitiativesPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("Initiatives");
  const items = listPublished(contentDb(), "initiative");
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("intro")}</p>
      <ul className="mt-6 space-y-4">
        {items.map((item) => {
          const latest = item.data.timeline[item.data.timeline.length - 1];
          return (
            <li key={item.key} className="rounded-lg border border-slate-300 bg-white p-4" data-testid="initiative-card">
              <h2 className="text-xl font-bold">
                <Link href={contentPath(item, locale)} className="text-sky-900 underline underline-offset-4">
                  {item.title[locale]}
                </Link>
              </h2>
              <p className="mt-1 text-slate-800">{item.summary[locale]}</p>
              {latest ? (
                <p className="mt-2 text-sm text-slate-700">
                  {t("latest", { date: formatCalendarDate(locale, latest.date) })} {latest.text[locale]}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
