/**
 * Shared helpers for the CBP tests. The raw-feed readers here deliberately avoid lib/cbp/parse
 * so that the tests compare the normalizer against an independent reading of the same bytes.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { expect } from "vitest";
import type { ProcessedFeed } from "@/lib/cbp";
import { findCrossing, knowsLane, type LaneType, type Mode } from "@/lib/ports";
import { FeedSnapshot } from "@/lib/waits/model";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const FIXTURES = path.join(ROOT, "tests/fixtures/cbp");
export const ARCHIVE = path.join(ROOT, "tests/fixtures/cbp-archive");

export const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));
/** The XML feed is ISO-8859-1: latin1 keeps every byte when the text is edited and re-encoded. */
export const fixtureText = (name: string): string => fixture(name).toString(name.endsWith(".json") ? "utf8" : "latin1");

export const FEED_FILE = /^(bwt-xml_.+\.xml|bwtnew_.+\.json)$/;
export const feedFixtures = (): string[] => readdirSync(FIXTURES).filter((f) => FEED_FILE.test(f)).sort();

/**
 * Fetch time of a capture. Most names carry it (`…_2025-11-02T090434Z_…`); the 2014 and 2017
 * captures carry only a date, so we use their own `last_updated` (US Eastern, converted by hand:
 * 2014-4-28 21:41:1 EDT and 2017-3-17 0:31:39 EDT) plus a few minutes.
 */
export function fetchedAtOf(name: string): number {
  const m = /_(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(name);
  if (m) return Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  if (name.includes("2014-04-28")) return Date.parse("2014-04-29T01:45:00Z");
  if (name.includes("2017-03-17")) return Date.parse("2017-03-17T04:35:00Z");
  throw new Error(`no fetch time known for ${name}`);
}

export const GROUP_KEY: Record<Mode, string> = {
  passenger: "passenger_vehicle_lanes",
  pedestrian: "pedestrian_lanes",
  commercial: "commercial_vehicle_lanes",
};
export const LANE_KEY: Record<LaneType, string> = {
  standard: "standard_lanes",
  sentri: "NEXUS_SENTRI_lanes",
  ready: "ready_lanes",
  fast: "FAST_lanes",
};
export const ALL_LANES: readonly { mode: Mode; type: LaneType }[] = [
  { mode: "passenger", type: "standard" },
  { mode: "passenger", type: "sentri" },
  { mode: "passenger", type: "ready" },
  { mode: "pedestrian", type: "standard" },
  { mode: "pedestrian", type: "ready" },
  { mode: "commercial", type: "standard" },
  { mode: "commercial", type: "fast" },
];

export interface RawLaneText {
  update_time: string;
  operational_status: string;
  delay_minutes: string;
  lanes_open: string;
}
type RawRecord = Record<string, unknown>;

const rawXml = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (_tag, jPath) => jPath === "border_wait_time.port",
});

/** Port records straight from the bytes, keyed by port number. */
export function rawPorts(body: Buffer | Uint8Array, json: boolean): Map<string, RawRecord> {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const records = json
    ? (JSON.parse(buf.toString("utf8")) as RawRecord[])
    : ((rawXml.parse(buf.toString("latin1")) as { border_wait_time: { port: RawRecord[] } }).border_wait_time.port);
  return new Map(records.map((r) => [String(r.port_number).trim(), r]));
}

export function rawLane(port: RawRecord, mode: Mode, type: LaneType): RawLaneText | undefined {
  const group = port[GROUP_KEY[mode]] as Record<string, RawLaneText> | undefined;
  return group?.[LANE_KEY[type]];
}

/**
 * Independent reading of CBP's clock text, straight from the grammar in cbp-feed.md §5.5.
 * Throws on anything else so an unexpected format in the recorded data fails the test loudly.
 */
export function clockOf(text: string): { hour: number; minute: number } | null {
  if (text.trim() === "") return null;
  if (/^At Noon [A-Z]{3,4}$/.test(text)) return { hour: 12, minute: 0 };
  if (/^At Midnight [A-Z]{3,4}$/.test(text)) return { hour: 0, minute: 0 };
  const m = /^At (\d{1,2}):(\d{2}) (am|pm) [A-Z]{3,4}$/.exec(text);
  if (!m) throw new Error(`update_time outside the documented grammar: ${JSON.stringify(text)}`);
  const h12 = Number(m[1]);
  if (h12 > 12 || Number(m[2]) > 59) throw new Error(`clock out of range: ${text}`);
  return { hour: (h12 % 12) + (m[3] === "pm" ? 12 : 0), minute: Number(m[2]) };
}

/** "2026-01-15T10:00:00-08:00" → 10:00, the wall clock as written (not the UTC instant). */
export function wallClockOfIso(iso: string): { hour: number; minute: number } {
  const m = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2}):\d{2}[+-]\d{2}:\d{2}$/.exec(iso);
  if (!m) throw new Error(`not an ISO time with offset: ${iso}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/**
 * Invariants every accepted payload must satisfy, whatever the input. Raw-data comparisons
 * (N/A lanes, clock text) live in the tests that have the raw records at hand. Violations are
 * collected and asserted once: thousands of fuzz runs call this, and one expect per field is slow.
 */
export function snapshotViolations(result: ProcessedFeed): string[] {
  const found: string[] = [];
  const parsed = FeedSnapshot.safeParse(result.snapshot);
  if (!parsed.success) found.push(`schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  const { snapshot } = result;
  if (snapshot.crossings.length === 0) found.push("no crossings");
  if (snapshot.generatedAt !== null && !Number.isFinite(Date.parse(snapshot.generatedAt))) found.push(`generatedAt ${snapshot.generatedAt}`);

  const numbers = snapshot.crossings.map((c) => c.cbpPortNumber);
  if (new Set(numbers).size !== numbers.length) found.push(`duplicate crossings ${numbers}`);
  for (const crossing of snapshot.crossings) {
    const known = findCrossing(crossing.cbpPortNumber);
    if (!known) {
      found.push(`${crossing.cbpPortNumber} is not in the registry`);
      continue;
    }
    const keys = crossing.lanes.map((l) => `${l.mode}/${l.type}`);
    if (new Set(keys).size !== keys.length) found.push(`${crossing.cbpPortNumber} duplicate lanes ${keys}`);
    for (const lane of crossing.lanes) {
      const where = `${crossing.cbpPortNumber} ${lane.mode}/${lane.type}`;
      const { delayMinutes: minutes, lanesOpen: open } = lane;
      if (lane.status === "open") {
        if (!(Number.isInteger(minutes) && minutes! >= 0 && minutes! <= 1440)) found.push(`${where} open with delayMinutes ${minutes}`);
        if (!(Number.isInteger(open) && open! >= 0)) found.push(`${where} open with lanesOpen ${open}`);
      } else if (minutes !== null || open !== null) {
        found.push(`${where} ${lane.status} with numbers ${minutes}/${open}`);
      }
      // "Update Pending" on a lane the crossing does not have is CBP noise, never shown (§5.1).
      if (lane.status === "pending" && !knowsLane(known.crossing, lane.mode, lane.type)) found.push(`${where} phantom pending lane`);
      if (lane.updatedAt !== null && !Number.isFinite(Date.parse(lane.updatedAt))) found.push(`${where} updatedAt ${lane.updatedAt}`);
    }
  }
  return found;
}

export function expectSnapshotInvariants(result: ProcessedFeed): void {
  expect(snapshotViolations(result)).toEqual([]);
}
