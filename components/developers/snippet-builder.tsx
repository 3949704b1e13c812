"use client";

import { useState, useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { embedPath } from "@/lib/embed/modes";
import { buildEmbedSnippet, choose, EMBED_HEIGHT, EMBED_WIDTH, type SnippetChoice } from "@/lib/embed/snippet";
import type { Locale } from "@/lib/i18n/routing";
import { MODES, type Mode } from "@/lib/ports";

export interface SnippetPortOption {
  slug: string;
  /** In the page's language. */
  name: string;
  modes: readonly Mode[];
  planned: boolean;
  /** The iframe's title in each widget language (the partner's page language, not ours). */
  frameTitle: Record<Locale, string>;
}

export interface SnippetBuilderLabels {
  heading: string;
  intro: string;
  port: string;
  language: string;
  mode: string;
  modeUnavailable: Record<Mode, string>;
  modeFallback: string;
  planned: string;
  update: string;
  code: string;
  copy: string;
  copied: string;
  copyFailed: string;
  preview: string;
}

export interface SnippetBuilderProps {
  /** Public origin the snippet points at (SITE_URL). */
  origin: string;
  /** This page's path: the form submits here with GET, so it works without JavaScript. */
  action: string;
  ports: readonly SnippetPortOption[];
  languages: Record<Locale, string>;
  modes: Record<Mode, string>;
  /** The choice the server read from the URL (parseSnippetChoice). */
  initial: SnippetChoice;
  labels: SnippetBuilderLabels;
}

const noSubscribe = () => () => {};

/** True once React runs in the browser; false in the server HTML (and so for no-JS readers). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

/**
 * Builds the `<iframe>` code for the widget. Without JavaScript it is a GET form whose result the
 * server renders from the URL; with JavaScript the code and preview follow the selects at once and
 * a copy button appears (it could do nothing without JavaScript, so it is not shown then).
 */
export function SnippetBuilder({ origin, action, ports, languages, modes, initial, labels }: SnippetBuilderProps) {
  const hydrated = useHydrated();
  const [slug, setSlug] = useState(initial.slug);
  const [lang, setLang] = useState<Locale>(initial.lang);
  const [requested, setRequested] = useState<Mode | undefined>(initial.unavailableMode ?? initial.mode ?? undefined);

  const choice = choose(slug, lang, requested);
  const port = ports.find((p) => p.slug === choice.slug) ?? ports[0];
  const title = port?.frameTitle[choice.lang] ?? "";
  const snippet = buildEmbedSnippet({ origin, slug: choice.slug, lang: choice.lang, mode: choice.mode, title });


  const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-2 text-base text-slate-900";
  const label = "block font-semibold text-slate-900";

  return (
    <section aria-labelledby="snippet-heading" className="mt-6" data-testid="snippet-builder">
      <h2 id="snippet-heading" className="text-2xl font-bold text-slate-900">
        {labels.heading}
      </h2>
      <p className="mt-1 text-slate-800">{labels.intro}</p>

      <form method="get" action={action} className="mt-4 grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="snippet-port" className={label}>
            {labels.port}
          </label>
          <select id="snippet-port" name="port" className={field} value={choice.slug} onChange={(e) => setSlug(e.target.value)}>
            {ports.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="snippet-lang" className={label}>
            {labels.language}
          </label>
          <select id="snippet-lang" name="lang" className={field} value={choice.lang} onChange={(e) => setLang(e.target.value as Locale)}>
            {(Object.keys(languages) as Locale[]).map((l) => (
              <option key={l} value={l}>
                {languages[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="snippet-mode" className={label}>
            {labels.mode}
          </label>
          <select
            id="snippet-mode"
            name="mode"
            className={field}
            value={requested ?? choice.mode ?? MODES[0]}
            onChange={(e) => setRequested(e.target.value as Mode)}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {port && !port.planned && !port.modes.includes(m) ? labels.modeUnavailable[m] : modes[m]}
              </option>
            ))}
          </select>
        </div>
        {!hydrated && (
          <div className="sm:col-span-3">
            <button type="submit" className="rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900">
              {labels.update}
            </button>
          </div>
        )}
      </form>

      {choice.unavailableMode && (
        <p className="mt-3 text-slate-800" data-testid="snippet-mode-fallback">
          {labels.modeFallback}
        </p>
      )}
      {port?.planned && (
        <p className="mt-3 text-slate-800" data-testid="snippet-planned">
          {labels.planned}
        </p>
      )}

      <h3 className="mt-5 font-semibold text-slate-900">{labels.code}</h3>
      {/* Wrapped, not scrolled: the whole code stays visible at 320 px (WCAG 1.4.10 reflow). */}
      <pre className="mt-1 whitespace-pre-wrap break-all rounded border border-slate-300 bg-white p-3 text-sm text-slate-900">
        <code data-testid="snippet-code">{snippet}</code>
      </pre>
      <div className="mt-2">
        <CopyButton key={snippet} text={snippet} label={labels.copy} done={labels.copied} failed={labels.copyFailed} testId="snippet-copy" />
      </div>

      <h3 className="mt-5 font-semibold text-slate-900">{labels.preview}</h3>
      <iframe
        key={`${choice.slug}-${choice.lang}-${choice.mode ?? ""}`}
        src={embedPath(choice.slug, choice.lang, choice.mode)}
        width={EMBED_WIDTH}
        height={EMBED_HEIGHT}
        title={title}
        loading="lazy"
        className="mt-1 max-w-full border-0 bg-white outline outline-1 outline-slate-300"
        data-testid="snippet-preview"
      />
    </section>
  );
}
