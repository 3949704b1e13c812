/**
 * The widget's query string (`/embed/{slug}?lang=es&mode=pedestrian`), parsed with zod on the
 * server. The rules the browser also needs (which mode is shown, the URL) are in modes.ts, so the
 * snippet builder's client code does not pull zod (~100 KB, and its eval probe trips the CSP).
 */
import { z } from "zod";
import { routing, type Locale } from "@/lib/i18n/routing";
import { MODES, type Mode } from "@/lib/ports";

export const EMBED_LANGS = routing.locales;
export const DEFAULT_EMBED_LANG: Locale = routing.defaultLocale;

/**
 * Unlike the JSON API (where a bad value is a 400 a developer sees in their console), the widget
 * is read by people on a partner's page who cannot fix the URL: an error box in the middle of
 * someone's site helps nobody. So a missing or unknown value falls back to a default, and
 * unrelated parameters (cache busters, utm_*) are ignored. Only an unknown port is an error (404),
 * because there is nothing sensible to show instead.
 */
const EmbedQuery = z.object({
  lang: z.enum(EMBED_LANGS).catch(DEFAULT_EMBED_LANG),
  mode: z.enum(MODES).optional().catch(undefined),
});

export interface EmbedChoice {
  lang: Locale;
  /** As asked for; `resolveMode` picks what is actually shown. */
  mode?: Mode;
}

export function parseEmbedQuery(params: URLSearchParams): EmbedChoice {
  // A repeated key takes its first value, as most servers do; `Object.fromEntries` would keep the last.
  const first = (key: string) => params.get(key) ?? undefined;
  return EmbedQuery.parse({ lang: first("lang"), mode: first("mode") });
}
