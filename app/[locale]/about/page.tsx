import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { alternatesFor } from "@/lib/i18n/metadata";
import type { Locale } from "@/lib/i18n/routing";
import { contentDb } from "@/lib/content/read";
import { getItem } from "@/lib/content/store";
import { absoluteUrl } from "@/lib/content/metadata";
import { Prose } from "@/components/content/prose";
import { JsonLd } from "@/components/content/json-ld";

type Props = PageProps<"/[locale]/about">;

const about = () => {
  const item = getItem(contentDb(), "page", "about");
  return item?.status === "published" ? item : null;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const item = about();
  if (!item) return {};
  return { title: item.title[locale], description: item.summary[locale], alternates: alternatesFor("/about", locale) };
}

export default async function AboutPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const item = about();
  if (!item) notFound();
  const t = await getTranslations("Metadata");
  return (
    <article>
      <h1 className="text-3xl font-bold tracking-tight">{item.title[locale]}</h1>
      <p className="mt-2 text-lg text-slate-700">{item.summary[locale]}</p>
      <Prose markdown={item.body[locale]} className="mt-6" />
      <JsonLd
        data={{
          "@type": "Organization",
          name: t("organizationName"),
          url: absoluteUrl(`/${locale}`),
          description: item.summary[locale],
          areaServed: ["San Diego, CA", "Tijuana, B.C."],
        }}
      />
    </article>
  );
}
