/**
 * Response shapes of the history, typical and forecast endpoints (same envelope as API v1).
 */
import { z } from "zod";
import { LANE_TYPES, MODES } from "@/lib/ports";
import { BilingualName } from "@/lib/api/v1-schema";
import { LaneStatus } from "@/lib/waits/model";

const Offset = { offset: true } as const;

export const MAX_RANGE_DAYS = 31;
export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 2000;

/** `?mode&type` of /typical and /forecast (and part of /history). */
export const LaneQuery = z.object({
  mode: z
    .enum(MODES, { error: `expected one of ${MODES.join(", ")}` })
    .optional()
    .meta({ description: "Only lanes of this mode: cars, people on foot, or trucks." }),
  type: z
    .enum(LANE_TYPES, { error: `expected one of ${LANE_TYPES.join(", ")}` })
    .optional()
    .meta({ description: "Only lanes of this type: general (standard), Ready Lane, SENTRI or FAST." }),
});

export const HistoryQuery = LaneQuery.extend({
  crossing: z
    .string()
    .regex(/^\d{6}$/, "expected a CBP port number such as 250401")
    .optional()
    .meta({ description: "Only this crossing of the port (CBP port number, e.g. 250407 for PedWest).", example: "250401" }),
  // Parsed further by the handler (lib/history/dates.ts), in the port's time zone.
  from: z
    .string()
    .max(40)
    .optional()
    .meta({ description: "Start: YYYY-MM-DD (port time zone) or an ISO 8601 date-time with an offset (encode + as %2B; a space there is read as +); years 1970–2999.", example: "2026-11-30" }),
  to: z.string().max(40).optional().meta({ description: "End (exclusive for date-times; a date includes that whole day), same forms as from. Default: now.", example: "2026-12-01" }),
  // Digits only: coercion would also take "1e3", "0x10" or "+5". Documented as the integer it is.
  limit: z
    .string()
    .regex(/^\d+$/, "expected a whole number")
    .transform(Number)
    .pipe(z.int().min(1, `expected 1 to ${MAX_LIMIT}`).max(MAX_LIMIT, `expected 1 to ${MAX_LIMIT}`))
    .optional()
    .meta({ description: `Readings per page (default ${DEFAULT_LIMIT}).`, override: { type: "integer", minimum: 1, maximum: MAX_LIMIT } }),
  cursor: z.string().max(200).optional().meta({ description: "meta.nextCursor of the previous page, unchanged." }),
});

export const LaneIdentity = {
  cbpPortNumber: z.string(),
  mode: z.enum(MODES),
  type: z.enum(LANE_TYPES),
};

export const HistoryReadingOut = z.object({
  ...LaneIdentity,
  /** CBP's reading time with the port's offset, as in /ports. */
  updatedAt: z.iso.datetime(Offset),
  status: LaneStatus,
  delayMinutes: z.int().nullable(),
  lanesOpen: z.int().nullable(),
  maxLanes: z.int().nullable(),
});

export const HistoryMeta = z.object({
  source: z.literal("cbp-bwt"),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  count: z.int().min(0),
  /** Pass as `cursor` (with the same other parameters) for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  next: z.string().nullable(),
});

export const HistoryResponse = z.object({ data: z.array(HistoryReadingOut), meta: HistoryMeta });
export type HistoryResponse = z.infer<typeof HistoryResponse>;

export const SpreadOut = z.object({ median: z.number(), p25: z.number(), p75: z.number(), n: z.int().min(1) });

export const TypicalHour = z.object({
  /** 0 = Sunday … 6 = Saturday, in the port's time zone. */
  weekday: z.int().min(0).max(6),
  hour: z.int().min(0).max(23),
  typical: SpreadOut.nullable(),
});

export const TypicalLane = z.object({ ...LaneIdentity, crossingName: BilingualName, hours: z.array(TypicalHour).length(168) });

export const TypicalResponse = z.object({
  data: z.array(TypicalLane),
  meta: z.object({ source: z.literal("cbp-bwt"), timeZone: z.string(), weeks: z.int().positive(), from: z.iso.datetime(), to: z.iso.datetime() }),
});
export type TypicalResponse = z.infer<typeof TypicalResponse>;

export const ForecastHour = z.object({
  at: z.iso.datetime(Offset),
  horizon: z.int().min(1).max(12),
  minutes: z.int().min(0),
  /**
   * blend: the current wait blended with the usual pattern; usual: the usual pattern alone (no
   * open reading now, or no usual value for the current hour); current: the current wait carried
   * forward (no history for that hour).
   */
  basis: z.enum(["blend", "usual", "current"]),
  typical: SpreadOut.nullable(),
  /** Mean absolute error (minutes) of the forecast at this horizon in the latest backtest; null for hours it did not measure. */
  expectedError: z.number().nullable(),
});

export const ForecastLane = z.object({
  ...LaneIdentity,
  crossingName: BilingualName,
  current: z.object({ wait: z.int().min(0), at: z.iso.datetime(Offset) }).nullable(),
  hours: z.array(ForecastHour),
  /** The hour with the shortest forecast among those resting on history; null when none does, or when an hour that only carries the current wait forward is shorter. */
  best: ForecastHour.nullable(),
});

export const ForecastResponse = z.object({
  data: z.array(ForecastLane),
  meta: z.object({
    source: z.literal("cbp-bwt"),
    generatedAt: z.iso.datetime(),
    timeZone: z.string(),
    accuracy: z
      .object({ from: z.iso.datetime(), to: z.iso.datetime(), computedAt: z.iso.datetime(), kind: z.enum(["recent", "published"]) })
      .nullable(),
  }),
});
export type ForecastResponse = z.infer<typeof ForecastResponse>;
