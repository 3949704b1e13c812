/**
 * The content store on a fresh database: seeding, refreshing from changed files, never
 * overwriting staff edits, revisions, slugs in either language, and search.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { openDatabase, type Db } from "@/lib/db/client";
import { readSeedFiles } from "@/lib/content/seed-files";
import { applySeed, countsByKind, findPublishedBySlug, getItem, listPublished, revisions, toInput, writeItem } from "@/lib/content/store";
import { ftsQuery, MARK_END, MARK_START, searchContent } from "@/lib/content/search";
import type { ItemInput } from "@/lib/content/model";

const SEED = readSeedFiles(path.join(process.cwd(), "content"));
const T0 = Date.UTC(2026, 11, 5, 18);
let db: Db;

beforeEach(() => {
  db = openDatabase(":memory:");
  applySeed(db, SEED, T0);
});

const guide = (key: string) => SEED.find((i) => i.kind === "guide" && i.key === key)!;

describe("counts", () => {
  it("counts published items and drafts per kind", () => {
    const counts = countsByKind(db);
    expect(counts.guide).toEqual({ published: SEED.filter((i) => i.kind === "guide" && i.status === "published").length, draft: SEED.filter((i) => i.kind === "guide" && i.status === "draft").length });
    writeItem(db, { ...guide("into-mexico"), status: "draft" }, { author: "test", origin: "staff", now: T0 + 1 });
    expect(countsByKind(db).guide.draft).toBe(counts.guide.draft + 1);
    expect(countsByKind(db).page.published).toBe(1);
  });
});

describe("seeding", () => {
  it("a fresh database gets every item, once", () => {
    const fresh = openDatabase(":memory:");
    expect(applySeed(fresh, SEED, T0)).toEqual({ created: SEED.length, updated: 0, unchanged: 0, withdrawn: 0, keptStaff: 0 });
    expect(applySeed(fresh, SEED, T0 + 1)).toEqual({ created: 0, updated: 0, unchanged: SEED.length, withdrawn: 0, keptStaff: 0 });
    expect(listPublished(fresh, "guide").length).toBe(SEED.filter((i) => i.kind === "guide").length);
  });

  it("a changed file updates a seeded item as a new revision, keeping the old one", () => {
    const changed = SEED.map((i) => (i.kind === "guide" && i.key === "into-mexico" ? { ...i, title: { ...i.title, en: "Into Mexico, revised" } } : i));
    expect(applySeed(db, changed, T0 + 1000).updated).toBe(1);
    const item = getItem(db, "guide", "into-mexico")!;
    expect(item.title.en).toBe("Into Mexico, revised");
    expect(item.revision).toBe(2);
    const revs = revisions(db, item.id);
    expect(revs.map((r) => r.revision)).toEqual([1, 2]);
    expect(revs[0]!.snapshot.title.en).toBe(guide("into-mexico").title.en);
    expect(revs[0]!.author).toBe("seed");
  });

  it("an item edited by staff is never overwritten by the files", () => {
    const edited: ItemInput = { ...guide("cargo"), summary: { en: "Staff summary.", es: "Resumen del personal." } };
    writeItem(db, edited, { author: "staff:ana", origin: "staff", now: T0 + 10 });
    const changed = SEED.map((i) => (i.kind === "guide" && i.key === "cargo" ? { ...i, summary: { en: "File summary.", es: "Resumen del archivo." } } : i));
    expect(applySeed(db, changed, T0 + 20).keptStaff).toBe(1);
    expect(getItem(db, "guide", "cargo")!.summary.en).toBe("Staff summary.");
  });

  it("an item whose file is removed is unpublished, not deleted", () => {
    const without = SEED.filter((i) => !(i.kind === "announcement" && i.key === "2026-12-new-website"));
    expect(applySeed(db, without, T0 + 5).withdrawn).toBe(1);
    const item = getItem(db, "announcement", "2026-12-new-website")!;
    expect(item.status).toBe("draft");
    expect(listPublished(db, "announcement").map((a) => a.key)).not.toContain("2026-12-new-website");
    expect(searchContent(db, "en", item.title.en).map((h) => h.key)).not.toContain(item.key);
  });

  it("a folder renamed under the same slug moves the address to the new key", () => {
    const old = guide("cargo");
    const renamed = SEED.map((i) => (i === old ? { ...i, key: "commercial-cargo" } : i));
    expect(applySeed(db, renamed, T0 + 30)).toMatchObject({ created: 1, withdrawn: 1 });
    expect(findPublishedBySlug(db, "guide", "en", old.slug.en)?.item.key).toBe("commercial-cargo");
    expect(getItem(db, "guide", "cargo")?.status).toBe("draft");
  });

  it("two published items can never share an address", () => {
    const clash = { ...guide("cargo"), key: "another-cargo" };
    expect(() => writeItem(db, clash, { author: "t", origin: "staff", now: T0 })).toThrow(/UNIQUE/);
  });

  it("two servers seeding the same file at once create each item once", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "content-seed-")), "db.sqlite");
    const [a, b] = [openDatabase(file), openDatabase(file)];
    const results = [applySeed(a, SEED, T0), applySeed(b, SEED, T0)];
    expect(results.map((r) => r.created).sort()).toEqual([0, SEED.length]);
    expect(b.prepare("SELECT count(*) FROM content_items").pluck().get()).toBe(SEED.length);
    a.close();
    b.close();
  });

  it("any revision can be restored by writing its snapshot again", () => {
    const id = getItem(db, "guide", "into-mexico")!.id;
    writeItem(db, { ...guide("into-mexico"), body: { en: "Broken.", es: "Roto." } }, { author: "staff:ana", origin: "staff", now: T0 + 1 });
    const first = revisions(db, id)[0]!.snapshot;
    writeItem(db, first, { author: "staff:ana", origin: "staff", now: T0 + 2 });
    const restored = getItem(db, "guide", "into-mexico")!;
    expect(toInput(restored)).toEqual(first);
    expect(restored.revision).toBe(3);
  });

  it("refuses an item missing a language, in the database too", () => {
    const bad = { ...guide("cargo"), title: { en: "Cargo", es: "" } };
    expect(() => writeItem(db, bad, { author: "t", origin: "staff", now: T0 })).toThrow();
    expect(() => db.prepare("UPDATE content_items SET title_es = '' WHERE key = 'cargo'").run()).toThrow(/CHECK/);
  });

  it("drafts are not listed, found by slug or searchable", () => {
    writeItem(db, { ...guide("cargo"), status: "draft" }, { author: "t", origin: "staff", now: T0 });
    expect(listPublished(db, "guide").map((g) => g.key)).not.toContain("cargo");
    expect(findPublishedBySlug(db, "guide", "en", guide("cargo").slug.en)).toBeNull();
    expect(searchContent(db, "en", "FAST").map((h) => h.key)).not.toContain("cargo");
  });
});

describe("slugs", () => {
  it("finds a guide by its slug in either language and says which address is canonical", () => {
    const g = guide("into-the-us-by-car");
    expect(findPublishedBySlug(db, "guide", "es", g.slug.es)?.canonicalSlug).toBeNull();
    expect(findPublishedBySlug(db, "guide", "es", g.slug.en)?.canonicalSlug).toBe(g.slug.es);
    expect(findPublishedBySlug(db, "guide", "en", g.slug.es)?.canonicalSlug).toBe(g.slug.en);
    expect(findPublishedBySlug(db, "guide", "en", "no-such-guide")).toBeNull();
  });
});

describe("search", () => {
  const keys = (locale: "en" | "es", q: string) => searchContent(db, locale, q).map((h) => `${h.kind}/${h.key}`);

  it("ignores accents and capitals: garita, Garita, GARITA and garitá find the same items", () => {
    const base = keys("es", "garita");
    expect(base.length).toBeGreaterThan(0);
    for (const q of ["Garita", "GARITA", "garitá"]) expect(keys("es", q)).toEqual(base);
  });

  it("finds México from mexico and aduana in Spanish", () => {
    expect(keys("es", "mexico")).toEqual(keys("es", "México"));
    expect(keys("es", "mexico").length).toBeGreaterThan(0);
    expect(keys("es", "aduana")).toContain("guide/into-mexico");
  });

  it("finds the guide a reader means: SENTRI, FMM, eggs, huevo", () => {
    expect(keys("en", "SENTRI")[0]).toMatch(/^guide\/(trusted-traveler-programs|into-the-us-by-car)$/);
    expect(keys("en", "FMM")).toContain("guide/into-mexico");
    expect(keys("en", "eggs")).toContain("guide/what-to-declare");
    expect(keys("es", "huevo")).toContain("guide/what-to-declare");
  });

  it("matches the last word as a prefix (results while typing) and needs every word", () => {
    expect(keys("en", "trusted trav")).toContain("guide/trusted-traveler-programs");
    expect(keys("en", "trusted zzzqqq")).toEqual([]);
  });

  it("finds ports, initiatives, meetings and announcements too", () => {
    const kinds = new Set(["Tecate", "Otay Mesa East", "meeting agenda", "PedWest"].flatMap((q) => searchContent(db, "en", q).map((h) => h.kind)));
    for (const k of ["port", "initiative", "meeting", "announcement", "guide"]) expect(kinds).toContain(k);
  });

  it("marks the matched words in the snippet", () => {
    const hit = searchContent(db, "en", "passport")[0]!;
    expect(hit.snippet).toContain(`${MARK_START}`);
    expect(hit.snippet).toMatch(new RegExp(`${MARK_START}passport`, "i"));
    expect(hit.snippet).toContain(MARK_END);
  });

  it("treats FTS syntax in the input as words, never as a query language", () => {
    expect(ftsQuery('title:"x" OR NEAR(a b) -c *')).toBe('"title" "x" "OR" "NEAR" "a" "b" "c"*');
    expect(ftsQuery("  ¿¡!? ")).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => {
        expect(() => searchContent(db, "en", q)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
