/**
 * API v1 response shapes (architecture.md, binding). Handlers, tests and the client widgets use these.
 */
import { z } from "zod";
import { CrossingStatus, Lane } from "@/lib/waits/model";

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
