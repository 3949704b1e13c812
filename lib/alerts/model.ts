/**
 * Alerts (staff notices) and status events (changes the poller detects): the shapes shared by the
 * store, the API and the feeds. Input from staff (the CLI today, the admin later) is validated here.
 */
import { z } from "zod";
import { getPort, LANE_TYPES, MODES } from "@/lib/ports";

export const SEVERITIES = ["info", "warning", "critical"] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const ALERT_STATUSES = ["draft", "published"] as const;
export const AlertStatus = z.enum(ALERT_STATUSES);

export const STATUS_EVENT_KINDS = ["crossing_closed", "crossing_reopened", "lane_closed", "lane_reopened", "data_stale", "data_recovered"] as const;
export const StatusEventKind = z.enum(STATUS_EVENT_KINDS);
export type StatusEventKind = z.infer<typeof StatusEventKind>;

/** Feed readers keep an item's text as published; a week is enough for them to see that a notice ended. */
export const KEEP_ENDED_MS = 7 * 24 * 3600 * 1000;
/** Status events older than this are pruned by the poller (D5: nothing grows without bound). */
export const EVENT_RETENTION_MS = 90 * 24 * 3600 * 1000;

// C0 controls other than tab and newline are invalid in XML 1.0 and have no place in a notice.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "must not be empty").max(max, `at most ${max} characters`).refine((s) => !CONTROL.test(s), "contains control characters"));

export const PortSlug = z.string().refine((s) => getPort(s) !== undefined, { message: "unknown port slug" });

export const AlertInput = z
  .object({
    titleEn: text(200),
    titleEs: text(200),
    /** Plain text or Markdown source; shown as text (paragraphs kept), never as raw HTML. */
    bodyEn: text(5000),
    bodyEs: text(5000),
    severity: Severity.default("info"),
    /** Empty: every port. */
    ports: z.array(PortSlug).max(20).default([]).transform((p) => [...new Set(p)].sort()),
    startsAt: z.int().nonnegative(),
    endsAt: z.int().nonnegative().nullable().default(null),
    status: AlertStatus.default("draft"),
  })
  .refine((a) => a.endsAt === null || a.endsAt > a.startsAt, { message: "endsAt must be after startsAt", path: ["endsAt"] });
export type AlertInput = z.input<typeof AlertInput>;

export interface Alert {
  id: number;
  title: { en: string; es: string };
  body: { en: string; es: string };
  severity: Severity;
  ports: string[];
  startsAt: number;
  endsAt: number | null;
  status: z.infer<typeof AlertStatus>;
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
  revision: number;
}

/** A change detected by the poller, before it is stored. */
export interface DetectedEvent {
  kind: StatusEventKind;
  at: number;
  portSlug: string | null;
  cbpPortNumber: string | null;
  mode: (typeof MODES)[number] | null;
  type: (typeof LANE_TYPES)[number] | null;
  delayMinutes: number | null;
  lanesOpen: number | null;
  lastSuccessAt: number | null;
}

export interface StatusEvent extends DetectedEvent {
  id: number;
}

export const StatusEventRow = z.object({
  id: z.int(),
  kind: StatusEventKind,
  port_slug: z.string().nullable(),
  cbp_port_number: z.string().nullable(),
  mode: z.enum(MODES).nullable(),
  type: z.enum(LANE_TYPES).nullable(),
  at: z.int(),
  delay_minutes: z.int().nullable(),
  lanes_open: z.int().nullable(),
  last_success_at: z.int().nullable(),
});

export const SEVERITY_OF_EVENT: Record<StatusEventKind, Severity> = {
  crossing_closed: "warning",
  crossing_reopened: "info",
  lane_closed: "info",
  lane_reopened: "info",
  data_stale: "warning",
  data_recovered: "info",
};
