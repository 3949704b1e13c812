/**
 * The SQLite store: snapshot + history in one transaction, reading dedupe, failure counters that
 * never touch last-known-good, idempotent migrations and the poller lease.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openDatabase } from "@/lib/db/client";
import { MIGRATIONS } from "@/lib/db/migrations";
import type { FeedSnapshot } from "@/lib/waits/model";
import {
  acquireLease,
  countReadings,
  insertHistoricalReadings,
  readCurrentWaits,
  readPollState,
  readSnapshotVersion,
  recordBreakerState,
  recordFailedPoll,
  releaseLease,
  saveSuccessfulPoll,
} from "@/lib/waits/store";
import { emptyDb, FIXTURE_AT, fixtureSnapshot, OLDER_FIXTURE_AT, OLDER_FIXTURE_FILE, snapshotOf } from "@/tests/unit/support/waits-fixtures";

/** Lane readings with a reading time: the rows the history keeps. */
const timedLanes = (s: FeedSnapshot) => s.crossings.reduce((n, c) => n + c.lanes.filter((l) => l.updatedAt !== null).length, 0);

describe("saveSuccessfulPoll", () => {
  it("stores one snapshot row per crossing and each lane reading once", () => {
    const db = emptyDb();
    const snapshot = fixtureSnapshot();
    expect(timedLanes(snapshot)).toBeGreaterThan(0);

    const first = saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot });
    expect(first).toEqual({ crossings: snapshot.crossings.length, newReadings: timedLanes(snapshot), corrected: 0 });
    expect(countReadings(db)).toBe(timedLanes(snapshot));

    // The same capture polled again (CBP had not updated): no duplicate history.
    const second = saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT + 300_000, snapshot });
    expect(second).toEqual({ crossings: snapshot.crossings.length, newReadings: 0, corrected: 0 });
    expect(countReadings(db)).toBe(timedLanes(snapshot));

    const { state, crossings } = readCurrentWaits(db);
    expect(crossings.size).toBe(snapshot.crossings.length);
    expect(state).toMatchObject({ lastSuccessAt: FIXTURE_AT + 300_000, totalSuccesses: 2, consecutiveFailures: 0, snapshotVersion: 2 });
    // The snapshot tracks the latest poll; the history keeps when a reading was first seen.
    expect(crossings.get("250401")!.fetchedAt).toBe(FIXTURE_AT + 300_000);
    const firstSeen = db.prepare("SELECT DISTINCT first_seen_at FROM lane_reading").pluck().all();
    expect(firstSeen).toEqual([Math.floor(FIXTURE_AT / 1000)]);
  });

  it("round-trips the normalized readings", () => {
    const db = emptyDb();
    const snapshot = fixtureSnapshot();
    saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot });
    const stored = readCurrentWaits(db).crossings;
    for (const c of snapshot.crossings) {
      expect(stored.get(c.cbpPortNumber)).toEqual({ fetchedAt: FIXTURE_AT, generatedAt: snapshot.generatedAt, reading: c });
    }
    const row = db
      .prepare("SELECT status, delay_minutes, lanes_open, max_lanes, updated_at FROM lane_reading WHERE cbp_port_number = '250401' AND mode = 'passenger' AND type = 'standard'")
      .get();
    expect(row).toEqual({ status: "open", delay_minutes: 50, lanes_open: 5, max_lanes: 34, updated_at: "2026-01-15T10:00:00-08:00" });
  });

  it("a later capture adds new history rows and replaces the snapshot", () => {
    const db = emptyDb();
    const earlier = fixtureSnapshot(OLDER_FIXTURE_FILE, OLDER_FIXTURE_AT);
    const later = fixtureSnapshot();
    saveSuccessfulPoll(db, { fetchedAt: OLDER_FIXTURE_AT, snapshot: earlier });
    const afterEarlier = countReadings(db);
    expect(afterEarlier).toBe(timedLanes(earlier));

    const saved = saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot: later });
    expect(saved.newReadings).toBe(timedLanes(later));
    expect(countReadings(db)).toBe(afterEarlier + timedLanes(later));
    expect(readCurrentWaits(db).crossings.get("250401")!.reading).toEqual(later.crossings.find((c) => c.cbpPortNumber === "250401"));
  });

  it("one lane updated by CBP adds exactly one row", () => {
    const db = emptyDb();
    const snapshot = fixtureSnapshot();
    saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot });
    const before = countReadings(db);

    const bumped: FeedSnapshot = structuredClone(snapshot);
    const lane = bumped.crossings.find((c) => c.cbpPortNumber === "250401")!.lanes[0]!;
    lane.updatedAt = "2026-01-15T11:00:00-08:00";
    lane.delayMinutes = 65;
    expect(saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT + 3_600_000, snapshot: bumped }).newReadings).toBe(1);
    expect(countReadings(db)).toBe(before + 1);
    const history = db
      .prepare("SELECT delay_minutes FROM lane_reading WHERE cbp_port_number = '250401' AND mode = 'passenger' AND type = 'standard' ORDER BY observed_at")
      .pluck()
      .all();
    expect(history).toEqual([50, 65]);
  });

  describe("a poll reporting other numbers under a stored reading time", () => {
    const stored = (db: ReturnType<typeof emptyDb>) =>
      db.prepare("SELECT status, delay_minutes, first_seen_at FROM lane_reading WHERE cbp_port_number = '250401' AND mode = 'passenger' AND type = 'standard' ORDER BY observed_at").all();
    const hourly = (db: ReturnType<typeof emptyDb>) =>
      db.prepare("SELECT observed_at, delay_minutes FROM lane_hourly WHERE cbp_port_number = '250401' AND mode = 'passenger' AND type = 'standard'").all();
    const firstLane = (s: FeedSnapshot) => s.crossings.find((c) => c.cbpPortNumber === "250401")!.lanes[0]!;
    const at = (iso: string) => Date.parse(iso) / 1000;

    it("corrects the stored reading and its hour; the same poll again and a re-import change nothing", () => {
      const db = emptyDb();
      const snapshot = fixtureSnapshot();
      expect(firstLane(snapshot)).toMatchObject({ status: "open", delayMinutes: 50, updatedAt: "2026-01-15T10:00:00-08:00" });
      // An archive imported over the same hours first (as the demo's redated history does).
      const archived: FeedSnapshot = structuredClone(snapshot);
      firstLane(archived).delayMinutes = 45;
      expect(insertHistoricalReadings(db, archived, FIXTURE_AT - 60_000)).toEqual({ added: timedLanes(snapshot), duplicates: 0 });
      const seen = Math.floor((FIXTURE_AT - 60_000) / 1000);
      expect(stored(db)).toEqual([{ status: "open", delay_minutes: 45, first_seen_at: seen }]);

      expect(saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot })).toMatchObject({ newReadings: 0, corrected: 1 });
      expect(stored(db)).toEqual([{ status: "open", delay_minutes: 50, first_seen_at: seen }]);
      expect(hourly(db)).toEqual([{ observed_at: at("2026-01-15T10:00:00-08:00"), delay_minutes: 50 }]);
      expect(countReadings(db)).toBe(timedLanes(snapshot));

      expect(saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT + 60_000, snapshot })).toMatchObject({ newReadings: 0, corrected: 0 });
      expect(insertHistoricalReadings(db, archived, FIXTURE_AT)).toEqual({ added: 0, duplicates: timedLanes(snapshot) });
      expect(stored(db)).toEqual([{ status: "open", delay_minutes: 50, first_seen_at: seen }]);
      expect(hourly(db)).toEqual([{ observed_at: at("2026-01-15T10:00:00-08:00"), delay_minutes: 50 }]);
    });

    it("never turns an open reading pending (CBP keeps the reading time on lanes it marks Update Pending)", () => {
      const db = emptyDb();
      const snapshot = fixtureSnapshot();
      saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot });
      const pending: FeedSnapshot = structuredClone(snapshot);
      Object.assign(firstLane(pending), { status: "pending", delayMinutes: null, lanesOpen: null });
      expect(saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT + 60_000, snapshot: pending })).toMatchObject({ newReadings: 0, corrected: 0 });
      expect(stored(db)).toEqual([{ status: "open", delay_minutes: 50, first_seen_at: Math.floor(FIXTURE_AT / 1000) }]);
    });

    it("leaves readings over 3 hours older than the poll alone (a misdated reading must not rewrite another day)", () => {
      const db = emptyDb();
      const snapshot = fixtureSnapshot();
      saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot });
      const later: FeedSnapshot = structuredClone(snapshot);
      firstLane(later).delayMinutes = 5;
      expect(saveSuccessfulPoll(db, { fetchedAt: at("2026-01-15T13:00:01-08:00") * 1000, snapshot: later })).toMatchObject({ corrected: 0 });
      expect(stored(db)).toEqual([{ status: "open", delay_minutes: 50, first_seen_at: Math.floor(FIXTURE_AT / 1000) }]);
      expect(saveSuccessfulPoll(db, { fetchedAt: at("2026-01-15T12:59:00-08:00") * 1000, snapshot: later })).toMatchObject({ corrected: 1 });
      expect(stored(db)).toEqual([{ status: "open", delay_minutes: 5, first_seen_at: Math.floor(FIXTURE_AT / 1000) }]);
    });

    it("keeps a later reading of the same hour as that hour's value when an earlier one is corrected", () => {
      const db = emptyDb();
      const snapshot = fixtureSnapshot();
      const early: FeedSnapshot = structuredClone(snapshot);
      firstLane(early).updatedAt = "2026-01-15T09:20:00-08:00";
      const late: FeedSnapshot = structuredClone(snapshot);
      firstLane(late).updatedAt = "2026-01-15T09:50:00-08:00";
      firstLane(late).delayMinutes = 70;
      saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT - 3_000_000, snapshot: early });
      saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT - 1_000_000, snapshot: late });
      const corrected: FeedSnapshot = structuredClone(early);
      firstLane(corrected).delayMinutes = 35;
      expect(saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT - 900_000, snapshot: corrected })).toMatchObject({ corrected: 1 });
      expect(stored(db).map((r) => (r as { delay_minutes: number }).delay_minutes)).toEqual([35, 70]);
      expect(hourly(db)).toEqual([{ observed_at: at("2026-01-15T09:50:00-08:00"), delay_minutes: 70 }]);
    });
  });

  it("is all or nothing", () => {
    const db = emptyDb();
    saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot: fixtureSnapshot() });
    const before = { snapshot: snapshotOf(db), readings: countReadings(db), version: readSnapshotVersion(db) };

    const broken: FeedSnapshot = structuredClone(fixtureSnapshot());
    broken.crossings[0]!.lanes[0]!.updatedAt = "2026-01-15T12:00:00-08:00";
    // A value SQLite cannot bind, half way through the transaction (after the first upsert and insert).
    const lastTimed = broken.crossings.flatMap((c) => c.lanes).findLast((l) => l.updatedAt !== null)!;
    (lastTimed as { delayMinutes: unknown }).delayMinutes = { minutes: 5 };
    expect(() => saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT + 1, snapshot: broken })).toThrow();

    expect(snapshotOf(db)).toEqual(before.snapshot);
    expect(countReadings(db)).toBe(before.readings);
    expect(readSnapshotVersion(db)).toBe(before.version);
    expect(readPollState(db).lastSuccessAt).toBe(FIXTURE_AT);
  });
});

describe("recordFailedPoll", () => {
  it("keeps the snapshot and history and counts the failures", () => {
    const db = emptyDb();
    saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot: fixtureSnapshot() });
    const snapshot = snapshotOf(db);
    const readings = countReadings(db);

    recordFailedPoll(db, { at: FIXTURE_AT + 300_000, code: "http_status", message: "CBP answered HTTP 500", breaker: "closed" });
    recordFailedPoll(db, { at: FIXTURE_AT + 600_000, code: "timeout", message: "x".repeat(5000), breaker: "open" });

    expect(snapshotOf(db)).toEqual(snapshot);
    expect(countReadings(db)).toBe(readings);
    const state = readPollState(db);
    expect(state).toMatchObject({
      lastAttemptAt: FIXTURE_AT + 600_000,
      lastSuccessAt: FIXTURE_AT,
      lastFailureAt: FIXTURE_AT + 600_000,
      lastErrorCode: "timeout",
      consecutiveFailures: 2,
      totalFailures: 2,
      totalSuccesses: 1,
      breaker: "open",
      snapshotVersion: 1,
    });
    expect(state.lastErrorMessage!.length).toBeLessThanOrEqual(500);

    // The next success resets the streak but not the total.
    saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT + 900_000, snapshot: fixtureSnapshot() });
    expect(readPollState(db)).toMatchObject({ consecutiveFailures: 0, totalFailures: 2, totalSuccesses: 2, breaker: "closed", lastSuccessAt: FIXTURE_AT + 900_000 });
  });

  it("on an empty database records the failure and still has no data", () => {
    const db = emptyDb();
    recordFailedPoll(db, { at: 1000, code: "network", message: "ECONNRESET", breaker: "closed" });
    expect(readCurrentWaits(db).crossings.size).toBe(0);
    expect(readPollState(db)).toMatchObject({ lastSuccessAt: null, consecutiveFailures: 1, lastErrorCode: "network" });
  });

  it("recordBreakerState changes only the breaker", () => {
    const db = emptyDb();
    recordBreakerState(db, "half-open");
    expect(readPollState(db)).toMatchObject({ breaker: "half-open", consecutiveFailures: 0, totalFailures: 0 });
  });
});

describe("migrations", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sb-store-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are idempotent: reopening one file keeps schema and data", () => {
    const file = path.join(dir, "nested", "smart-border.db");
    const a = openDatabase(file);
    saveSuccessfulPoll(a, { fetchedAt: FIXTURE_AT, snapshot: fixtureSnapshot() });
    const readings = countReadings(a);
    const snapshot = snapshotOf(a);
    a.close();

    const b = openDatabase(file);
    migrate(b);
    const applied = b.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
    expect(b.prepare("SELECT count(*) FROM poll_state").pluck().get()).toBe(1);
    expect(countReadings(b)).toBe(readings);
    expect(snapshotOf(b)).toEqual(snapshot);
    expect(readPollState(b)).toMatchObject({ lastSuccessAt: FIXTURE_AT, snapshotVersion: 1 });
    expect(b.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(b.pragma("integrity_check", { simple: true })).toBe("ok");
    b.close();
  });

  it("two connections opened at once on a fresh file both work", () => {
    const file = path.join(dir, "concurrent.db");
    const a = openDatabase(file);
    const b = openDatabase(file);
    saveSuccessfulPoll(a, { fetchedAt: FIXTURE_AT, snapshot: fixtureSnapshot() });
    expect(readPollState(b).lastSuccessAt).toBe(FIXTURE_AT);
    expect(b.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(MIGRATIONS.length);
    a.close();
    b.close();
  });

  it("tolerate another process migrating the same fresh file at the same moment", () => {
    // Two servers (or the server and `npm run poll`) starting on a new file: B reads the list of
    // applied migrations, A applies them, then B takes the write lock. B must not run them again.
    const file = path.join(dir, "race.db");
    const a = new Database(file);
    const b = new Database(file);
    a.pragma("busy_timeout = 5000");
    b.pragma("busy_timeout = 5000");
    b.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const bRacing = new Proxy(b, {
      get(target, prop) {
        if (prop === "prepare") {
          return (sql: string) => {
            const statement = target.prepare(sql);
            if (!/^SELECT version FROM schema_migrations$/.test(sql.trim())) return statement;
            return {
              pluck: () => ({
                all: () => {
                  const seen = statement.pluck().all();
                  migrate(a); // A wins the race right after B looked.
                  return seen;
                },
              }),
            };
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    expect(() => migrate(bRacing)).not.toThrow();
    expect(b.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(b.prepare("SELECT count(*) FROM poll_state").pluck().get()).toBe(1);
    a.close();
    b.close();
  });

  it("migration versions are unique and increasing", () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[0]).toBe(1);
  });
});

describe("poller lease", () => {
  it("goes to one holder until it expires; the holder can renew", () => {
    const db = emptyDb();
    const ttl = 60_000;
    expect(acquireLease(db, "A", 0, ttl)).toBe(true);
    expect(acquireLease(db, "B", 1_000, ttl)).toBe(false);
    // A renews before expiry and pushes the deadline out.
    expect(acquireLease(db, "A", 50_000, ttl)).toBe(true);
    expect(acquireLease(db, "B", 70_000, ttl)).toBe(false);
    expect(acquireLease(db, "B", 110_000, ttl)).toBe(false);
    // Expired: B takes over, and A is now the one locked out.
    expect(acquireLease(db, "B", 110_001, ttl)).toBe(true);
    expect(acquireLease(db, "A", 110_002, ttl)).toBe(false);
    expect(db.prepare("SELECT holder, expires_at FROM poller_lease").get()).toEqual({ holder: "B", expires_at: 170_001 });
  });

  it("is shared between connections to one file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sb-lease-"));
    try {
      const file = path.join(dir, "lease.db");
      const a = openDatabase(file);
      const b = openDatabase(file);
      expect(acquireLease(a, "A", 0, 1000)).toBe(true);
      expect(acquireLease(b, "B", 500, 1000)).toBe(false);
      expect(acquireLease(b, "B", 1001, 1000)).toBe(true);
      expect(acquireLease(a, "A", 1002, 1000)).toBe(false);
      a.close();
      b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("released by its holder only", () => {
    const db = emptyDb();
    expect(acquireLease(db, "A", 0, 60_000)).toBe(true);
    releaseLease(db, "B");
    expect(acquireLease(db, "B", 1, 60_000)).toBe(false);
    releaseLease(db, "A");
    expect(acquireLease(db, "B", 2, 60_000)).toBe(true);
  });
});
