/**
 * Reads the content files shipped in the repository (content/README.md describes them) into
 * items the store can write. Every item is checked against the content model here, so a
 * missing translation stops the seed with the file and field named.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { bilingual, itemInput, type ContentKind, type ItemInput } from "@/lib/content/model";
import type { Locale } from "@/lib/i18n/routing";

export const KIND_FOLDERS: Record<ContentKind, string> = {
  guide: "guides",
  port: "ports",
  initiative: "initiatives",
  meeting: "meetings",
  announcement: "announcements",
  page: "pages",
};

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export interface LanguageFile {
  fields: Record<string, unknown>;
  body: string;
}

export function parseLanguageFile(text: string, where: string): LanguageFile {
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new Error(`${where}: no YAML front matter (--- … ---) at the top`);
  const fields: unknown = parseYaml(m[1] ?? "");
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new Error(`${where}: the front matter is not a map of fields`);
  return { fields: fields as Record<string, unknown>, body: (m[2] ?? "").trim() };
}

const metaCommon = z.object({ status: z.enum(["draft", "published"]).default("published") }).passthrough();
const bilingualPair = (en: unknown, es: unknown) => ({ en, es });
const label = z.object({ en: z.string(), es: z.string() }).passthrough();

/** Builds the model's item from one folder's three files (pure, for tests). */
export function itemFromFiles(kind: ContentKind, key: string, metaYaml: string, en: LanguageFile, es: LanguageFile): ItemInput {
  const meta = metaCommon.parse(parseYaml(metaYaml) ?? {});
  const { status, ...shared } = meta;
  const lang = { en: en.fields, es: es.fields };
  const field = (name: string) => bilingualPair(lang.en[name], lang.es[name]);
  const sources = { sources: field("sources") };
  let data: unknown;
  switch (kind) {
    case "guide":
    case "port":
      data = { ...shared, ...sources };
      break;
    case "initiative": {
      const timeline = z.array(label.extend({ date: z.union([z.string(), z.number()]) })).parse(shared.timeline ?? []);
      data = {
        ...shared,
        timeline: timeline.map(({ date, en: te, es: ts, ...rest }) => ({ date: String(date), text: { en: te, es: ts }, ...rest })),
        problem: field("problem"),
        solution: field("solution"),
        enablers: field("enablers"),
        ...sources,
      };
      break;
    }
    case "meeting": {
      const materials = z.array(label.extend({ url: z.string() })).parse(shared.materials ?? []);
      data = { ...shared, materials: materials.map(({ url, en: le, es: ls }) => ({ url, label: { en: le, es: ls } })) };
      break;
    }
    case "announcement":
      data = { ...shared, ...(lang.en.sources || lang.es.sources ? sources : {}) };
      break;
    case "page":
      data = shared;
      break;
  }
  // Ports keep their registry slug; meetings, announcements and pages are addressed by key.
  const slugged = kind === "guide" || kind === "initiative";
  const slug = slugged ? field("slug") : { en: key, es: key };
  return itemInput.parse({
    kind,
    key,
    status,
    slug,
    title: bilingual.parse(field("title")),
    summary: bilingual.parse(field("summary")),
    body: { en: en.body, es: es.body },
    data,
  });
}

/** Every item under `dir`, in a stable order; throws naming the folder of the first bad one. */
export function readSeedFiles(dir: string): ItemInput[] {
  // A missing folder would quietly give a site without guides or pages: say so instead.
  if (!existsSync(dir)) throw new Error(`No content folder at ${dir}: run from the repository, or set CONTENT_DIR`);
  const items: ItemInput[] = [];
  for (const [kind, folder] of Object.entries(KIND_FOLDERS) as [ContentKind, string][]) {
    const base = path.join(dir, folder);
    if (!existsSync(base)) continue;
    for (const key of readdirSync(base).sort()) {
      const itemDir = path.join(base, key);
      const read = (name: string) => readFileSync(path.join(itemDir, name), "utf8");
      const where = path.relative(dir, itemDir);
      try {
        const files = Object.fromEntries((["en", "es"] as Locale[]).map((l) => [l, parseLanguageFile(read(`${l}.md`), `${where}/${l}.md`)])) as Record<Locale, LanguageFile>;
        items.push(itemFromFiles(kind, key, read("meta.yaml"), files.en, files.es));
      } catch (error) {
        const detail = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
        throw new Error(`content/${where}: ${detail}`);
      }
    }
  }
  return items;
}

/** Identifies a seed version of an item: the store refreshes a seeded row when this changes. */
export const seedHash = (item: ItemInput): string => createHash("sha256").update(JSON.stringify(item)).digest("hex").slice(0, 32);
