/**
 * The content shipped in content/: complete in both languages, written (not copied) in each,
 * spelled correctly, usted in Spanish, and every site link leads to a page that exists.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSeedFiles } from "@/lib/content/seed-files";
import { markdownText, renderMarkdown } from "@/lib/content/markdown";
import { contentPath } from "@/lib/content/paths";
import type { ContentData, ContentKind, ItemInput } from "@/lib/content/model";
import { PORTS } from "@/lib/ports";
import { hasWords, misspelled, TU_FORMS } from "@/tests/unit/support/language";

const ITEMS = readSeedFiles(path.join(process.cwd(), "content"));
const LOCALES = ["en", "es"] as const;
type L = (typeof LOCALES)[number];
const of = <K extends ContentKind>(kind: K) => ITEMS.filter((i) => i.kind === kind) as (ItemInput & { data: ContentData[K] })[];

/** Inline code (addresses like `Login.gov`, form numbers) is not prose. */
const prose = (markdown: string) => markdownText(markdown.replace(/`[^`\n]+`/g, " "));

/** Every text a reader sees of an item in one language, as plain prose. */
function texts(item: ItemInput, l: L): string[] {
  const out = [item.title[l], item.summary[l], prose(item.body[l])];
  const d = item.data as Record<string, unknown>;
  if (item.kind === "initiative") {
    const i = d as ContentData["initiative"];
    out.push(...[i.problem, i.solution, i.enablers].map((b) => prose(b[l])), ...i.timeline.map((e) => e.text[l]));
  }
  if (item.kind === "port") out.push(...(d as ContentData["port"]).facilities.flatMap((f) => [f.name[l], f.hours[l]]));
  if (item.kind === "meeting") out.push(...(d as ContentData["meeting"]).materials.map((m) => m.label[l]));
  const sources = (d.sources as Record<L, { label: string }[]> | undefined)?.[l] ?? [];
  out.push(...sources.map((s) => s.label));
  return out;
}

/** Site paths every page can link to, in each language. */
function sitePaths(l: L): Set<string> {
  const paths = new Set(["", "/dashboard", "/guides", "/plan", "/about", "/meetings", "/initiatives", "/announcements", "/developers", "/methodology", "/search"]);
  for (const p of PORTS) paths.add(`/ports/${p.slug}`);
  for (const item of ITEMS) paths.add(contentPath(item, l).split("#")[0]!);
  return new Set([...paths].map((p) => `/${l}${p}`));
}

const siteLinks = (markdown: string) => [...renderMarkdown(markdown).html.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!.replace(/&#x26;|&amp;/g, "&"));

describe("content files", () => {
  it("has every kind of item the site needs", () => {
    expect(of("guide").length).toBeGreaterThanOrEqual(7);
    expect(of("port").map((p) => p.key).sort()).toEqual(PORTS.map((p) => p.slug).sort());
    expect(of("initiative").map((i) => i.key).sort()).toEqual(["otay-mesa-east", "puerta-mexico-el-chaparral", "tecate-rail-crossing"]);
    expect(of("meeting").filter((m) => m.data.type === "stakeholder").length).toBeGreaterThanOrEqual(6);
    expect(of("meeting").filter((m) => m.data.type === "member").length).toBeGreaterThanOrEqual(6);
    expect(of("announcement").length).toBeGreaterThan(0);
    expect(ITEMS.some((i) => i.kind === "page" && i.key === "about")).toBe(true);
  });

  it("every item has both languages, none empty (the model refuses a missing one)", () => {
    for (const item of ITEMS)
      for (const l of LOCALES) {
        expect(item.title[l].trim(), `${item.kind}/${item.key} title.${l}`).not.toBe("");
        expect(item.summary[l].trim(), `${item.kind}/${item.key} summary.${l}`).not.toBe("");
        if (item.kind !== "initiative") expect(item.body[l].trim(), `${item.kind}/${item.key} body.${l}`).not.toBe("");
      }
  });

  it("Spanish is written for Spanish readers, not a copy of the English", () => {
    for (const item of ITEMS) {
      const en = texts(item, "en");
      const es = texts(item, "es");
      const copied = es.filter((t, i) => t === en[i] && hasWords(t));
      // Proper names (a port's name, a venue) may be the same; whole texts may not.
      expect(copied.filter((t) => t.split(/\s+/).length > 3), `${item.kind}/${item.key}`).toEqual([]);
    }
  });

  it("Spanish speaks to the reader as usted", () => {
    for (const item of ITEMS) for (const t of texts(item, "es")) expect(t, `${item.kind}/${item.key}`).not.toMatch(TU_FORMS);
  });

  it("summaries fit a search result (≤ 200 characters) and bodies start below the page title (no # heading)", () => {
    for (const item of ITEMS)
      for (const l of LOCALES) {
        expect(item.summary[l].length, `${item.kind}/${item.key} ${l}`).toBeLessThanOrEqual(200);
        expect(item.body[l], `${item.kind}/${item.key} ${l}`).not.toMatch(/^# /m);
      }
  });

  it("guides marked as questions and answers have a question in every section, in both languages", () => {
    for (const g of of("guide").filter((g) => g.data.faq))
      for (const l of LOCALES) {
        const sections = renderMarkdown(g.body[l]).sections;
        expect(sections.length, g.key).toBeGreaterThan(2);
        for (const s of sections) expect(s.heading, `${g.key} ${l}`).toMatch(/\?$/);
      }
  });

  it("English and Spanish texts of a guide have the same sections", () => {
    for (const g of of("guide")) expect(renderMarkdown(g.body.es).sections.length, g.key).toBe(renderMarkdown(g.body.en).sections.length);
  });

  it("every link to the site leads to a page that exists, in the text's own language", () => {
    for (const l of LOCALES) {
      const paths = sitePaths(l);
      for (const item of ITEMS) {
        const bodies = [item.body[l]];
        if (item.kind === "initiative") {
          const d = item.data as ContentData["initiative"];
          bodies.push(d.problem[l], d.solution[l], d.enablers[l]);
        }
        for (const link of bodies.flatMap(siteLinks)) expect(paths, `${item.kind}/${item.key} (${l}) links to ${link}`).toContain(link.split("#")[0]!.replace(/\/$/, ""));
      }
    }
  });

  it("related ports and guides exist", () => {
    const guides = new Set(of("guide").map((g) => g.key));
    for (const p of of("port")) for (const g of p.data.guides) expect(guides, `ports/${p.key}`).toContain(g);
  });

  it("each kind of meeting alternates between San Diego and Tijuana, with the right UTC offset", () => {
    const meetings = of("meeting").sort((a, b) => Date.parse(a.data.starts) - Date.parse(b.data.starts));
    for (const type of ["stakeholder", "member"]) {
      const ofType = meetings.filter((m) => m.data.type === type);
      for (let i = 1; i < ofType.length; i++) expect(ofType[i]!.data.city, ofType[i]!.key).not.toBe(ofType[i - 1]!.data.city);
    }
    for (const m of meetings) {
      // Pacific time: -08:00 in winter, -07:00 in summer; the offset must match the date.
      const offset = m.data.starts.slice(-6);
      const pacific = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", timeZoneName: "longOffset" }).formatToParts(Date.parse(m.data.starts)).find((p) => p.type === "timeZoneName")!.value;
      expect(pacific, m.key).toBe(`GMT${offset}`);
    }
  });

  it("spells every English word correctly (hunspell en_US)", () => {
    expect(misspelled("en_US", ITEMS.flatMap((i) => texts(i, "en")))).toEqual([]);
  });

  it("spells every Spanish word correctly (hunspell es_MX)", () => {
    expect(misspelled("es_MX", ITEMS.flatMap((i) => texts(i, "es")))).toEqual([]);
  });
});
