/**
 * GET /api/v1/alerts: query and response shapes (same envelope and errors as API v1). The
 * OpenAPI document reuses these.
 */
import { z } from "zod";
import { BilingualName } from "@/lib/api/v1-schema";
import { Severity, StatusEventKind } from "@/lib/alerts/model";
import { LANE_TYPES, MODES } from "@/lib/ports";

export const ALERTS_DEFAULT_LIMIT = 50;
export const ALERTS_MAX_LIMIT = 100;

/** Query parameters (each at most once; any other key is a 400). */
export const AlertsQuery = z.object({
  /** Only items for this port: its own plus those for every port. Unknown slug: 404. */
  port: z.string().max(64).optional().meta({ description: "Only items for this port (its own and those for every port).", example: "san-ysidro" }),
  kind: z
    .enum(["alert", "status", "all"], { error: "expected one of alert, status, all" })
    .default("all")
    .meta({ description: "alert: notices from coalition staff; status: changes detected in CBP's data; all (default)." }),
  /** Only items that appeared strictly after this instant. */
  since: z.iso
    .datetime({ offset: true, error: "expected an ISO 8601 date-time such as 2026-01-15T18:00:00Z" })
    .optional()
    .meta({
      description:
        "Only items dated strictly after this instant. Items are dated when things happened (a data_stale event at the moment the data went stale, " +
        "recorded a poll or two later), and a page holds the newest `limit` items: to catch up, ask from a few minutes before the newest item you have and skip the ids you already know.",
      example: "2026-12-01T00:00:00Z",
    }),
  limit: z.coerce
    .number({ error: "expected a whole number" })
    .int("expected a whole number")
    .min(1, `expected 1 to ${ALERTS_MAX_LIMIT}`)
    .max(ALERTS_MAX_LIMIT, `expected 1 to ${ALERTS_MAX_LIMIT}`)
    .default(ALERTS_DEFAULT_LIMIT)
    .meta({ description: `Most items to return, newest first (default ${ALERTS_DEFAULT_LIMIT}).` }),
});
export type AlertsQuery = z.infer<typeof AlertsQuery>;

const common = {
  /** `alert-<n>` or `status-<n>`; stable. */
  id: z.string().regex(/^(alert|status)-\d+$/),
  severity: Severity,
  /** Port slugs the item concerns; empty means every port. */
  ports: z.array(z.string()),
  title: BilingualName,
  body: BilingualName,
  /** When the item appeared: an alert's start (or publication, if later), an event's detection. */
  at: z.iso.datetime(),
};

export const AlertItem = z.object({
  ...common,
  kind: z.literal("alert"),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  /** False once endsAt has passed (ended notices stay listed for 7 days). */
  active: z.boolean(),
  updatedAt: z.iso.datetime(),
});

export const StatusItem = z.object({
  ...common,
  kind: z.literal("status"),
  event: z.object({
    type: StatusEventKind,
    cbpPortNumber: z.string().nullable(),
    crossingName: BilingualName.nullable(),
    mode: z.enum(MODES).nullable(),
    laneType: z.enum(LANE_TYPES).nullable(),
    /** lane_reopened: the wait and open lanes CBP gave with the reopening. */
    delayMinutes: z.int().min(0).nullable(),
    lanesOpen: z.int().min(0).nullable(),
    /** data_stale and data_recovered: our last successful poll before the outage. */
    lastSuccessAt: z.iso.datetime().nullable(),
  }),
});

export const AlertsItem = z.discriminatedUnion("kind", [AlertItem, StatusItem]);
export type AlertsItem = z.infer<typeof AlertsItem>;

export const AlertsResponse = z.object({
  data: z.array(AlertsItem),
  meta: z.object({
    source: z.literal("smart-border"),
    generatedAt: z.iso.datetime(),
    count: z.int().min(0),
  }),
});
export type AlertsResponse = z.infer<typeof AlertsResponse>;
