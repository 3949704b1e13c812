/**
 * The developers page's form (`?port=&lang=&mode=`), parsed on the server with zod.
 */
import { z } from "zod";
import { parseEmbedQuery } from "@/lib/embed/query";
import { choose, DEFAULT_SLUG, type SnippetChoice } from "@/lib/embed/snippet";
import type { Locale } from "@/lib/i18n/routing";
import { getPort } from "@/lib/ports";

const Slug = z
  .string()
  .refine((s) => getPort(s) !== undefined)
  .catch(DEFAULT_SLUG);

/**
 * The developers page's form (`?port=&lang=&mode=`), with the widget's own lenient rules: a bad
 * value becomes the default, so a hand-edited URL still shows working code. The widget language
 * defaults to the page's.
 */
export function parseSnippetChoice(params: URLSearchParams, pageLocale: Locale): SnippetChoice {
  const slug = Slug.parse(params.get("port") ?? undefined);
  const q = parseEmbedQuery(params);
  const lang = params.has("lang") ? q.lang : pageLocale;
  return choose(slug, lang, q.mode);
}

