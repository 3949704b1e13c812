import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { contentDb } from "@/lib/content/read";
import { findPublishedBySlug } from "@/lib/content/store";
import { renderMarkdown } from "@/lib/content/markdown";
import { contentPath } from "@/lib/content/paths";
import { absoluteUrl, contentAlternates } from "@/lib/content/metadata";
import { getPort } from "@/lib/ports";
import { Prose } from "@/components/content/prose";
import { JsonLd } from "@/components/content/json-ld";
import { SourcesAndVerified } from "@/components/content/sources";
import { TableOfContents } from "@/components/content/toc";
import { formatCalendarDate } from "@/components/content/format";

type Props = PageProps<"/[locale]/guides/[slug]">;

const findGuide = cache((locale: Locale, slug: string) => findPublishedBySlug(contentDb(), "guide", locale, slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const match = findGuide(locale, slug);
  if (!match) return {};
  const { item } = match;
  return { title: item.title[locale], description: item.summary[locale], alternates: contentAlternates(item, locale), openGraph: { type: "article" } };
}

export default async function GuidePage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const match = findGuide(locale, slug);
  if (!match) notFound();
  // The other language's slug (e.g. after switching language) leads to this language's address.
  if (match.canonicalSlug) permanentRedirect(`/${locale}/guides/${match.canonicalSlug}`);
  const { item } = match;
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
      {ports.length ? (
        <section aria-labelledby="related-ports-heading" className="mt-10">
          <h2 id="related-ports-heading" className="text-lg font-bold">
            {t("relatedPorts")}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
            {ports.map((p) => (
              <li key={p.slug}>
                <Link href={`/ports/${p.slug}`} className="text-sky-800 underline underline-offset-4">
                  {t("portWaits", { port: p.name[locale] })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
