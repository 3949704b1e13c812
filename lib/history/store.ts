/**
 * SQL for the reading history and the forecast model. Parameterized statements only.
 */
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { REBUILD_LANE_HOURLY } from "@/lib/db/migrations";
import type { LaneType, Mode } from "@/lib/ports";
import { BacktestResultSchema, ForecastModelSchema, type BacktestResult, type ForecastModel } from "./schemas";
import { READING_LIFETIME_S, type HistoryReading, type ReadingStatus } from "./series";

export interface LaneId {
  cbpPortNumber: string;
  mode: Mode;
  type: LaneType;
}

export { laneKey } from "@/lib/ports";

interface ReadingRow {
  observed_at: number;
  status: string;
  delay_minutes: number | null;
  lanes_open: number | null;
  max_lanes: number | null;
}

const STATUSES = new Set<string>(["open", "closed", "pending"]);

// Rows are written only by our own store (after zod), and a year of 5-minute readings is too
// many to run through zod on every request; a cheap guard keeps an unexpected status out.
function toReading(r: ReadingRow): HistoryReading | null {
  if (!STATUSES.has(r.status)) return null;
  return { observedAt: r.observed_at, status: r.status as ReadingStatus, delayMinutes: r.delay_minutes, lanesOpen: r.lanes_open, maxLanes: r.max_lanes };
}

/**
 * One lane's readings taken in [from, to] (epoch seconds), plus the reading that was still in
 * effect at `from`, sorted by time. With `hourly`, only the last reading of each hour (the one
 * in effect at the next hour boundary, from lane_hourly) and those of the unfinished last hour:
 * all that hourly sampling needs, a twelfth of the rows when CBP updates every five minutes.
 */
export function loadLaneReadings(db: Db, lane: LaneId, from: number, to: number, opts: { hourly?: boolean } = {}): HistoryReading[] {
  const key = [lane.cbpPortNumber, lane.mode, lane.type] as const;
  const pk = "cbp_port_number = ? AND mode = ? AND type = ?";
  const columns = "observed_at, status, delay_minutes, lanes_open, max_lanes";
  let rows: ReadingRow[];
  if (opts.hourly) {
    // Hour groups whose boundary is at or before `to` hold only readings up to `to`.
    const lastBoundary = Math.floor(to / 3600) * 3600;
    rows = [
      ...(db.prepare(`SELECT ${columns} FROM lane_hourly WHERE ${pk} AND hour >= ? AND hour <= ? ORDER BY hour`).all(...key, from - READING_LIFETIME_S, lastBoundary) as ReadingRow[]),
      ...(db.prepare(`SELECT ${columns} FROM lane_reading WHERE ${pk} AND observed_at > ? AND observed_at <= ? ORDER BY observed_at`).all(...key, lastBoundary, to) as ReadingRow[]),
    ];
  } else {
    rows = db
      .prepare(`SELECT ${columns} FROM lane_reading WHERE ${pk} AND observed_at >= ? AND observed_at <= ? ORDER BY observed_at`)
      .all(...key, from - READING_LIFETIME_S, to) as ReadingRow[];
  }
  const out: HistoryReading[] = [];
  for (const r of rows) {
    const reading = toReading(r);
    if (reading) out.push(reading);
  }
  return out;
}

/** Rebuilds lane_hourly from lane_reading, for bulk loads that bypass the store. */
export function rebuildLaneHourly(db: Db): void {
  db.exec(REBUILD_LANE_HOURLY);
}

export function historyBounds(db: Db): { first: number; last: number } | null {
  const row = db.prepare("SELECT MIN(observed_at) AS first, MAX(observed_at) AS last FROM lane_reading").get() as { first: number | null; last: number | null };
  return row.first === null || row.last === null ? null : { first: row.first, last: row.last };
}

export interface HistoryRow {
  cbpPortNumber: string;
  mode: Mode;
  type: LaneType;
  observedAt: number;
  updatedAt: string;
  status: ReadingStatus;
  delayMinutes: number | null;
  lanesOpen: number | null;
  maxLanes: number | null;
}

/** Position after the last row of a page: rows sort by time, then crossing, mode and type. */
export type HistoryCursor = [observedAt: number, cbpPortNumber: string, mode: string, type: string];

/**
 * A page of raw readings of the given crossings in [from, to), optionally of one mode and type,
 * after `cursor`. Fetches one row more than `limit` to know whether another page exists.
 */
export function historyPage(
  db: Db,
  q: { crossings: readonly string[]; mode?: Mode; type?: LaneType; from: number; to: number; cursor?: HistoryCursor; limit: number },
): { rows: HistoryRow[]; more: boolean } {
  const where = [`cbp_port_number IN (${q.crossings.map(() => "?").join(", ")})`, "observed_at >= ?", "observed_at < ?"];
  const args: (string | number)[] = [...q.crossings, q.from, q.to];
  if (q.mode) {
    where.push("mode = ?");
    args.push(q.mode);
  }
  if (q.type) {
    where.push("type = ?");
    args.push(q.type);
  }
  if (q.cursor) {
    where.push("(observed_at, cbp_port_number, mode, type) > (?, ?, ?, ?)");
    args.push(...q.cursor);
  }
  const rows = db
    .prepare(
      `SELECT cbp_port_number AS cbpPortNumber, mode, type, observed_at AS observedAt, updated_at AS updatedAt,
              status, delay_minutes AS delayMinutes, lanes_open AS lanesOpen, max_lanes AS maxLanes
         FROM lane_reading WHERE ${where.join(" AND ")}
        ORDER BY observed_at, cbp_port_number, mode, type LIMIT ?`,
    )
    .all(...args, q.limit + 1) as HistoryRow[];
  const more = rows.length > q.limit;
  return { rows: more ? rows.slice(0, q.limit) : rows, more };
}

/** A damaged row reads as missing (and is refitted) instead of failing every page that asks. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface StoredModel {
  fittedAt: number;
  trainedUntil: number;
  model: ForecastModel;
}

export function readForecastModel(db: Db): StoredModel | null {
  const row = db.prepare("SELECT fitted_at, trained_until, model FROM forecast_model WHERE id = 1").get() as
    | { fitted_at: number; trained_until: number; model: string }
    | undefined;
  if (!row) return null;
  const model = ForecastModelSchema.safeParse(parseJson(row.model));
  return model.success ? { fittedAt: row.fitted_at, trainedUntil: row.trained_until, model: model.data } : null;
}

export function saveForecastModel(db: Db, m: StoredModel): void {
  db.prepare(
    `INSERT INTO forecast_model (id, fitted_at, trained_until, model) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET fitted_at = excluded.fitted_at, trained_until = excluded.trained_until, model = excluded.model`,
  ).run(m.fittedAt, m.trainedUntil, JSON.stringify(m.model));
}

export const AccuracyLabel = z.enum(["recent", "published"]);
export type AccuracyLabel = z.infer<typeof AccuracyLabel>;

export interface StoredAccuracy {
  label: AccuracyLabel;
  computedAt: number;
  from: number;
  to: number;
  result: BacktestResult;
  model: ForecastModel;
}

export function readAccuracy(db: Db, label: AccuracyLabel): StoredAccuracy | null {
  const row = db.prepare("SELECT computed_at, period_from, period_to, result, model FROM forecast_accuracy WHERE label = ?").get(label) as
    | { computed_at: number; period_from: number; period_to: number; result: string; model: string }
    | undefined;
  if (!row) return null;
  const result = BacktestResultSchema.safeParse(parseJson(row.result));
  const model = ForecastModelSchema.safeParse(parseJson(row.model));
  if (!result.success || !model.success) return null;
  return { label, computedAt: row.computed_at, from: row.period_from, to: row.period_to, result: result.data, model: model.data };
}

export function saveAccuracy(db: Db, a: StoredAccuracy): void {
  db.prepare(
    `INSERT INTO forecast_accuracy (label, computed_at, period_from, period_to, result, model) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (label) DO UPDATE SET computed_at = excluded.computed_at, period_from = excluded.period_from,
       period_to = excluded.period_to, result = excluded.result, model = excluded.model`,
  ).run(a.label, a.computedAt, a.from, a.to, JSON.stringify(a.result), JSON.stringify(a.model));
}
