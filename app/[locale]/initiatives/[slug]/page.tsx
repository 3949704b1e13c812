import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { absoluteUrl } from "@/lib/content/metadata";
import { itemForPage, itemMetadata } from "@/lib/content/page";
import { contentPath } from "@/lib/content/paths";
import { getPort } from "@/lib/ports";
import { Prose } from "@/components/content/prose";
import { JsonLd } from "@/components/content/json-ld";
import { SourcesAndVerified } from "@/components/content/sources";
import { formatCalendarDate } from "@/components/content/format";

type Props = PageProps<"/[locale]/initiatives/[slug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  return itemMetadata("initiative", locale, slug);
}

export default async function InitiativePage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const item = itemForPage("initiative", locale, slug);
  const t = await getTranslations("Initiatives");
  const sections = [
    { id: "problem", markdown: item.data.problem[locale] },
    { id: "solution", markdown: item.data.solution[locale] },
    { id: "enablers", markdown: item.data.enablers[locale] },
  ] as const;
  const ports = item.data.ports.map(getPort).filter((p) => p !== undefined);
  return (
    <article>
      <p className="text-sm">
        <Link href="/initiatives" className="text-sky-800 underline underline-offset-4">
          {t("breadcrumb")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{item.title[locale]}</h1>
      <p className="mt-2 text-lg text-slate-700">{item.summary[locale]}</p>
      {item.body[locale] ? <Prose markdown={item.body[locale]} className="mt-4" /> : null}
      {sections.map((s, i) => (
        <section key={s.id} aria-labelledby={`${s.id}-heading`} className="mt-8" data-testid={`initiative-${s.id}`}>
          <h2 id={`${s.id}-heading`} className="text-2xl font-bold">
            <span aria-hidden="true" className="mr-2 text-slate-500">
              {i + 1}.
            </span>
            {t(`sections.${s.id}`)}
          </h2>
          <Prose markdown={s.markdown} className="mt-2" idPrefix={`${s.id}-`} />
        </section>
      ))}
      <section aria-labelledby="timeline-heading" className="mt-8" data-testid="initiative-timeline">
        <h2 id="timeline-heading" className="text-2xl font-bold">
          <span aria-hidden="true" className="mr-2 text-slate-500">
            4.
          </span>
          {t("sections.timeline")}
        </h2>
        <ol className="mt-3 space-y-3 border-l-4 border-sky-200 pl-4">
          {item.data.timeline.map((e, i) => (
            <li key={i}>
              <time dateTime={e.date} className="block font-semibold">
                {formatCalendarDate(locale, e.date)}
              </time>
              <span>{e.text[locale]}</span>
              {e.source ? (
                <>
                  {" "}
                  <a href={e.source} className="text-sm text-sky-800 underline underline-offset-4" rel="noopener">
                    {t("source")}
                    {/* Many links read "Source"; a screen reader's link list needs to tell them apart. */}
                    <span className="sr-only"> ({formatCalendarDate(locale, e.date)})</span>
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {ports.length ? (
        <p className="mt-8">
          {t("ports")}{" "}
          {ports.map((p, i) => (
            <span key={p.slug}>
              {i ? ", " : ""}
              <Link href={`/ports/${p.slug}`} className="text-sky-800 underline underline-offset-4">
                {p.name[locale]}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <SourcesAndVerified sources={item.data.sources[locale]} locale={locale} />
      <JsonLd
        data={{
          "@type": "Article",
          inLanguage: locale,
          headline: item.title[locale],
          description: item.summary[locale],
          url: absoluteUrl(`/${locale}${contentPath(item, locale)}`),
          dateModified: item.data.timeline[item.data.timeline.length - 1]?.date,
        }}
      />
    </article>
  );
}
