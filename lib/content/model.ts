/**
 * The content model: what every kind of item holds, as zod schemas. The seed files, the database
 * rows and the staff editor all go through these, so an item missing a language never
 * reaches a page.
 */
import { z } from "zod";
import { PORTS } from "@/lib/ports";
import { CALENDAR_FILE } from "@/lib/content/paths";

/** Free-standing pages that have a route of their own (app/[locale]/about). */
export const PAGE_KEYS = ["about"] as const;

export const CONTENT_KINDS = ["guide", "port", "initiative", "meeting", "announcement", "page"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const CONTENT_STATUSES = ["draft", "published"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

const text = z.string().trim().min(1);
export const bilingual = z.object({ en: text, es: text }).strict();
export type BilingualText = z.infer<typeof bilingual>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
/** Timelines sometimes know only the month or the year of an event. */
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD");
const dateTimeWithOffset = z.iso.datetime({ offset: true });

/** Links a reader may follow: http(s) only (sources and materials are web pages). */
export const webUrl = z.url({ protocol: /^https?$/ });
const portSlug = z.enum(PORTS.map((p) => p.slug) as [string, ...string[]]);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens");

export const source = z.object({ label: text, url: webUrl }).strict();
export type Source = z.infer<typeof source>;
const sources = z.object({ en: z.array(source).min(1), es: z.array(source).min(1) }).strict();

export const PROGRAMS = ["general", "ready-lane", "sentri", "pedestrian-ready", "fast", "medical-lane"] as const;
export type Program = (typeof PROGRAMS)[number];
export const GUIDE_DIRECTIONS = ["northbound", "southbound", "both"] as const;
export const MEETING_TYPES = ["stakeholder", "member"] as const;
export const MEETING_CITIES = ["san-diego", "tijuana"] as const;

/** Kind-specific fields of each item (the `data` column). */
export const DATA_SCHEMAS = {
  guide: z
    .object({
      order: z.number().int().nonnegative(),
      verified: isoDate,
      direction: z.enum(GUIDE_DIRECTIONS),
      ports: z.array(portSlug),
      faq: z.boolean(),
      sources,
    })
    .strict(),
  port: z
    .object({
      verified: isoDate,
      facilities: z.array(z.object({ name: bilingual, hours: bilingual, verified: isoDate, source: webUrl }).strict()).min(1),
      programs: z.array(z.enum(PROGRAMS)),
      guides: z.array(slug),
      sources,
    })
    .strict(),
  initiative: z
    .object({
      order: z.number().int().nonnegative(),
      ports: z.array(portSlug),
      problem: bilingual,
      solution: bilingual,
      enablers: bilingual,
      timeline: z.array(z.object({ date: partialDate, text: bilingual, source: webUrl.optional() }).strict()).min(1),
      sources,
    })
    .strict(),
  meeting: z
    .object({
      type: z.enum(MEETING_TYPES),
      starts: dateTimeWithOffset,
      ends: dateTimeWithOffset,
      city: z.enum(MEETING_CITIES),
      venue: z.object({ name: text, address: text }).strict(),
      materials: z.array(z.object({ url: webUrl, label: bilingual }).strict()),
    })
    .strict()
    .refine((m) => Date.parse(m.ends) > Date.parse(m.starts), "a meeting ends after it starts"),
  announcement: z.object({ date: isoDate, ports: z.array(portSlug), sources: sources.optional() }).strict(),
  page: z.object({}).strict(),
} satisfies Record<ContentKind, z.ZodType>;

export type ContentData = { [K in ContentKind]: z.infer<(typeof DATA_SCHEMAS)[K]> };

/** An item as the store writes it: everything but the bookkeeping columns. */
export const itemInput = z
  .object({
    kind: z.enum(CONTENT_KINDS),
    key: slug,
    status: z.enum(CONTENT_STATUSES),
    slug: z.object({ en: slug, es: slug }).strict(),
    title: bilingual,
    summary: bilingual,
    body: z.object({ en: z.string(), es: z.string() }).strict(),
    data: z.unknown(),
  })
  .strict()
  .superRefine((item, ctx) => {
    const parsed = DATA_SCHEMAS[item.kind].safeParse(item.data);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ["data", ...issue.path] } as never);
    // A body may be empty only when the kind keeps its text elsewhere (initiatives' sections).
    if (item.kind !== "initiative" && (!item.body.en.trim() || !item.body.es.trim()))
      ctx.addIssue({ code: "custom", path: ["body"], message: "both languages need a body" });
    if (item.kind === "initiative" && !item.body.en.trim() !== !item.body.es.trim())
      ctx.addIssue({ code: "custom", path: ["body"], message: "a background in one language needs one in the other" });
    if (item.kind === "initiative" && parsed.success) {
      const dates = (parsed.data as { timeline: { date: string }[] }).timeline.map((e) => e.date);
      // Pages show the last entry as the latest news; ISO dates of any precision sort as text.
      if (dates.some((d, i) => i > 0 && d < dates[i - 1]!)) ctx.addIssue({ code: "custom", path: ["data", "timeline"], message: "oldest first" });
    }
    // Their addresses: /meetings/{key}.ics beside /meetings/calendar.ics, and /{key} for pages.
    if (item.kind === "meeting" && item.key === CALENDAR_FILE) ctx.addIssue({ code: "custom", path: ["key"], message: `"${CALENDAR_FILE}" is the whole calendar's file name` });
    if (item.kind === "page" && !(PAGE_KEYS as readonly string[]).includes(item.key)) ctx.addIssue({ code: "custom", path: ["key"], message: `pages with a route: ${PAGE_KEYS.join(", ")}` });
  });
export type ItemInput = z.infer<typeof itemInput>;

export interface ContentItem<K extends ContentKind = ContentKind> {
  id: number;
  kind: K;
  key: string;
  status: ContentStatus;
  slug: BilingualText;
  title: BilingualText;
  summary: BilingualText;
  body: { en: string; es: string };
  data: ContentData[K];
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
  revision: number;
  origin: "seed" | "staff";
}

/** The order lists are shown in; guides and initiatives by their order, the rest by date. */
export function sortKeyOf(kind: ContentKind, data: unknown): string {
  switch (kind) {
    case "guide":
    case "initiative":
      return String((data as { order: number }).order).padStart(6, "0");
    case "meeting":
      return new Date((data as { starts: string }).starts).toISOString();
    case "announcement":
      return (data as { date: string }).date;
    default:
      return "";
  }
}
