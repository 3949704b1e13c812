import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { renderMarkdown } from "@/lib/content/markdown";
import { contentPath } from "@/lib/content/paths";
import { absoluteUrl } from "@/lib/content/metadata";
import { itemForPage, itemMetadata } from "@/lib/content/page";
import { getPort } from "@/lib/ports";
import { Prose } from "@/components/content/prose";
import { JsonLd } from "@/components/content/json-ld";
import { SourcesAndVerified } from "@/components/content/sources";
import { TableOfContents } from "@/components/content/toc";
import { LinkSection } from "@/components/content/link-section";
import { formatCalendarDate } from "@/components/content/format";

type Props = PageProps<"/[locale]/guides/[slug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  return itemMetadata("guide", locale, slug);
}

export default async function GuidePage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const item = itemForPage("guide", locale, slug);
  const t = await getTranslations("Guides");
  const rendered = renderMarkdown(item.body[locale]);
  const ports = item.data.ports.map(getPort).filter((p) => p !== undefined);
  return (
    <article>
      <p className="text-sm">
        <Link href="/guides" className="text-sky-800 underline underline-offset-4">
          {t("breadcrumb")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{item.title[locale]}</h1>
      <p className="mt-2 text-lg text-slate-700">{item.summary[locale]}</p>
      <p className="mt-2 text-sm text-slate-700">
        {t(`directions.${item.data.direction}`)} · {t("verifiedShort", { date: formatCalendarDate(locale, item.data.verified) })}
      </p>
      <TableOfContents headings={rendered.headings} />
      <Prose markdown={item.body[locale]} className="mt-6" />
      <LinkSection id="related-ports" heading={t("relatedPorts")} links={ports.map((p) => ({ href: `/ports/${p.slug}`, label: t("portWaits", { port: p.name[locale] }) }))} />
      <SourcesAndVerified sources={item.data.sources[locale]} verified={item.data.verified} locale={locale} />
      <JsonLd
        data={
          item.data.faq
            ? {
                "@type": "FAQPage",
                inLanguage: locale,
                mainEntity: rendered.sections.map((s) => ({ "@type": "Question", name: s.heading, acceptedAnswer: { "@type": "Answer", text: s.text } })),
              }
            : {
                "@type": "Article",
                inLanguage: locale,
                headline: item.title[locale],
                description: item.summary[locale],
                dateModified: item.data.verified,
                url: absoluteUrl(`/${locale}${contentPath(item, locale)}`),
              }
        }
      />
    </article>
  );
}
