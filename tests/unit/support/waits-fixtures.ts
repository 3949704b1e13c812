/**
 * Shared helpers for the API and waits tests: a real CBP capture, an in-memory database seeded
 * with it, a settable clock and a condition poller (instead of fixed sleeps).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { processFeed } from "@/lib/cbp";
import { openDatabase, type Db } from "@/lib/db/client";
import type { FeedSnapshot } from "@/lib/waits/model";
import { readCurrentWaits, saveSuccessfulPoll } from "@/lib/waits/store";

const FIXTURES = fileURLToPath(new URL("../../fixtures/cbp/", import.meta.url));

/** The capture the fake upstream serves by default; taken at 2026-01-15T18:10:12Z. */
export const FIXTURE_FILE = `${FIXTURES}bwt-xml_2026-01-15T181012Z_borderbuddy.xml`;
export const FIXTURE_AT = Date.parse("2026-01-15T18:10:12Z");

/** An older, different capture: every reading time differs from FIXTURE_FILE's. */
export const OLDER_FIXTURE_FILE = `${FIXTURES}bwt-xml_2025-11-02T090434Z_borderbuddy.xml`;
export const OLDER_FIXTURE_AT = Date.parse("2025-11-02T09:04:34Z");

/** A real capture in which PedWest and Tecate's cargo lanes are closed (status-change tests). */
export const OTROLADO_FILE = `${FIXTURES}bwtnew_2026-08-31T034144Z_otrolado.json`;

export function fixtureBytes(file: string = FIXTURE_FILE): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

export function fixtureSnapshot(file: string = FIXTURE_FILE, at: number = FIXTURE_AT): FeedSnapshot {
  return processFeed(fixtureBytes(file), at).snapshot;
}

export function emptyDb(): Db {
  return openDatabase(":memory:");
}

/** A fresh in-memory database holding one successful poll of the default fixture at `at`. */
export function seededDb(at: number = FIXTURE_AT): Db {
  const db = emptyDb();
  saveSuccessfulPoll(db, { fetchedAt: at, snapshot: fixtureSnapshot(FIXTURE_FILE, at) });
  return db;
}

/** The stored snapshot in a comparable form (what readers would serve). */
export function snapshotOf(db: Db): Record<string, unknown> {
  const { crossings } = readCurrentWaits(db);
  return Object.fromEntries([...crossings.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** A clock tests move by hand. */
export function manualClock(start: number): { now: () => number; set: (ms: number) => void; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds; fails the test after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}
