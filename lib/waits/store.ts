/**
 * Reads and writes the wait-time tables. The poller writes; the history importer adds lane readings
 * only (never the snapshot or poll state); pages and the API read.
 * All SQL is parameterized.
 */
import "server-only";
import type { Statement } from "better-sqlite3";
import type { Db } from "@/lib/db/client";
import { CrossingReading, type FeedSnapshot } from "@/lib/waits/model";
import { OLD_READING_MS } from "@/lib/waits/limits";
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
  /** Stored readings whose values this poll corrected (same reading time, other numbers). */
  corrected: number;
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
      const { added, corrected } = insertLaneReadings(db, input.snapshot, input.fetchedAt, "poll");
      markSuccess.run(input.fetchedAt, input.fetchedAt);
      return { crossings: input.snapshot.crossings.length, newReadings: added, corrected };
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
  return db
    .transaction((): HistoricalInsert => {
      const { added, duplicates } = insertLaneReadings(db, snapshot, firstSeenAt, "import");
      return { added, duplicates };
    })
    .immediate();
}

// better-sqlite3 compiles a statement on every prepare(); the importer inserts thousands of
// captures, so each statement is compiled once per connection.
const insertReadingStatements = new WeakMap<Db, Statement>();
const correctReadingStatements = new WeakMap<Db, Statement>();
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

function insertReadingStatement(db: Db): Statement {
  let stmt = insertReadingStatements.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT OR IGNORE INTO lane_reading
         (cbp_port_number, mode, type, observed_at, updated_at, status, delay_minutes, lanes_open, max_lanes, first_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insertReadingStatements.set(db, stmt);
  }
  return stmt;
}

/**
 * A poll is CBP's latest word: when it reports an open wait with other numbers under a reading
 * time already stored (a correction, or an archive imported over the same hours), its numbers
 * replace the stored ones, so the history, the trend and the forecast agree with the wait on the
 * page. Only recent readings (a misdated reading must not rewrite another day), and never to a
 * pending or closed state (CBP keeps the old reading time on lanes it marks "Update Pending").
 */
function correctReadingStatement(db: Db): Statement {
  let stmt = correctReadingStatements.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `UPDATE lane_reading SET status = 'open', delay_minutes = ?, lanes_open = ?, max_lanes = ?
       WHERE cbp_port_number = ? AND mode = ? AND type = ? AND observed_at = ? AND observed_at >= ?
         AND (status IS NOT 'open' OR delay_minutes IS NOT ? OR lanes_open IS NOT ? OR max_lanes IS NOT ?)`,
    );
    correctReadingStatements.set(db, stmt);
  }
  return stmt;
}

/**
 * The one place polls and imports write lane readings (the demo redater copies rows it already
 * has). An import never changes a stored reading, so running it again adds nothing. Call inside
 * a transaction.
 */
function insertLaneReadings(db: Db, snapshot: FeedSnapshot, firstSeenAt: number, source: "poll" | "import"): HistoricalInsert & { corrected: number } {
  const insert = insertReadingStatement(db);
  const correct = source === "poll" ? correctReadingStatement(db) : null;
  const oldest = Math.floor((firstSeenAt - OLD_READING_MS) / 1000);
  let added = 0;
  let duplicates = 0;
  let corrected = 0;
  for (const c of snapshot.crossings) {
    for (const lane of c.lanes) {
      // A lane without a reading time (closed or pending with no report) is not a reading.
      if (!lane.updatedAt) continue;
      const observedAt = Math.floor(Date.parse(lane.updatedAt) / 1000);
      const values = [lane.delayMinutes, lane.lanesOpen, lane.maxLanes] as const;
      const stored = insert.run(c.cbpPortNumber, lane.mode, lane.type, observedAt, lane.updatedAt, lane.status, ...values, Math.floor(firstSeenAt / 1000)).changes === 1;
      const changed =
        !stored && correct !== null && lane.status === "open" && lane.delayMinutes !== null
          ? correct.run(...values, c.cbpPortNumber, lane.mode, lane.type, observedAt, oldest, ...values).changes === 1
          : false;
      if (stored) added++;
      else duplicates++;
      if (changed) corrected++;
      if (stored || changed) {
        upsertHourly(db, { cbpPortNumber: c.cbpPortNumber, mode: lane.mode, type: lane.type, observedAt, status: lane.status, delayMinutes: lane.delayMinutes, lanesOpen: lane.lanesOpen, maxLanes: lane.maxLanes });
      }
    }
  }
  return { added, duplicates, corrected };
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
