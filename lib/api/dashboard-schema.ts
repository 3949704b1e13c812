/**
 * GET /api/v1/dashboard: its query and the JSON shape (the CSV columns are listed in the handler).
 * The handler's body is typed from this schema, so the OpenAPI document cannot drift from it.
 */
import { z } from "zod";
import { SpreadOut } from "@/lib/api/history-schema";
import { BilingualName } from "@/lib/api/v1-schema";
import { LANE_TYPES, MODES } from "@/lib/ports";

export const DashboardQuery = z.strictObject({
  format: z.enum(["json", "csv"]).optional().meta({ description: "json (default) or csv." }),
  series: z.literal("week").optional().meta({ description: "With format=csv: the 7-day hourly series instead of one row per lane." }),
});

const Offset = { offset: true } as const;

export const DashboardLaneOut = z.object({
  cbpPortNumber: z.string(),
  crossingName: BilingualName,
  mode: z.enum(MODES),
  type: z.enum(LANE_TYPES),
  /** `unreported`: the lane exists at this crossing but CBP's last feed did not list it. */
  status: z.enum(["open", "closed", "pending", "unreported"]),
  wait: z.int().min(0).nullable(),
  updatedAt: z.iso.datetime(Offset).nullable(),
  /** The reading is older than 3 hours: shown, but not compared with typical. */
  old: z.boolean(),
  lanesOpen: z.int().min(0).nullable(),
  maxLanes: z.int().min(0).nullable(),
  typical: SpreadOut.nullable(),
  /** No typical value because CBP never reported the lane open at this hour in the window (closed, or not reporting), not for want of history. */
  noOpenReadings: z.boolean(),
  vsTypical: z.enum(["above", "below", "normal"]).nullable(),
  trend: z.enum(["rising", "falling", "steady"]).nullable(),
  /** Hourly open waits from 6 hours ago to now (7 values), oldest first. */
  recent: z.array(z.int().min(0).nullable()),
  /** The last 7 days, hour by hour, with the typical range of each hour. */
  week: z.array(z.object({ at: z.iso.datetime(Offset), wait: z.int().min(0).nullable(), typical: SpreadOut.nullable() })),
});

const LaneAt = z.object({ slug: z.string(), lane: DashboardLaneOut });

export const DashboardOut = z.object({
  generatedAt: z.iso.datetime(),
  fetchedAt: z.iso.datetime().nullable(),
  stale: z.boolean(),
  ports: z.array(
    z.object({
      slug: z.string(),
      name: BilingualName,
      timeZone: z.string(),
      lanes: z.array(DashboardLaneOut),
      staffing: z.array(z.object({ cbpPortNumber: z.string(), mode: z.enum(MODES), open: z.int().min(0), max: z.int().min(0) })),
      maxLanesAll: z.int().min(0),
    }),
  ),
  headline: z.object({
    portsAboveTypical: z.int().min(0),
    portsCompared: z.int().min(0),
    lanesOpen: z.int().min(0),
    lanesMax: z.int().min(0),
    lanesMaxAll: z.int().min(0),
    longest: LaneAt.nullable(),
    shortest: LaneAt.nullable(),
  }),
});

export const DashboardResponse = z.object({ data: DashboardOut });
export type DashboardResponse = z.infer<typeof DashboardResponse>;
