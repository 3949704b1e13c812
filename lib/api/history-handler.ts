/**
 * GET /api/v1/ports/{slug}/history, /typical and /forecast. Web Request/Response, like the
 * ports handlers; the database is read, CBP never.
 */
import "server-only";
import { z } from "zod";
import { apiError } from "@/lib/api/http";
import { fail, readQuery, respond, type Result } from "@/lib/api/query";
import { DEFAULT_LIMIT, HistoryQuery, LaneQuery, MAX_RANGE_DAYS, type ForecastResponse, type HistoryResponse, type TypicalResponse } from "@/lib/api/history-schema";
import { getDb, type Db } from "@/lib/db/client";
import { parseDateArg, YEARS } from "@/lib/history/dates";
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

const SLUG = /^[a-z0-9-]{1,64}$/;

function findPort(slug: string): Result<PortDef> {
  const port = SLUG.test(slug) ? getPort(slug) : undefined;
  return port ? { ok: true, value: port } : { ok: false, response: apiError("not_found", `No port has the slug '${slug.slice(0, 64)}'. See /api/v1/ports for the list.`) };
}

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
  const q = readQuery(url, HistoryQuery);
  if (!q.ok) return q.response;
  const { crossing, mode, type, limit = DEFAULT_LIMIT } = q.value;
  const zone = port.value.timeZone;
  const now = Math.floor(source.now() / 1000);

  const to = q.value.to === undefined ? now : parseDateArg(q.value.to, zone, { endOfDay: true });
  if (to === null) return fail(`Invalid value for 'to': expected a real day as YYYY-MM-DD or an ISO 8601 date-time with an offset (encode + as %2B), years ${YEARS.first}–${YEARS.last}.`).response;
  // Without `from`: the day named by a date `to` (23 or 25 hours on DST days), else the 24 hours before `to`.
  const from =
    q.value.from !== undefined ? parseDateArg(q.value.from, zone) : q.value.to !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(q.value.to) ? parseDateArg(q.value.to, zone) : to - DAY_S;
  if (from === null) return fail(`Invalid value for 'from': expected a real day as YYYY-MM-DD or an ISO 8601 date-time with an offset (encode + as %2B), years ${YEARS.first}–${YEARS.last}.`).response;
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
  const q = readQuery(new URL(request.url), LaneQuery);
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
  const q = readQuery(new URL(request.url), LaneQuery);
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
