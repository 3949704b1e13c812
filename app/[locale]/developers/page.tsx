import type { Metadata } from "next";
import { createTranslator } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SnippetBuilder, type SnippetPortOption } from "@/components/developers/snippet-builder";
import { CopyButton } from "@/components/ui/copy-button";
import { DATA_CACHE_CONTROL, ERROR_STATUS } from "@/lib/api/http";
import { API_VERSION, openApiDocument, PATHS } from "@/lib/api/openapi";
import { CHANGELOG } from "@/lib/api/changelog";
import { allSamples, EXAMPLES } from "@/lib/developers/samples";
import { portModes } from "@/lib/embed/modes";
import { parseSnippetChoice } from "@/lib/embed/snippet-query";
import { env } from "@/lib/env";
import { alternatesFor } from "@/lib/i18n/metadata";
import { routing, type Locale } from "@/lib/i18n/routing";
import { MODES, PORTS, type Mode } from "@/lib/ports";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { formatDateTime } from "@/components/ui/use-date-time";

type Props = PageProps<"/[locale]/developers">;
type Template = keyof typeof PATHS;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = (await params).locale as Locale;
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: t("developersTitle"), description: t("developersDescription"), alternates: alternatesFor("/developers", locale) };
}

interface ParamSchema {
  enum?: string[];
  minimum?: number;
  maximum?: number;
  example?: string;
  pattern?: string;
}
interface Param {
  name: string;
  in: "path" | "query";
  required?: boolean;
  schema?: ParamSchema;
}

/** Allowed values (codes and numbers) or an example, from the document. */
function allowed(s: ParamSchema | undefined): { values: string } | { example: string } | null {
  if (s?.enum) return { values: s.enum.join(" · ") };
  if (s?.minimum !== undefined && s.maximum !== undefined) return { values: `${s.minimum}–${s.maximum}` };
  return s?.example ? { example: s.example } : null;
}

/** The iframe title is in the widget's language, which may differ from this page's. */
const EMBED_T = { en: createTranslator({ locale: "en", messages: en, namespace: "Embed" }), es: createTranslator({ locale: "es", messages: es as typeof en, namespace: "Embed" }) };

export default async function DevelopersPage({ params, searchParams }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("Developers");
  const tw = await getTranslations("Waits");
  // The snippet builder's choices (?port&lang&mode): a plain GET form, so it works without JavaScript.
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) query.set(k, first);
  }
  const snippetChoice = parseSnippetChoice(query, locale);
  const snippetPorts: SnippetPortOption[] = PORTS.map((port) => ({
    slug: port.slug,
    name: port.name[locale],
    modes: portModes(port),
    planned: port.kind === "planned",
    frameTitle: Object.fromEntries(routing.locales.map((l) => [l, EMBED_T[l]("frameTitle", { port: port.name[l] })])) as Record<Locale, string>,
  }));
  const modeNames = Object.fromEntries(MODES.map((m) => [m, tw(`modes.${m}`)])) as Record<Mode, string>;
  const origin = env().SITE_URL;
  const doc = openApiDocument(origin);
  const { CBP_POLL_SECONDS, API_RATE_LIMIT_PER_MINUTE, API_RATE_BURST } = env();
  const pollMinutes = Math.max(1, Math.round(CBP_POLL_SECONDS / 60));
  const num = new Intl.NumberFormat(locale === "es" ? "es-MX" : "en-US");
  const templates = Object.keys(PATHS) as Template[];
  const samples = await allSamples(origin);

  const h2 = "mt-10 text-2xl font-bold text-slate-900";
  const p = "mt-2 text-slate-800";
  const ul = "mt-2 list-disc space-y-1 pl-6 text-slate-800";
  const code = "rounded bg-slate-100 px-1 font-mono text-[0.95em] text-slate-900 wrap-anywhere";
  // Identifiers and header names inside the prose are marked <code> in the messages.
  const rich = (key: Parameters<typeof t.rich>[0], values: Record<string, string | number> = {}) =>
    t.rich(key, { ...values, code: (chunks) => <code className={code}>{chunks}</code> });
  const pre = "mt-2 max-h-96 overflow-auto rounded border border-slate-300 bg-slate-50 p-3 font-mono text-sm text-slate-900";

  return (
    <article>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-lg text-slate-700">{t("intro")}</p>

      <h2 className={h2} id="data">
        {t("whatHeading")}
      </h2>
      <p className={p}>{rich("whatIs")}</p>
      <ul className={ul}>
        <li>{t("whatNotTotal")}</li>
        <li>{t("whatNotSouth")}</li>
        <li>{rich("whatOurs", { minutes: pollMinutes })}</li>
      </ul>

      <h2 className={h2} id="basics">
        {t("basicsHeading")}
      </h2>
      <ul className={ul}>
        <li>{t("basicsBase", { origin })}</li>
        <li>{t("basicsNoKey")}</li>
        <li>{t("basicsJson")}</li>
        <li>{rich("basicsNames")}</li>
        <li>
          {t("basicsOpenApi")}{" "}
          <a className="underline underline-offset-4" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI {doc.openapi}, v{API_VERSION})
        </li>
      </ul>

      <h2 className={h2} id="endpoints">
        {t("endpointsHeading")}
      </h2>
      {templates.map((path) => {
        const op = PATHS[path];
        const params = ((doc.paths?.[path]?.get?.parameters ?? []) as Param[]).filter((x) => x.in === "path" || x.in === "query");
        const curl = `curl -s '${origin}${EXAMPLES[path].url}'`;
        const sample = samples[path];
        const anchor = op.operationId!;
        return (
          <section key={path} className="mt-6 border-t border-slate-300 pt-4" aria-labelledby={anchor} data-testid="endpoint" data-path={path}>
            <h3 id={anchor} className="font-mono text-lg font-semibold break-all text-slate-900">
              GET {path}
            </h3>
            <p className={p}>{rich(`ep_${anchor}` as "ep_listPorts")}</p>
            <h4 className="mt-3 font-semibold text-slate-900">{t("parameters")}</h4>
            {params.length === 0 ? (
              <p className={p}>{t("noParameters")}</p>
            ) : (
              <ul className="mt-1 space-y-1 text-slate-800">
                {params.map((x) => {
                  const a = allowed(x.schema);
                  return (
                    <li key={`${x.in}-${x.name}`} data-testid="parameter">
                      <code className={code}>{x.in === "path" ? `{${x.name}}` : x.name}</code>: {t(`params.${x.name}` as "params.slug")}
                      {a ? (
                        <span className="text-slate-700">
                          {" "}
                          ({"values" in a ? `${t("paramValues")} ${a.values}` : `${t("paramExample")} ${a.example}`})
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            <h4 className="mt-3 font-semibold text-slate-900">{t("example")}</h4>
            <div className="mt-1 flex flex-wrap items-start gap-2">
              <pre className={`${pre} mt-0 min-w-0 flex-1 break-all whitespace-pre-wrap`} data-testid="curl">
                <code>{curl}</code>
              </pre>
              <CopyButton text={curl} label={t("copy")} done={t("copied")} failed={t("copyFailed")} />
            </div>
            {sample ? (
              <details className="mt-2">
                <summary className="cursor-pointer font-semibold text-slate-900">{t("sampleHeading", { status: sample.status })}</summary>
                <pre className={pre} data-testid="sample">
                  <code>{sample.text}</code>
                </pre>
                {sample.shortened ? <p className="mt-1 text-sm text-slate-700">{t("sampleShortened")}</p> : null}
              </details>
            ) : (
              <p className={p}>{t("sampleNone")}</p>
            )}
          </section>
        );
      })}

      <div id="widget" className="mt-4">
        <SnippetBuilder
          origin={origin}
          action={`/${locale}/developers#widget`}
          ports={snippetPorts}
          languages={{ en: t("snippet.languages.en"), es: t("snippet.languages.es") }}
          modes={modeNames}
          initial={snippetChoice}
          labels={{
            heading: t("snippet.heading"),
            intro: t("snippet.intro"),
            port: t("snippet.port"),
            language: t("snippet.language"),
            mode: t("snippet.mode"),
            modeUnavailable: Object.fromEntries(MODES.map((m) => [m, t("snippet.modeUnavailable", { mode: modeNames[m] })])) as Record<Mode, string>,
            modeFallback: t("snippet.modeFallback"),
            planned: t("snippet.planned"),
            update: t("snippet.update"),
            code: t("snippet.code"),
            copy: t("copy"),
            copied: t("copied"),
            copyFailed: t("copyFailed"),
            preview: t("snippet.preview"),
          }}
        />
      </div>

      <h2 className={h2} id="feeds">
        {t("feedsHeading")}
      </h2>
      <p className={p}>{rich("feedsText")}</p>
      <ul className={ul}>
        {(["en", "es"] as const).map((l) => (
          <li key={l}>
            {t(l === "en" ? "feedEnglish" : "feedSpanish")}:{" "}
            <a className="underline underline-offset-4" href={`/${l}/feed.rss`} hrefLang={l}>
              RSS
            </a>
            {" · "}
            <a className="underline underline-offset-4" href={`/${l}/feed.atom`} hrefLang={l}>
              Atom
            </a>
          </li>
        ))}
      </ul>
      <p className={p}>{rich("feedsPort", { example: `${origin}/${locale}/ports/san-ysidro/feed.atom` })}</p>

      <h2 className={h2} id="caching">
        {t("freshHeading")}
      </h2>
      <ul className={ul}>
        <li>{rich("freshPoll", { minutes: pollMinutes })}</li>
        <li>{rich("freshCache", { cacheControl: DATA_CACHE_CONTROL })}</li>
        <li>{rich("freshEtag")}</li>
        <li>{rich("freshStale")}</li>
      </ul>

      <h2 className={h2} id="rate-limits">
        {t("limitsHeading")}
      </h2>
      <p className={p}>
        {API_RATE_LIMIT_PER_MINUTE > 0 ? t("limitsRule", { perMinute: num.format(API_RATE_LIMIT_PER_MINUTE), burst: num.format(API_RATE_BURST) }) : t("limitsOff")}
      </p>
      <p className={p}>{rich("limitsHeaders")}</p>
      <p className={p}>{t("limitsMore")}</p>

      <h2 className={h2} id="errors">
        {t("errorsHeading")}
      </h2>
      <p className={p}>{t("errorsIntro")}</p>
      <div className="overflow-x-auto">
        <table className="mt-2 w-full border-collapse text-left text-slate-900">
          <thead>
            <tr className="border-b border-slate-400 text-sm">
              <th scope="col" className="py-1 pr-3">
                {t("errorStatus")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("errorCode")}
              </th>
              <th scope="col" className="py-1">
                {t("errorMeaning")}
              </th>
            </tr>
          </thead>
          <tbody>
            {(Object.entries(ERROR_STATUS) as [keyof typeof ERROR_STATUS, number][]).map(([c, status]) => (
              <tr key={c} className="border-b border-slate-200 align-top">
                <td className="py-1 pr-3">{status}</td>
                <td className="py-1 pr-3">
                  <code className={code}>{c}</code>
                </td>
                <td className="py-1">{rich(`error_${c}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className={h2} id="attribution">
        {t("attributionHeading")}
      </h2>
      <p className={p}>{t("attributionText")}</p>

      <h2 className={h2} id="terms">
        {t("termsHeading")}
      </h2>
      <ul className={ul}>
        <li>{t("termsFree")}</li>
        <li>{t("termsNoWarranty")}</li>
        <li>{t("termsFair")}</li>
      </ul>

      <h2 className={h2} id="versions">
        {t("versionHeading")}
      </h2>
      <p className={p}>{rich("versionPromise")}</p>
      <h3 className="mt-4 text-lg font-semibold text-slate-900">{t("changelogHeading")}</h3>
      <ul className="mt-2 space-y-2 text-slate-800">
        {CHANGELOG.map((c) => (
          <li key={c.version}>
            <strong>{c.version}</strong> ({formatDateTime(locale, Date.parse(`${c.date}T12:00:00Z`), { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })}): {rich(`change_${c.version.replaceAll(".", "_")}` as "change_1_0_0")}
          </li>
        ))}
      </ul>
    </article>
  );
}
