/**
 * API v1 response shapes (architecture.md, binding). Handlers, tests and the client widgets use these.
 */
import { z } from "zod";
import { LANE_TYPES, MODES } from "@/lib/ports";
import { CrossingStatus, Lane } from "@/lib/waits/model";

/** `?mode&type` of /ports and /ports/{slug}: lanes of that kind only. */
export const PortsQuery = z.strictObject({
  mode: z.enum(MODES).optional().meta({ description: "Only lanes of this mode: cars, people on foot, or trucks." }),
  type: z.enum(LANE_TYPES).optional().meta({ description: "Only lanes of this type: general (standard), Ready Lane, SENTRI or FAST." }),
});

export const BilingualName = z.object({ en: z.string(), es: z.string() });

export const ApiCrossing = z.object({
  cbpPortNumber: z.string(),
  name: BilingualName,
  hours: z.string(),
  status: CrossingStatus,
  notice: z.string().nullable(),
  lanes: z.array(Lane),
  /** Extra to the contract: CBP's data is always northbound (into the U.S.). */
  direction: z.enum(["northbound", "southbound"]),
  /** Extra to the contract: when we last received this crossing from CBP (UTC). */
  fetchedAt: z.iso.datetime(),
});
export type ApiCrossing = z.infer<typeof ApiCrossing>;

export const ApiPort = z.object({
  slug: z.string(),
  name: BilingualName,
  status: z.enum(["open", "closed", "planned"]),
  timeZone: z.string(),
  crossings: z.array(ApiCrossing),
});
export type ApiPort = z.infer<typeof ApiPort>;

export const ApiMeta = z.object({
  source: z.literal("cbp-bwt"),
  fetchedAt: z.iso.datetime().nullable(),
  stale: z.boolean(),
  staleSeconds: z.int().min(0),
});
export type ApiMeta = z.infer<typeof ApiMeta>;

export const PortsResponse = z.object({ data: z.array(ApiPort), meta: ApiMeta });
export type PortsResponse = z.infer<typeof PortsResponse>;

export const PortResponse = z.object({ data: ApiPort, meta: ApiMeta });
export type PortResponse = z.infer<typeof PortResponse>;

export const ApiErrorCode = z.enum(["not_found", "bad_request", "unavailable", "rate_limited"]);
export const ApiError = z.object({ error: z.object({ code: ApiErrorCode, message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

/** GET /api/health: for monitors (the site stays up when CBP is down, so they must read `data`). */
export const HealthResponse = z.object({
  status: z.literal("ok"),
  data: z.object({
    hasData: z.boolean(),
    fetchedAt: z.iso.datetime().nullable(),
    ageSeconds: z.int().min(0).nullable(),
    stale: z.boolean(),
    staleAfterSeconds: z.int().min(1),
    /** CBP's own timestamp of the feed we last stored. */
    feedGeneratedAt: z.iso.datetime().nullable(),
    /** CBP keeps serving a feed it no longer regenerates. */
    feedFrozen: z.boolean(),
  }),
  poller: z.object({
    lastAttemptAt: z.iso.datetime().nullable(),
    lastErrorCode: z.string().nullable(),
    consecutiveFailures: z.int().min(0),
    breaker: z.string(),
  }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
