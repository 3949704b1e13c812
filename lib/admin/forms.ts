/**
 * What the admin's forms send, parsed and validated with zod (pure: the server actions and the
 * unit tests share them). Dates come in as Pacific wall-clock times, the only time staff think in.
 */
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "zod";
import { ALERT_STATUSES, AlertInput, SEVERITIES } from "@/lib/alerts/model";
import { CONTENT_KINDS, itemInput, type ContentItem, type ItemInput } from "@/lib/content/model";
import { SITE_TIME_ZONE, type Locale } from "@/lib/i18n/routing";
import { instantsForWallTime, formatWallTimeIso, offsetMinutesAt, wallTimeAt, wallTimeOfInput } from "@/lib/time/zone";

/** Field errors keyed by form field name; the value is a message key under Admin.fieldErrors. */
export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors; details?: string[] };

/** "2026-12-05T14:30" in Pacific time → epoch ms (the earlier instant in the repeated fall-back hour). Null if invalid or skipped. */
export function pacificToInstant(value: string): number | null {
  const wall = wallTimeOfInput(value);
  return wall ? (instantsForWallTime(wall, SITE_TIME_ZONE)[0] ?? null) : null;
}

/** Epoch ms → the value of a datetime-local input in Pacific time. */
export function instantToPacific(ms: number): string {
  return formatWallTimeIso(wallTimeAt(ms, SITE_TIME_ZONE), offsetMinutesAt(ms, SITE_TIME_ZONE)).slice(0, 16);
}

function fieldsOf(error: z.ZodError, rename: (path: PropertyKey[]) => string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = rename(issue.path);
    fields[name] ??= issue.code === "too_small" ? "required" : issue.code === "too_big" ? "tooLong" : "invalid";
  }
  return fields;
}

const str = (fd: FormData, name: string): string => {
  const v = fd.get(name);
  return typeof v === "string" ? v : "";
};

// ---- alerts ---------------------------------------------------------------------------------

const ALERT_FIELD: Record<string, string> = { titleEn: "title_en", titleEs: "title_es", bodyEn: "body_en", bodyEs: "body_es", startsAt: "starts", endsAt: "ends" };

export const AlertAction = z.enum(["draft", "publish"]);

export function parseAlertForm(fd: FormData): FormResult<z.output<typeof AlertInput>> {
  const fields: FieldErrors = {};
  const starts = pacificToInstant(str(fd, "starts"));
  if (starts === null) fields.starts = "invalid";
  const endsRaw = str(fd, "ends");
  const ends = endsRaw === "" ? null : pacificToInstant(endsRaw);
  if (endsRaw !== "" && ends === null) fields.ends = "invalid";
  const severity = z.enum(SEVERITIES).safeParse(str(fd, "severity"));
  if (!severity.success) fields.severity = "invalid";
  const action = AlertAction.safeParse(str(fd, "intent"));
  if (!action.success) fields.intent = "invalid";
  const status: (typeof ALERT_STATUSES)[number] = action.data === "publish" ? "published" : "draft";
  const parsed = AlertInput.safeParse({
    titleEn: str(fd, "title_en"),
    titleEs: str(fd, "title_es"),
    bodyEn: str(fd, "body_en"),
    bodyEs: str(fd, "body_es"),
    severity: severity.data ?? "info",
    ports: fd.getAll("ports").filter((p): p is string => typeof p === "string"),
    startsAt: starts ?? 0,
    endsAt: ends,
    status,
  });
  if (ends !== null && starts !== null && ends <= starts) fields.ends = "endsBeforeStart";
  if (!parsed.success) for (const [name, key] of Object.entries(fieldsOf(parsed.error, (path) => ALERT_FIELD[String(path[0])] ?? String(path[0])))) fields[name] ??= key;
  if (Object.keys(fields).length > 0 || !parsed.success) return { ok: false, fields };
  return { ok: true, value: parsed.data };
}

// ---- content --------------------------------------------------------------------------------

export const ContentKind = z.enum(CONTENT_KINDS);

/** The kind-specific fields as staff edit them: YAML, the same format as the content files. */
export function dataToYaml(data: unknown): string {
  return Object.keys(data as object).length === 0 ? "" : stringifyYaml(data, { lineWidth: 0 });
}

export function parseContentForm(fd: FormData, kind: z.infer<typeof ContentKind>, key: string): FormResult<ItemInput> {
  let data: unknown;
  const yaml = str(fd, "data");
  try {
    data = yaml.trim() === "" ? {} : parseYaml(yaml, { maxAliasCount: 0 });
  } catch {
    return { ok: false, fields: { data: "yaml" } };
  }
  const parsed = itemInput.safeParse({
    kind,
    key,
    status: str(fd, "intent") === "publish" ? "published" : "draft",
    slug: { en: str(fd, "slug_en"), es: str(fd, "slug_es") },
    title: { en: str(fd, "title_en"), es: str(fd, "title_es") },
    summary: { en: str(fd, "summary_en"), es: str(fd, "summary_es") },
    body: { en: str(fd, "body_en").replace(/\r\n?/g, "\n"), es: str(fd, "body_es").replace(/\r\n?/g, "\n") },
    data,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  // Which details are wrong, by their YAML path (the names staff see in the field); the page says what is wrong in their language.
  const details = [...new Set(parsed.error.issues.filter((i) => i.path[0] === "data").map((i) => i.path.slice(1).join(".") || "data"))];
  const fields = fieldsOf(parsed.error, (path) => (path.length >= 2 && path[0] !== "data" ? `${String(path[0])}_${String(path[1])}` : String(path[0])));
  // "Both languages need a body" names no language: show it under both.
  if (fields.body) {
    fields.body_en ??= "required";
    fields.body_es ??= "required";
    delete fields.body;
  }
  return { ok: false, fields, details };
}

/** Every text of one language inside the kind-specific details (any { en, es } pair, at any depth). */
export function detailsText(data: unknown, locale: Locale): string {
  const out: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if ("en" in o && "es" in o) out.push(o[locale]);
      else Object.values(o).forEach(walk);
    }
  };
  walk(data);
  return JSON.stringify(out);
}

type Bilingual = Pick<ItemInput, "title" | "summary" | "body" | "slug"> & { data?: unknown };

/**
 * Which languages an edit touched: the bilingual fields and the texts inside the details, compared
 * with the version the public last saw (null when it never saw one: then both count as new).
 */
export function languagesChanged(before: Bilingual | null, after: Bilingual): Locale[] {
  if (!before) return ["en", "es"];
  return (["en", "es"] as const).filter(
    (l) => (["title", "summary", "body", "slug"] as const).some((f) => before[f][l] !== after[f][l]) || detailsText(before.data, l) !== detailsText(after.data, l),
  );
}

export function alertLanguagesChanged(before: z.output<typeof AlertInput> | null, after: z.output<typeof AlertInput>): Locale[] {
  if (!before) return ["en", "es"];
  const none = { en: "", es: "" };
  return languagesChanged(
    { title: { en: before.titleEn, es: before.titleEs }, body: { en: before.bodyEn, es: before.bodyEs }, summary: none, slug: none },
    { title: { en: after.titleEn, es: after.titleEs }, body: { en: after.bodyEn, es: after.bodyEs }, summary: none, slug: none },
  );
}

export function itemFormDefaults(item: ContentItem): Record<"title_en" | "title_es" | "summary_en" | "summary_es" | "slug_en" | "slug_es" | "body_en" | "body_es" | "data", string> {
  return {
    title_en: item.title.en,
    title_es: item.title.es,
    summary_en: item.summary.en,
    summary_es: item.summary.es,
    slug_en: item.slug.en,
    slug_es: item.slug.es,
    body_en: item.body.en,
    body_es: item.body.es,
    data: dataToYaml(item.data),
  };
}
