/**
 * Reads and writes the wait-time tables. The poller writes; the history importer adds lane readings
 * only (never the snapshot or poll state); pages and the API read.
 * All SQL is parameterized.
 */
import "server-only";
import type { Statement } from "better-sqlite3";
import type { Db } from "@/lib/db/client";
import { CrossingReading, type FeedSnapshot, type Lane } from "@/lib/waits/model";
import { log } from "@/lib/log";

export interface PollState {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  consecutiveFailures: number;
  totalSuccesses: number;
  totalFailures: number;
  breaker: string;
  snapshotVersion: number;
}

export interface StoredCrossing {
  fetchedAt: number;
  generatedAt: string | null;
  reading: CrossingReading;
}

export interface CurrentWaits {
  state: PollState;
  crossings: Map<string, StoredCrossing>;
}

interface PollStateRow {
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_failure_at: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  consecutive_failures: number;
  total_successes: number;
  total_failures: number;
  breaker: string;
  snapshot_version: number;
}

export function readPollState(db: Db): PollState {
  const r = db.prepare("SELECT * FROM poll_state WHERE id = 1").get() as PollStateRow;
  return {
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at,
    lastFailureAt: r.last_failure_at,
    lastErrorCode: r.last_error_code,
    lastErrorMessage: r.last_error_message,
    consecutiveFailures: r.consecutive_failures,
    totalSuccesses: r.total_successes,
    totalFailures: r.total_failures,
    breaker: r.breaker,
    snapshotVersion: r.snapshot_version,
  };
}

export function readCurrentWaits(db: Db): CurrentWaits {
  const state = readPollState(db);
  const crossings = new Map<string, StoredCrossing>();
  const rows = db.prepare("SELECT cbp_port_number, fetched_at, generated_at, body FROM crossing_snapshot").all() as {
    cbp_port_number: string;
    fetched_at: number;
    generated_at: string | null;
    body: string;
  }[];
  for (const row of rows) {
    // A row that no longer matches the model (e.g. written by a newer version) is skipped, not fatal.
    const parsed = CrossingReading.safeParse(JSON.parse(row.body));
    if (!parsed.success) {
      log.warn("store.bad_snapshot_row", { cbpPortNumber: row.cbp_port_number });
      continue;
    }
    crossings.set(row.cbp_port_number, { fetchedAt: row.fetched_at, generatedAt: row.generated_at, reading: parsed.data });
  }
  return { state, crossings };
}

/** When CBP generated the newest feed we stored (UTC ISO), or null. */
export function readFeedGeneratedAt(db: Db): string | null {
  return (db.prepare("SELECT max(generated_at) FROM crossing_snapshot").pluck().get() as string | null) ?? null;
}

/** Only the version counter: cheap enough to check on every API request. */
export function readSnapshotVersion(db: Db): number {
  return db.prepare("SELECT snapshot_version FROM poll_state WHERE id = 1").pluck().get() as number;
}

export interface SaveResult {
  crossings: number;
  newReadings: number;
}

/** Stores a good poll in one transaction: the snapshot of each crossing and every new lane reading. */
export function saveSuccessfulPoll(db: Db, input: { fetchedAt: number; snapshot: FeedSnapshot }): SaveResult {
  const upsert = db.prepare(
    `INSERT INTO crossing_snapshot (cbp_port_number, fetched_at, generated_at, body) VALUES (?, ?, ?, ?)
     ON CONFLICT (cbp_port_number) DO UPDATE SET fetched_at = excluded.fetched_at, generated_at = excluded.generated_at, body = excluded.body`,
  );
  const markSuccess = db.prepare(
    `UPDATE poll_state SET last_attempt_at = ?, last_success_at = ?, consecutive_failures = 0,
       total_successes = total_successes + 1, breaker = 'closed', snapshot_version = snapshot_version + 1 WHERE id = 1`,
  );
  return db
    .transaction((): SaveResult => {
      for (const c of input.snapshot.crossings) upsert.run(c.cbpPortNumber, input.fetchedAt, input.snapshot.generatedAt, JSON.stringify(c));
      const { added } = insertLaneReadings(db, input.snapshot, input.fetchedAt, "poll");
      markSuccess.run(input.fetchedAt, input.fetchedAt);
      return { crossings: input.snapshot.crossings.length, newReadings: added };
    })
    .immediate();
}

export interface HistoricalInsert {
  /** Lane readings that were not stored yet. */
  added: number;
  /** Lane readings already stored (by a poll, an earlier import or an earlier capture of this one). */
  duplicates: number;
}

/**
 * Adds the lane readings of an archived capture to the history, and nothing else: the live
 * snapshot and poll state are left alone, so importing old captures never replaces current waits.
 * `firstSeenAt` (ms) is when the capture was taken. Atomic per capture; inside a caller's
 * transaction it becomes a savepoint, which is how the importer batches captures.
 */
export function insertHistoricalReadings(db: Db, snapshot: FeedSnapshot, firstSeenAt: number): HistoricalInsert {
  return db.transaction(() => insertLaneReadings(db, snapshot, firstSeenAt, "import")).immediate();
}

// better-sqlite3 compiles a statement on every prepare(); the importer inserts thousands of
// captures, so the statement is compiled once per connection.
const insertReadingStatements = new WeakMap<Db, Statement>();
const pollReadingStatements = new WeakMap<Db, Statement>();
const upsertHourlyStatements = new WeakMap<Db, Statement>();

/**
 * Keeps lane_hourly in step with a newly stored (or corrected) reading: it becomes the value of
 * its hour boundary unless a later reading of the same hour is already there.
 */
export function upsertHourly(db: Db, r: { cbpPortNumber: string; mode: string; type: string; observedAt: number; status: string; delayMinutes: number | null; lanesOpen: number | null; maxLanes: number | null }): void {
  let stmt = upsertHourlyStatements.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT INTO lane_hourly (cbp_port_number, mode, type, hour, observed_at, status, delay_minutes, lanes_open, max_lanes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (cbp_port_number, mode, type, hour) DO UPDATE SET observed_at = excluded.observed_at, status = excluded.status,
         delay_minutes = excluded.delay_minutes, lanes_open = excluded.lanes_open, max_lanes = excluded.max_lanes
       WHERE excluded.observed_at >= lane_hourly.observed_at`,
    );
    upsertHourlyStatements.set(db, stmt);
  }
  stmt.run(r.cbpPortNumber, r.mode, r.type, Math.ceil(r.observedAt / 3600) * 3600, r.observedAt, r.status, r.delayMinutes, r.lanesOpen, r.maxLanes);
}

const INSERT_READING = `INSERT INTO lane_reading
  (cbp_port_number, mode, type, observed_at, updated_at, status, delay_minutes, lanes_open, max_lanes, first_seen_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * An import never changes a stored reading (re-running it adds nothing). A poll is CBP's latest
 * word: when it reports other values under a reading time already stored (a correction, or an
 * archive imported over the same hours), the poll's values replace them, so the history, the
 * trend and the forecast agree with the wait on the page.
 */
function insertReadingStatement(db: Db, source: "poll" | "import"): Statement {
  const cache = source === "poll" ? pollReadingStatements : insertReadingStatements;
  let stmt = cache.get(db);
  if (!stmt) {
    stmt = db.prepare(
      source === "import"
        ? `${INSERT_READING} ON CONFLICT DO NOTHING`
        : `${INSERT_READING}
           ON CONFLICT (cbp_port_number, mode, type, observed_at) DO UPDATE SET updated_at = excluded.updated_at, status = excluded.status,
             delay_minutes = excluded.delay_minutes, lanes_open = excluded.lanes_open, max_lanes = excluded.max_lanes
           WHERE lane_reading.status IS NOT excluded.status OR lane_reading.delay_minutes IS NOT excluded.delay_minutes
             OR lane_reading.lanes_open IS NOT excluded.lanes_open OR lane_reading.max_lanes IS NOT excluded.max_lanes`,
    );
    cache.set(db, stmt);
  }
  return stmt;
}

/** The one place lane readings are written, for polls and imports alike. Call inside a transaction. */
function insertLaneReadings(db: Db, snapshot: FeedSnapshot, firstSeenAt: number, source: "poll" | "import"): HistoricalInsert {
  const stmt = insertReadingStatement(db, source);
  const hourly = (cbpPortNumber: string, lane: Lane) =>
    upsertHourly(db, { cbpPortNumber, mode: lane.mode, type: lane.type, observedAt: Math.floor(Date.parse(lane.updatedAt!) / 1000), status: lane.status, delayMinutes: lane.delayMinutes, lanesOpen: lane.lanesOpen, maxLanes: lane.maxLanes });
  let added = 0;
  let duplicates = 0;
  for (const c of snapshot.crossings) {
    for (const lane of c.lanes) {
      const changes = insertLaneReading(stmt, c.cbpPortNumber, lane, firstSeenAt);
      if (changes === 1) {
        added++;
        hourly(c.cbpPortNumber, lane);
      }
      else if (changes === 0) duplicates++;
    }
  }
  return { added, duplicates };
}

/** 1 when stored, 0 when already there, null when the lane holds no reading. */
function insertLaneReading(stmt: Statement, cbpPortNumber: string, lane: Lane, firstSeenAt: number): 0 | 1 | null {
  // A lane without a reading time (closed or pending with no report) is not a reading.
  if (!lane.updatedAt) return null;
  const observedAt = Math.floor(Date.parse(lane.updatedAt) / 1000);
  const info = stmt.run(
    cbpPortNumber,
    lane.mode,
    lane.type,
    observedAt,
    lane.updatedAt,
    lane.status,
    lane.delayMinutes,
    lane.lanesOpen,
    lane.maxLanes,
    Math.floor(firstSeenAt / 1000),
  );
  return info.changes === 0 ? 0 : 1;
}

export function recordFailedPoll(db: Db, input: { at: number; code: string; message: string; breaker: string }): void {
  db.prepare(
    `UPDATE poll_state SET last_attempt_at = ?, last_failure_at = ?, last_error_code = ?, last_error_message = ?,
       consecutive_failures = consecutive_failures + 1, total_failures = total_failures + 1, breaker = ? WHERE id = 1`,
  ).run(input.at, input.at, input.code, input.message.slice(0, 500), input.breaker);
}

export function recordBreakerState(db: Db, breaker: string): void {
  db.prepare("UPDATE poll_state SET breaker = ? WHERE id = 1").run(breaker);
}

/**
 * Takes or renews the poller lease. Returns true when `holder` may poll until `now + ttlMs`.
 */
export function acquireLease(db: Db, holder: string, now: number, ttlMs: number): boolean {
  const info = db
    .prepare(
      `INSERT INTO poller_lease (id, holder, expires_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE poller_lease.holder = excluded.holder OR poller_lease.expires_at < ?`,
    )
    .run(holder, now + ttlMs, now);
  return info.changes === 1;
}

export function releaseLease(db: Db, holder: string): void {
  db.prepare("DELETE FROM poller_lease WHERE holder = ?").run(holder);
}

export function countReadings(db: Db): number {
  return db.prepare("SELECT count(*) FROM lane_reading").pluck().get() as number;
}
