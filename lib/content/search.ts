/**
 * Site search over published content with SQLite FTS5. The tokenizer folds case and accents
 * (migration 5), so "garita", "Garita" and "garitá" are one word; every word typed must match,
 * the last one also as a prefix so results come while typing.
 */
import type { Db } from "@/lib/db/client";
import type { ContentKind } from "@/lib/content/model";
import type { Locale } from "@/lib/i18n/routing";

/** Private-use characters mark the matched words in snippets; the page turns them into <mark>. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
const MAX_TERMS = 8;
export const MAX_QUERY_LENGTH = 200;

/**
 * The user's words as an FTS5 query. Only letters and digits survive, each quoted, so
 * operators, quotes and column filters in the input are just text. null when nothing is left.
 */
export function ftsQuery(input: string): string | null {
  const words = input.normalize("NFC").slice(0, MAX_QUERY_LENGTH).match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const terms = words.slice(0, MAX_TERMS);
  return terms.map((w, i) => `"${w}"${i === terms.length - 1 ? "*" : ""}`).join(" ");
}

export interface SearchHit {
  kind: ContentKind;
  key: string;
  slug: { en: string; es: string };
  title: string;
  summary: string;
  /** A passage of the text around the match, with MARK_START/MARK_END around matched words. */
  snippet: string;
}

export function searchContent(db: Db, locale: Locale, input: string, limit = 20): SearchHit[] {
  const query = ftsQuery(input);
  if (!query) return [];
  const rows = db
    .prepare(
      // Columns: item_id, locale, title, summary, body; a word in the title counts most.
      `SELECT i.kind, i.key, i.slug_en, i.slug_es, s.title, s.summary,
              snippet(content_search, -1, ?, ?, '…', 20) AS snippet
         FROM content_search s JOIN content_items i ON i.id = s.item_id
        WHERE content_search MATCH ? AND s.locale = ? AND i.status = 'published'
        ORDER BY bm25(content_search, 0, 0, 10, 4, 1), i.kind, i.key
        LIMIT ?`,
    )
    .all(MARK_START, MARK_END, query, locale, limit) as { kind: ContentKind; key: string; slug_en: string; slug_es: string; title: string; summary: string; snippet: string }[];
  return rows.map((r) => ({ kind: r.kind, key: r.key, slug: { en: r.slug_en, es: r.slug_es }, title: r.title, summary: r.summary, snippet: r.snippet }));
}
