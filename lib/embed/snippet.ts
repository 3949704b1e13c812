/**
 * The `<iframe>` code partners paste, and the developers page's choices. Pure, client-safe and free
 * of zod: the snippet builder runs it on the server (no-JavaScript form) and in the browser.
 */
import { escapeHtml } from "@/lib/escape-html";
import { embedPath, resolveMode } from "@/lib/embed/modes";
import type { Locale } from "@/lib/i18n/routing";
import { getPort, PORTS, type Mode } from "@/lib/ports";

/** The size the widget is designed and tested for (a standard "medium rectangle" ad slot). */
export const EMBED_WIDTH = 300;
export const EMBED_HEIGHT = 250;

export interface SnippetInput {
  /** The site's public origin, e.g. https://smartborder.example (a path or query is ignored). */
  origin: string;
  slug: string;
  lang: Locale;
  mode: Mode | null;
  /** The frame's accessible name, in the widget's language (WCAG 4.1.2: frames need a title). */
  title: string;
}

export function embedUrl(origin: string, slug: string, lang: Locale, mode: Mode | null): string {
  return new URL(embedPath(slug, lang, mode), new URL(origin).origin).href;
}

export function buildEmbedSnippet(input: SnippetInput): string {
  const src = embedUrl(input.origin, input.slug, input.lang, input.mode);
  return (
    `<iframe src="${escapeHtml(src)}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" ` +
    `title="${escapeHtml(input.title)}" loading="lazy" style="border:0"></iframe>`
  );
}

export interface SnippetChoice {
  slug: string;
  lang: Locale;
  /** What the widget will show (see resolveMode); null for a planned port. */
  mode: Mode | null;
  /** The mode asked for when the port does not have it, so the form can say what it shows instead. */
  unavailableMode: Mode | null;
}

export const DEFAULT_SLUG = PORTS[0]?.slug ?? "san-ysidro";

/** The choice as the widget will honour it (resolveMode), keeping a mode the port lacks to say so. */
export function choose(slug: string, lang: Locale, requested: Mode | undefined): SnippetChoice {
  const port = getPort(slug) ?? getPort(DEFAULT_SLUG);
  const mode = port ? resolveMode(port, requested) : null;
  return { slug: port?.slug ?? DEFAULT_SLUG, lang, mode, unavailableMode: requested && requested !== mode && mode !== null ? requested : null };
}
