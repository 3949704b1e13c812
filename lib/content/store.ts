/**
 * SQL for content: writes (each one a revision, with the search index kept in step) and reads.
 * Parameterized statements only; rows are parsed back through the content model.
 */
import type { Db } from "@/lib/db/client";
import { markdownText } from "@/lib/content/markdown";
import { CONTENT_KINDS, DATA_SCHEMAS, itemInput, sortKeyOf, type ContentData, type ContentItem, type ContentKind, type ItemInput } from "@/lib/content/model";
import { seedHash } from "@/lib/content/seed-files";
import type { Locale } from "@/lib/i18n/routing";
import { routing } from "@/lib/i18n/routing";

interface Row {
  id: number;
  kind: ContentKind;
  key: string;
  status: "draft" | "published";
  slug_en: string;
  slug_es: string;
  title_en: string;
  title_es: string;
  summary_en: string;
  summary_es: string;
  body_en: string;
  body_es: string;
  data: string;
  published_at: number | null;
  created_at: number;
  updated_at: number;
  revision: number;
  origin: "seed" | "staff";
  seed_hash: string | null;
}

function fromRow<K extends ContentKind>(row: Row): ContentItem<K> {
  return {
    id: row.id,
    kind: row.kind as K,
    key: row.key,
    status: row.status,
    slug: { en: row.slug_en, es: row.slug_es },
    title: { en: row.title_en, es: row.title_es },
    summary: { en: row.summary_en, es: row.summary_es },
    body: { en: row.body_en, es: row.body_es },
    data: DATA_SCHEMAS[row.kind].parse(JSON.parse(row.data)) as ContentData[K],
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    origin: row.origin,
  };
}

/** The searchable text of an item in one language: everything a reader sees on its page. */
export function searchText(item: ItemInput, locale: Locale): string {
  const parts = [markdownText(item.body[locale])];
  const data = item.data as Record<string, unknown>;
  if (item.kind === "initiative") {
    const d = data as ContentData["initiative"];
    parts.push(...[d.problem, d.solution, d.enablers].map((b) => markdownText(b[locale])), ...d.timeline.map((e) => e.text[locale]));
  } else if (item.kind === "port") {
    const d = data as ContentData["port"];
    parts.push(...d.facilities.map((f) => `${f.name[locale]} ${f.hours[locale]}`));
  } else if (item.kind === "meeting") {
    const d = data as ContentData["meeting"];
    parts.push(d.venue.name, d.venue.address);
  }
  return parts.join("\n");
}

function reindex(db: Db, id: number, item: ItemInput): void {
  db.prepare("DELETE FROM content_search WHERE item_id = ?").run(id);
  if (item.status !== "published") return;
  const insert = db.prepare("INSERT INTO content_search (item_id, locale, title, summary, body) VALUES (?, ?, ?, ?, ?)");
  for (const locale of routing.locales) insert.run(id, locale, item.title[locale], item.summary[locale], searchText(item, locale));
}

export interface WriteOptions {
  author: string;
  origin: "seed" | "staff";
  now: number;
}

/**
 * Creates or replaces an item (matched by kind and key) as a new revision. The previous
 * version stays in content_revisions. Returns the item's id.
 */
export function writeItem(db: Db, input: ItemInput, opts: WriteOptions): number {
  const item = itemInput.parse(input);
  const hash = opts.origin === "seed" ? seedHash(item) : null;
  return db.transaction(() => {
    const existing = db.prepare("SELECT id, revision, status, published_at FROM content_items WHERE kind = ? AND key = ?").get(item.kind, item.key) as
      | { id: number; revision: number; status: string; published_at: number | null }
      | undefined;
    const publishedAt = item.status !== "published" ? (existing?.published_at ?? null) : existing?.status === "published" ? existing.published_at : opts.now;
    const values = {
      kind: item.kind,
      key: item.key,
      status: item.status,
      slug_en: item.slug.en,
      slug_es: item.slug.es,
      title_en: item.title.en,
      title_es: item.title.es,
      summary_en: item.summary.en,
      summary_es: item.summary.es,
      body_en: item.body.en,
      body_es: item.body.es,
      data: JSON.stringify(item.data),
      sort_key: sortKeyOf(item.kind, item.data),
      published_at: publishedAt,
      now: opts.now,
      origin: opts.origin,
      seed_hash: hash,
    };
    let id: number;
    let revision: number;
    if (existing) {
      id = existing.id;
      revision = existing.revision + 1;
      db.prepare(
        `UPDATE content_items SET status = @status, slug_en = @slug_en, slug_es = @slug_es, title_en = @title_en, title_es = @title_es,
           summary_en = @summary_en, summary_es = @summary_es, body_en = @body_en, body_es = @body_es, data = @data, sort_key = @sort_key,
           published_at = @published_at, updated_at = @now, revision = @revision, origin = @origin, seed_hash = @seed_hash
         WHERE id = @id`,
      ).run({ ...values, id, revision });
    } else {
      revision = 1;
      id = Number(
        db
          .prepare(
            `INSERT INTO content_items (kind, key, status, slug_en, slug_es, title_en, title_es, summary_en, summary_es, body_en, body_es, data,
               sort_key, published_at, created_at, updated_at, revision, origin, seed_hash)
             VALUES (@kind, @key, @status, @slug_en, @slug_es, @title_en, @title_es, @summary_en, @summary_es, @body_en, @body_es, @data,
               @sort_key, @published_at, @now, @now, 1, @origin, @seed_hash)`,
          )
          .run(values).lastInsertRowid,
      );
    }
    db.prepare("INSERT INTO content_revisions (item_id, revision, snapshot, author, created_at) VALUES (?, ?, ?, ?, ?)").run(id, revision, JSON.stringify(item), opts.author, opts.now);
    reindex(db, id, item);
    return id;
  })();
}

export interface SeedResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Seeded items whose files are gone: unpublished, never deleted. */
  withdrawn: number;
  /** Edited by staff, so their files no longer apply. */
  keptStaff: number;
}

/**
 * Brings the database in line with the repository's content files: new items are created,
 * items still as seeded follow their files, staff-edited items are left alone.
 */
export function applySeed(db: Db, items: readonly ItemInput[], now: number): SeedResult {
  const result: SeedResult = { created: 0, updated: 0, unchanged: 0, withdrawn: 0, keptStaff: 0 };
  // IMMEDIATE: two servers starting together must not both insert the same item.
  db.transaction(() => {
    const rows = db.prepare("SELECT kind, key, origin, seed_hash, status FROM content_items").all() as Pick<Row, "kind" | "key" | "origin" | "seed_hash" | "status">[];
    const byKey = new Map(rows.map((r) => [`${r.kind}/${r.key}`, r]));
    const seen = new Set(items.map((item) => `${item.kind}/${item.key}`));
    // Withdraw first: a folder renamed under the same slug must free that slug for its new key.
    for (const row of rows) {
      if (row.origin !== "seed" || row.status !== "published" || seen.has(`${row.kind}/${row.key}`)) continue;
      const current = getItem(db, row.kind, row.key);
      if (!current) continue;
      writeItem(db, { ...toInput(current), status: "draft" }, { author: "seed", origin: "seed", now });
      result.withdrawn++;
    }
    for (const item of items) {
      const row = byKey.get(`${item.kind}/${item.key}`);
      if (row?.origin === "staff") result.keptStaff++;
      else if (row && row.seed_hash === seedHash(itemInput.parse(item))) result.unchanged++;
      else {
        writeItem(db, item, { author: "seed", origin: "seed", now });
        result[row ? "updated" : "created"]++;
      }
    }
  }).immediate();
  return result;
}

export function toInput(item: ContentItem): ItemInput {
  return { kind: item.kind, key: item.key, status: item.status, slug: item.slug, title: item.title, summary: item.summary, body: item.body, data: item.data };
}

export function getItem<K extends ContentKind>(db: Db, kind: K, key: string): ContentItem<K> | null {
  const row = db.prepare("SELECT * FROM content_items WHERE kind = ? AND key = ?").get(kind, key) as Row | undefined;
  return row ? fromRow<K>(row) : null;
}

/** Published items of a kind in list order (order number, or date ascending). */
export function listPublished<K extends ContentKind>(db: Db, kind: K): ContentItem<K>[] {
  const rows = db.prepare("SELECT * FROM content_items WHERE kind = ? AND status = 'published' ORDER BY sort_key, key").all(kind) as Row[];
  return rows.map((r) => fromRow<K>(r));
}

export interface SlugMatch<K extends ContentKind> {
  item: ContentItem<K>;
  /** The slug asked for is the other language's: redirect to this one. (Old slugs are not kept.) */
  canonicalSlug: string | null;
}

/** A published item by the slug in the URL; a slug of the other language finds it too. */
export function findPublishedBySlug<K extends ContentKind>(db: Db, kind: K, locale: Locale, slug: string): SlugMatch<K> | null {
  const row = db
    .prepare(
      `SELECT * FROM content_items WHERE kind = @kind AND status = 'published' AND (slug_en = @slug OR slug_es = @slug)
       ORDER BY CASE @locale WHEN 'en' THEN slug_en = @slug ELSE slug_es = @slug END DESC LIMIT 1`,
    )
    .get({ kind, slug, locale }) as Row | undefined;
  if (!row) return null;
  const item = fromRow<K>(row);
  return { item, canonicalSlug: item.slug[locale] === slug ? null : item.slug[locale] };
}

export function revisions(db: Db, itemId: number): { revision: number; author: string; createdAt: number; snapshot: ItemInput }[] {
  const rows = db.prepare("SELECT revision, author, created_at, snapshot FROM content_revisions WHERE item_id = ? ORDER BY revision").all(itemId) as {
    revision: number;
    author: string;
    created_at: number;
    snapshot: string;
  }[];
  return rows.map((r) => ({ revision: r.revision, author: r.author, createdAt: r.created_at, snapshot: itemInput.parse(JSON.parse(r.snapshot)) }));
}

/** The published items among `keys`, in that order (a related-guides list, say); others are skipped. */
export function publishedByKeys<K extends ContentKind>(db: Db, kind: K, keys: readonly string[]): ContentItem<K>[] {
  return keys.map((key) => getItem(db, kind, key)).filter((item): item is ContentItem<K> => item?.status === "published");
}

/** Every item of a kind, drafts included, in list order (the staff lists). */
export function listAllItems<K extends ContentKind>(db: Db, kind: K): ContentItem<K>[] {
  const rows = db.prepare("SELECT * FROM content_items WHERE kind = ? ORDER BY sort_key, key").all(kind) as Row[];
  return rows.map((r) => fromRow<K>(r));
}

/** The revision of an item by number, or null. */
export function itemRevision(db: Db, itemId: number, revision: number): ItemInput | null {
  const row = db.prepare("SELECT snapshot FROM content_revisions WHERE item_id = ? AND revision = ?").get(itemId, revision) as { snapshot: string } | undefined;
  return row ? itemInput.parse(JSON.parse(row.snapshot)) : null;
}

/** How many items of each kind are published and how many are drafts (one grouped count, not every row). */
export function countsByKind(db: Db): Record<ContentKind, Record<"published" | "draft", number>> {
  const counts = Object.fromEntries(CONTENT_KINDS.map((k) => [k, { published: 0, draft: 0 }])) as Record<ContentKind, Record<"published" | "draft", number>>;
  const rows = db.prepare("SELECT kind, status, count(*) AS n FROM content_items GROUP BY kind, status").all() as { kind: ContentKind; status: "published" | "draft"; n: number }[];
  for (const r of rows) counts[r.kind][r.status] = r.n;
  return counts;
}
