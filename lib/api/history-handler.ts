/**
 * GET /api/v1/ports/{slug}/history, /typical and /forecast. Web Request/Response, like the
 * ports handlers; the database is read, CBP never.
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { apiError, jsonResponse, notModified } from "@/lib/api/http";
import type { ForecastResponse, HistoryResponse, TypicalResponse } from "@/lib/api/history-schema";
import { getDb, type Db } from "@/lib/db/client";
import { parseDateArg } from "@/lib/history/dates";
import { TYPICAL_WEEKS } from "@/lib/history/forecast";
import { forecastContext, laneOutlook, laneTypicalWeek, portLanes } from "@/lib/history/outlook";
import { DAY_S, floorHour, HOUR_S, WEEK_S } from "@/lib/history/series";
import { historyPage, type HistoryCursor } from "@/lib/history/store";
import { getPort, LANE_TYPES, MODES, type PortDef } from "@/lib/ports";
import { offsetMinutesAt } from "@/lib/time/zone";

export interface HistorySource {
  db: Db;
  now: () => number;
}

const defaultSource = (): HistorySource => ({ db: getDb(), now: Date.now });

export const MAX_RANGE_DAYS = 31;
export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 2000;
const MAX_QUERY_LENGTH = 1024;
const SLUG = /^[a-z0-9-]{1,64}$/;

export type Result<T> = { ok: true; value: T } | { ok: false; response: Response };
export const fail = (message: string): { ok: false; response: Response } => ({ ok: false, response: apiError("bad_request", message) });

/** Query keys not listed are a 400 (never silently ignored), and so is a repeated key. */
export function readQuery<S extends z.ZodRawShape>(url: URL, shape: S): Result<z.infer<z.ZodObject<S>>> {
  if (url.search.length > MAX_QUERY_LENGTH) return fail("The query string is too long.");
  const entries = [...url.searchParams.entries()];
  const keys = entries.map(([k]) => k);
  if (new Set(keys).size !== keys.length) return fail("Each query parameter may appear only once.");
  const allowed = Object.keys(shape);
  const unknown = keys.find((k) => !allowed.includes(k));
  if (unknown !== undefined) return fail(`Unknown query parameter '${unknown}'; allowed: ${allowed.join(", ")}.`);
  const parsed = z.object(shape).safeParse(Object.fromEntries(entries));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`Invalid value for '${issue.path.join(".")}': ${issue.message}.`);
  }
  return { ok: true, value: parsed.data };
}

function findPort(slug: string): Result<PortDef> {
  const port = SLUG.test(slug) ? getPort(slug) : undefined;
  return port ? { ok: true, value: port } : { ok: false, response: apiError("not_found", `No port has the slug '${slug.slice(0, 64)}'. See /api/v1/ports for the list.`) };
}

/**
 * Weak ETag from the body (without `generatedAt`, which only says when it was built): these
 * answers change at most once per poll or hour.
 */
export function respond(request: Request, body: { meta: object }, cacheControl?: string): Response {
  const text = JSON.stringify(body);
  const stable = JSON.stringify({ ...body, meta: { ...body.meta, generatedAt: undefined } });
  const etag = `W/"${createHash("sha256").update(stable).digest("base64url").slice(0, 27)}"`;
  return notModified(request, etag, cacheControl) ?? jsonResponse(text, { etag, cacheControl });
}

const modeType = {
  mode: z.enum(MODES, { error: `expected one of ${MODES.join(", ")}` }).optional(),
  type: z.enum(LANE_TYPES, { error: `expected one of ${LANE_TYPES.join(", ")}` }).optional(),
};

const iso = (t: number) => new Date(t * 1000).toISOString();

const encodeCursor = (c: HistoryCursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
const CursorSchema = z.tuple([z.int().nonnegative(), z.string().regex(/^\d{6}$/), z.enum(MODES), z.enum(LANE_TYPES)]);
function decodeCursor(text: string): HistoryCursor | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function handleHistory(request: Request, slug: string, source: HistorySource = defaultSource()): Response {
  const port = findPort(slug);
  if (!port.ok) return port.response;
  const url = new URL(request.url);
  const q = readQuery(url, {
    ...modeType,
    crossing: z.string().regex(/^\d{6}$/, "expected a CBP port number such as 250401").optional(),
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
    limit: z.coerce.number({ error: "expected a whole number" }).int("expected a whole number").min(1, `expected 1 to ${MAX_LIMIT}`).max(MAX_LIMIT, `expected 1 to ${MAX_LIMIT}`).optional(),
    cursor: z.string().max(200).optional(),
  });
  if (!q.ok) return q.response;
  const { crossing, mode, type, limit = DEFAULT_LIMIT } = q.value;
  const zone = port.value.timeZone;
  const now = Math.floor(source.now() / 1000);

  const to = q.value.to === undefined ? now : parseDateArg(q.value.to, zone, { endOfDay: true });
  if (to === null) return fail("Invalid value for 'to': expected YYYY-MM-DD or an ISO 8601 date-time with an offset.").response;
  // Without `from`: the day named by a date `to` (23 or 25 hours on DST days), else the 24 hours before `to`.
  const from =
    q.value.from !== undefined ? parseDateArg(q.value.from, zone) : q.value.to !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(q.value.to) ? parseDateArg(q.value.to, zone) : to - DAY_S;
  if (from === null) return fail("Invalid value for 'from': expected YYYY-MM-DD or an ISO 8601 date-time with an offset.").response;
  if (from >= to) return fail("'from' must be before 'to'.").response;
  // Measured on the port's wall clock: 31 local days that span a fall-back change last 31 days and 1 hour.
  const wall = (t: number) => t + offsetMinutesAt(t * 1000, zone) * 60;
  if (wall(to) - wall(from) > MAX_RANGE_DAYS * DAY_S) return fail(`The range is longer than ${MAX_RANGE_DAYS} days; split it into several calls.`).response;

  const crossings = port.value.crossings.map((c) => c.cbpPortNumber);
  if (crossing !== undefined && !crossings.includes(crossing)) {
    return fail(`Crossing '${crossing}' is not part of ${slug}; its crossings are ${crossings.join(", ") || "none yet"}.`).response;
  }
  let cursor: HistoryCursor | undefined;
  if (q.value.cursor !== undefined) {
    const decoded = decodeCursor(q.value.cursor);
    if (!decoded) return fail("Invalid value for 'cursor': pass back meta.nextCursor unchanged.").response;
    cursor = decoded;
  }

  const page =
    crossings.length === 0
      ? { rows: [], more: false }
      : historyPage(source.db, { crossings: crossing ? [crossing] : crossings, mode, type, from, to, cursor, limit });
  const last = page.rows.at(-1);
  const nextCursor = page.more && last ? encodeCursor([last.observedAt, last.cbpPortNumber, last.mode, last.type]) : null;
  let next: string | null = null;
  if (nextCursor) {
    const n = new URL(url.pathname, "http://x");
    for (const [k, v] of Object.entries({ crossing, mode, type, from: iso(from), to: iso(to), limit: q.value.limit?.toString() })) if (v !== undefined) n.searchParams.set(k, v);
    n.searchParams.set("cursor", nextCursor);
    next = `${n.pathname}${n.search}`;
  }
  const body: HistoryResponse = {
    data: page.rows.map((r) => ({
      cbpPortNumber: r.cbpPortNumber,
      mode: r.mode,
      type: r.type,
      updatedAt: r.updatedAt,
      status: r.status,
      delayMinutes: r.delayMinutes,
      lanesOpen: r.lanesOpen,
      maxLanes: r.maxLanes,
    })),
    meta: { source: "cbp-bwt", from: iso(from), to: iso(to), count: page.rows.length, nextCursor, next },
  };
  // A range that ended over an hour ago will not change any more.
  return respond(request, body, to < now - HOUR_S ? "public, max-age=86400" : undefined);
}

export function handleTypical(request: Request, slug: string, source: HistorySource = defaultSource()): Response {
  const port = findPort(slug);
  if (!port.ok) return port.response;
  const q = readQuery(new URL(request.url), modeType);
  if (!q.ok) return q.response;
  const now = Math.floor(source.now() / 1000);
  const body: TypicalResponse = {
    data: portLanes(port.value, q.value).map((lane) => ({
      cbpPortNumber: lane.cbpPortNumber,
      mode: lane.mode,
      type: lane.type,
      crossingName: lane.crossingName,
      hours: laneTypicalWeek(source.db, lane, port.value.timeZone, now).map((typical, b) => ({ weekday: Math.floor(b / 24), hour: b % 24, typical })),
    })),
    meta: { source: "cbp-bwt", timeZone: port.value.timeZone, weeks: TYPICAL_WEEKS, from: iso(floorHour(now) - TYPICAL_WEEKS * WEEK_S), to: iso(floorHour(now)) },
  };
  return respond(request, body, "public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400");
}

export function handleForecast(request: Request, slug: string, source: HistorySource = defaultSource()): Response {
  const port = findPort(slug);
  if (!port.ok) return port.response;
  const q = readQuery(new URL(request.url), modeType);
  if (!q.ok) return q.response;
  const nowMs = source.now();
  const now = Math.floor(nowMs / 1000);
  const ctx = forecastContext(source.db);
  const body: ForecastResponse = {
    data: portLanes(port.value, q.value).map((lane) => {
      const o = laneOutlook(source.db, lane, port.value.timeZone, now, ctx);
      return {
        cbpPortNumber: o.cbpPortNumber,
        mode: o.mode,
        type: o.type,
        crossingName: o.crossingName,
        current: o.current,
        hours: o.forecast,
        best: o.best,
      };
    }),
    meta: {
      source: "cbp-bwt",
      generatedAt: new Date(nowMs).toISOString(),
      timeZone: port.value.timeZone,
      accuracy: ctx.accuracy
        ? { from: iso(ctx.accuracy.from), to: iso(ctx.accuracy.to), computedAt: iso(ctx.accuracy.computedAt), kind: ctx.accuracy.label }
        : null,
    },
  };
  return respond(request, body);
}
