import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { alternatesFor } from "@/lib/i18n/metadata";
import { SITE_TIME_ZONE, type Locale } from "@/lib/i18n/routing";
import { getDb } from "@/lib/db/client";
import { BACKTEST_HORIZONS, TYPICAL_WEEKS, verdictOf, type BacktestResult } from "@/lib/history/forecast";
import { readAccuracy, type StoredAccuracy } from "@/lib/history/store";
import { VS_TYPICAL_MARGIN } from "@/lib/history/compare";
import { formatDateTime } from "@/components/ui/use-date-time";

type Props = PageProps<"/[locale]/methodology">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = (await params).locale as Locale;
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: t("methodologyTitle"), description: t("methodologyDescription"), alternates: alternatesFor("/methodology", locale) };
}

export default async function MethodologyPage({ params }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("Methodology");
  const db = getDb();
  const published = readAccuracy(db, "published");
  const recent = readAccuracy(db, "recent");
  const p = "mt-2 text-slate-800";
  const h2 = "mt-8 text-2xl font-bold text-slate-900";

  return (
    <article>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-lg text-slate-700">{t("intro")}</p>

      <h2 className={h2}>{t("cbpHeading")}</h2>
      <p className={p}>{t("cbpWhat")}</p>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
        <li>{t("cbpNotTotal")}</li>
        <li>{t("cbpHourly")}</li>
        <li>{t("cbpNorthbound")}</li>
        <li>{t("cbpEstimates")}</li>
      </ul>

      <h2 className={h2}>{t("typicalHeading")}</h2>
      <p className={p}>{t("typicalHow", { weeks: TYPICAL_WEEKS })}</p>
      <p className={p}>{t("typicalCompare", { margin: VS_TYPICAL_MARGIN })}</p>
      <p className={p}>{t("typicalLimits")}</p>

      <h2 className={h2}>{t("forecastHeading")}</h2>
      <p className={p}>{t("forecastHow")}</p>
      <p className={p}>{t("forecastFit")}</p>
      <p className={p}>{t("forecastBest")}</p>

      <h2 className={h2}>{t("accuracyHeading")}</h2>
      <p className={p}>{t("accuracyHow")}</p>
      {published ? <AccuracyTable id="published" accuracy={published} locale={locale} title={t("publishedTitle")} /> : null}
      {recent ? <AccuracyTable id="recent" accuracy={recent} locale={locale} title={t("recentTitle")} /> : null}
      {!published && !recent ? <p className={p} data-testid="no-accuracy">{t("noAccuracy")}</p> : null}
    </article>
  );
}

async function AccuracyTable({ id, accuracy, locale, title }: { id: string; accuracy: StoredAccuracy; locale: Locale; title: string }) {
  const t = await getTranslations("Methodology");
  const day = (s: number) => formatDateTime(locale, s * 1000, { year: "numeric", month: "long", day: "numeric", timeZone: SITE_TIME_ZONE });
  const num = new Intl.NumberFormat(locale === "es" ? "es-MX" : "en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale === "es" ? "es-MX" : "en-US");
  const r = accuracy.result;
  return (
    <section className="mt-4" aria-labelledby={`accuracy-${id}`} data-testid={`accuracy-${id}`}>
      <h3 id={`accuracy-${id}`} className="text-lg font-semibold text-slate-900">
        {title}
      </h3>
      <p className="text-sm text-slate-700">
        {t("period", { from: day(accuracy.from), to: day(accuracy.to - 1), computed: day(accuracy.computedAt) })}
      </p>
      <div className="overflow-x-auto">
        <table className="mt-2 w-full border-collapse text-left text-slate-900">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-400 text-sm">
              <th scope="col" className="py-1 pr-3">{t("colHorizon")}</th>
              <th scope="col" className="py-1 pr-3">{t("colForecast")}</th>
              <th scope="col" className="py-1 pr-3">{t("colPersistence")}</th>
              <th scope="col" className="py-1 pr-3">{t("colTypical")}</th>
              <th scope="col" className="py-1">{t("colCases")}</th>
            </tr>
          </thead>
          <tbody>
            {BACKTEST_HORIZONS.map((h) => {
              const f = r.forecast[h];
              const p = r.persistence[h];
              const ty = r.typical[h];
              if (!f || !p || !ty || f.n === 0) return null;
              return (
                <tr key={h} className="border-b border-slate-200" data-horizon={h} data-forecast={f.mae} data-persistence={p.mae} data-typical={ty.mae} data-n={f.n}>
                  <th scope="row" className="py-1 pr-3 font-normal">{t("horizon", { hours: h })}</th>
                  <td className="py-1 pr-3 font-semibold">{t("minutes", { value: num.format(f.mae) })}</td>
                  <td className="py-1 pr-3">{t("minutes", { value: num.format(p.mae) })}</td>
                  <td className="py-1 pr-3">{t("minutes", { value: num.format(ty.mae) })}</td>
                  <td className="py-1">{count.format(f.n)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Verdict result={r} locale={locale} />
    </section>
  );
}

/** One sentence, from the numbers above, on where the forecast beat both simple rules and where not. */
async function Verdict({ result, locale }: { result: BacktestResult; locale: Locale }) {
  const t = await getTranslations("Methodology");
  const { atLeastAsGood, worse } = verdictOf(result);
  if (atLeastAsGood.length + worse.length === 0) return null;
  const list = new Intl.ListFormat(locale === "es" ? "es-MX" : "en-US", { type: "conjunction" });
  const horizons = (hs: number[]) => list.format(hs.map((hours) => t("horizon", { hours })));
  const kind = worse.length === 0 ? "all" : atLeastAsGood.length === 0 ? "none" : "some";
  const text = kind === "all" ? t("verdictAll") : kind === "none" ? t("verdictNone") : t("verdictSome", { best: horizons(atLeastAsGood), worse: horizons(worse) });
  return (
    <p className="mt-2 text-slate-800" data-testid="accuracy-verdict" data-verdict={kind}>
      {text}
    </p>
  );
}
