import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { alternatesFor } from "@/lib/i18n/metadata";
import type { Locale } from "@/lib/i18n/routing";
import { contentDb } from "@/lib/content/read";
import { listPublished } from "@/lib/content/store";
import { GUIDE_DIRECTIONS } from "@/lib/content/model";
import { contentPath } from "@/lib/content/paths";
import { formatCalendarDate } from "@/components/content/format";

type Props = PageProps<"/[locale]/guides">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "Guides" });
  return { title: t("indexTitle"), description: t("indexDescription"), alternates: alternatesFor("/guides", locale) };
}

export default async function GuidesPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("Guides");
  const guides = listPublished(contentDb(), "guide");
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t("indexHeading")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("indexIntro")}</p>
      <p className="mt-4 rounded-lg border border-sky-300 bg-sky-50 p-4">
        <Link href="/plan" className="font-semibold text-sky-900 underline underline-offset-4">
          {t("planLink")}
        </Link>{" "}
        <span className="text-slate-800">{t("planLinkHint")}</span>
      </p>
      {GUIDE_DIRECTIONS.map((direction) => {
        const group = guides.filter((g) => g.data.direction === direction);
        if (!group.length) return null;
        return (
          <section key={direction} aria-labelledby={`dir-${direction}-heading`} className="mt-8">
            <h2 id={`dir-${direction}-heading`} className="text-xl font-bold">
              {t(`directions.${direction}`)}
            </h2>
            <ul className="mt-3 space-y-3">
              {group.map((g) => (
                <li key={g.key} className="rounded-lg border border-slate-300 bg-white p-4" data-testid="guide-card">
                  <Link href={contentPath(g, locale)} className="text-lg font-semibold text-sky-900 underline underline-offset-4">
                    {g.title[locale]}
                  </Link>
                  <p className="mt-1 text-slate-800">{g.summary[locale]}</p>
                  <p className="mt-1 text-sm text-slate-700">{t("verifiedShort", { date: formatCalendarDate(locale, g.data.verified) })}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
