import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { alternatesFor } from "@/lib/i18n/metadata";
import { otherLocale, type Locale } from "@/lib/i18n/routing";
import { contentDb } from "@/lib/content/read";
import { MARK_END, MARK_START, MAX_QUERY_LENGTH, searchContent, type SearchHit } from "@/lib/content/search";
import { contentPath } from "@/lib/content/paths";

type Props = PageProps<"/[locale]/search">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "Search" });
  // Result pages all name /search as their canonical address, so engines keep one page.
  return { title: t("title"), description: t("description"), alternates: alternatesFor("/search", locale) };
}

/** The snippet's marked words as <mark>, everything else as text (never HTML). */
function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${MARK_START}[^${MARK_END}]*${MARK_END})`, "u"));
  return (
    <>
      {parts.map((p, i) => (p.startsWith(MARK_START) ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}
    </>
  );
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("Search");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, MAX_QUERY_LENGTH).trim() ?? "";
  const db = contentDb();
  const hits = q ? searchContent(db, locale, q) : [];
  const other = otherLocale(locale);
  const otherHits = q && !hits.length ? searchContent(db, other, q, 10) : [];
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <form role="search" action="" method="get" className="mt-4 flex flex-wrap gap-2">
        <label htmlFor="q" className="sr-only">
          {t("label")}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t("placeholder")}
          className="min-h-11 min-w-0 flex-1 rounded border border-slate-500 bg-white px-3"
        />
        <button type="submit" className="min-h-11 rounded bg-sky-800 px-4 font-semibold text-white hover:bg-sky-900">
          {t("submit")}
        </button>
      </form>
      <p className="mt-2 text-sm text-slate-700">{t("hint")}</p>
      {q ? (
        <section aria-labelledby="results-heading" className="mt-6" data-testid="search-results">
          <h2 id="results-heading" className="text-xl font-bold">
            {t("resultCount", { count: hits.length, query: q })}
          </h2>
          <Hits hits={hits} locale={locale} />
          {otherHits.length ? (
            <div className="mt-6" data-testid="other-language-results">
              <h3 className="font-bold">{t("otherLanguage", { count: otherHits.length })}</h3>
              <Hits hits={otherHits} locale={other} />
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

async function Hits({ hits, locale }: { hits: SearchHit[]; locale: Locale }) {
  const t = await getTranslations("Search");
  return (
    <ul className="mt-3 space-y-3">
      {hits.map((h) => (
        <li key={`${h.kind}/${h.key}`} className="rounded-lg border border-slate-300 bg-white p-3" data-testid="search-hit" data-kind={h.kind}>
          <p className="text-sm text-slate-700">{t(`kinds.${h.kind}`)}</p>
          <Link href={contentPath(h, locale)} locale={locale} lang={locale} className="text-lg font-semibold text-sky-900 underline underline-offset-4">
            {h.title}
          </Link>
          <p className="mt-1 text-slate-800" lang={locale}>
            <Snippet text={h.snippet || h.summary} />
          </p>
        </li>
      ))}
    </ul>
  );
}
