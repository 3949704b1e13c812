/**
 * The widget's query string (`/embed/{slug}?lang=es&mode=pedestrian`) and the lane mode it shows.
 * Client-safe: the snippet builder uses the same rules, so the code it hands out always works.
 */
import { z } from "zod";
import { routing, type Locale } from "@/lib/i18n/routing";
import { MODES, type Mode, type PortDef } from "@/lib/ports";

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

/** The modes a port has lanes for, in the site's display order. */
export function portModes(port: PortDef): Mode[] {
  return MODES.filter((m) => port.crossings.some((c) => c.lanes.some((l) => l.mode === m)));
}

/**
 * The mode the widget shows: the one asked for when the port has it, else the port's first mode
 * with lanes (so `?mode=commercial` on the pedestrian-only CBX shows its pedestrians, not an empty
 * box). `null` for a planned port, which has no lanes yet.
 */
export function resolveMode(port: PortDef, requested: Mode | undefined): Mode | null {
  const modes = portModes(port);
  if (requested && modes.includes(requested)) return requested;
  return modes[0] ?? null;
}

/** The widget's path with its query, in a stable order (the snippet, the preview and the tests). */
export function embedPath(slug: string, lang: Locale, mode: Mode | null): string {
  const q = new URLSearchParams({ lang });
  if (mode) q.set("mode", mode);
  return `/embed/${encodeURIComponent(slug)}?${q.toString()}`;
}
