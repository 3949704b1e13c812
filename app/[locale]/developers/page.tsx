/**
 * Minimal developers page: a title and the embed snippet builder. A placeholder for the full
 * developers page (API docs, feeds), which replaces it and keeps the builder.
 */
import type { Metadata } from "next";
import { createTranslator } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SnippetBuilder, type SnippetPortOption } from "@/components/developers/snippet-builder";
import { portModes } from "@/lib/embed/modes";
import { parseSnippetChoice } from "@/lib/embed/snippet-query";
import { env } from "@/lib/env";
import { alternatesFor } from "@/lib/i18n/metadata";
import { routing, type Locale } from "@/lib/i18n/routing";
import { MODES, PORTS, type Mode } from "@/lib/ports";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

type Props = PageProps<"/[locale]/developers">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = (await params).locale as Locale;
  const t = await getTranslations({ locale, namespace: "Developers" });
  return { title: t("title"), alternates: alternatesFor("/developers", locale) };
}

/** The iframe title is in the widget's language, which may differ from this page's. */
const EMBED_T = { en: createTranslator({ locale: "en", messages: en, namespace: "Embed" }), es: createTranslator({ locale: "es", messages: es as typeof en, namespace: "Embed" }) };

export default async function DevelopersPage({ params, searchParams }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("Developers");
  const tw = await getTranslations("Waits");
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) query.set(k, first);
  }
  const initial = parseSnippetChoice(query, locale);
  const ports: SnippetPortOption[] = PORTS.map((p) => ({
    slug: p.slug,
    name: p.name[locale],
    modes: portModes(p),
    planned: p.kind === "planned",
    frameTitle: Object.fromEntries(routing.locales.map((l) => [l, EMBED_T[l]("frameTitle", { port: p.name[l] })])) as Record<Locale, string>,
  }));
  const modes = Object.fromEntries(MODES.map((m) => [m, tw(`modes.${m}`)])) as Record<Mode, string>;

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      <SnippetBuilder
        origin={env().SITE_URL}
        action={`/${locale}/developers`}
        ports={ports}
        languages={{ en: t("snippet.languages.en"), es: t("snippet.languages.es") }}
        modes={modes}
        initial={initial}
        labels={{
          heading: t("snippet.heading"),
          intro: t("snippet.intro"),
          port: t("snippet.port"),
          language: t("snippet.language"),
          mode: t("snippet.mode"),
          modeUnavailable: Object.fromEntries(MODES.map((m) => [m, t("snippet.modeUnavailable", { mode: modes[m] })])) as Record<Mode, string>,
          modeFallback: t("snippet.modeFallback"),
          planned: t("snippet.planned"),
          update: t("snippet.update"),
          code: t("snippet.code"),
          copy: t("snippet.copy"),
          copied: t("snippet.copied"),
          copyFailed: t("snippet.copyFailed"),
          preview: t("snippet.preview"),
        }}
      />
    </>
  );
}
