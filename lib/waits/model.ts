/**
 * The normalized wait-time model shared by the poller, the store, the API and the pages.
 * It is the API v1 lane/crossing shape (architecture.md) minus the registry's names.
 */
import { z } from "zod";
import { LANE_TYPES, MODES } from "@/lib/ports";

export const LaneStatus = z.enum(["open", "closed", "pending"]);
export type LaneStatus = z.infer<typeof LaneStatus>;

export const Lane = z
  .object({
    mode: z.enum(MODES),
    type: z.enum(LANE_TYPES),
    status: LaneStatus,
    delayMinutes: z.int().min(0).max(1440).nullable(),
    lanesOpen: z.int().min(0).nullable(),
    maxLanes: z.int().min(0).nullable(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  // Minutes and lanes are numbers exactly when CBP gave a reading; never 0 for "no data".
  .refine((l) => (l.status === "open") === (l.delayMinutes !== null && l.lanesOpen !== null), {
    message: "delayMinutes and lanesOpen must be integers when open and null otherwise",
  });
export type Lane = z.infer<typeof Lane>;

export const CrossingStatus = z.enum(["open", "closed"]);

export const CrossingReading = z.object({
  cbpPortNumber: z.string(),
  hours: z.string(),
  status: CrossingStatus,
  notice: z.string().nullable(),
  lanes: z.array(Lane),
});
export type CrossingReading = z.infer<typeof CrossingReading>;

export const FeedSnapshot = z.object({
  /** When CBP generated the feed (UTC ISO), or null when the payload does not say. */
  generatedAt: z.iso.datetime().nullable(),
  crossings: z.array(CrossingReading),
});
export type FeedSnapshot = z.infer<typeof FeedSnapshot>;

/** Display and API order: the lanes most people use first. */
export const LANE_ORDER: readonly { mode: (typeof MODES)[number]; type: (typeof LANE_TYPES)[number] }[] = [
  { mode: "passenger", type: "standard" },
  { mode: "passenger", type: "ready" },
  { mode: "passenger", type: "sentri" },
  { mode: "pedestrian", type: "standard" },
  { mode: "pedestrian", type: "ready" },
  { mode: "commercial", type: "standard" },
  { mode: "commercial", type: "fast" },
];
