/**
 * Raw CBP port records → our model. Pure: the same input always gives the same output.
 * Every quirk handled here is described in cbp-feed.md §5–§7.
 */
import { RawPort, type RawLane, type RawLaneGroup, type RawPortHead } from "@/lib/cbp/schema";
import type { ParsedFeed } from "@/lib/cbp/parse";
import { parseUpdateTime, resolveReadingTime } from "@/lib/cbp/update-time";
import { findCrossing, isUnknownRegionalCrossing, knowsLane, type CrossingDef, type LaneType, type Mode } from "@/lib/ports";
import { instantsForWallTime } from "@/lib/time/zone";
import { SUSPECT_MINUTES } from "@/lib/waits/limits";
import { LANE_ORDER, type CrossingReading, type FeedSnapshot, type Lane } from "@/lib/waits/model";

export interface UnknownCrossing {
  cbpPortNumber: string;
  portName: string;
  crossingName: string;
}

export interface NormalizeResult {
  snapshot: FeedSnapshot;
  /** 25xxxx crossings that are not in our registry (a new crossing, perhaps Otay Mesa East). */
  unknownRegional: UnknownCrossing[];
  /** Per-crossing problems: the crossing or lane was left out, the rest of the feed kept. */
  problems: string[];
}

const GROUP_KEY: Record<Mode, "passenger_vehicle_lanes" | "pedestrian_lanes" | "commercial_vehicle_lanes"> = {
  passenger: "passenger_vehicle_lanes",
  pedestrian: "pedestrian_lanes",
  commercial: "commercial_vehicle_lanes",
};

const LANE_KEY: Record<LaneType, "standard_lanes" | "NEXUS_SENTRI_lanes" | "ready_lanes" | "FAST_lanes"> = {
  standard: "standard_lanes",
  sentri: "NEXUS_SENTRI_lanes",
  ready: "ready_lanes",
  fast: "FAST_lanes",
};

const FEED_ZONE = "America/New_York";
/** Wait values over a day are typing errors (the archive has "2555"); anything else is kept. */
const MAX_PLAUSIBLE_MINUTES = 1440;


export function normalizeFeed(feed: ParsedFeed, opts: { fetchedAtMs: number }): NormalizeResult {
  const problems: string[] = [];
  const unknownRegional: UnknownCrossing[] = [];
  const crossings: CrossingReading[] = [];
  const seen = new Set<string>();
  const xmlGenerated = feed.lastUpdated ? easternInstant(feed.lastUpdated, opts.fetchedAtMs) : null;

  for (const head of feed.ports) {
    const number = head.port_number.trim();
    const known = findCrossing(number);
    if (!known) {
      if (isUnknownRegionalCrossing(number)) unknownRegional.push(describe(head, number));
      continue;
    }
    if (seen.has(number)) {
      problems.push(`${number}: duplicate record ignored`);
      continue;
    }
    const raw = RawPort.safeParse(head);
    if (!raw.success) {
      problems.push(`${number}: ${raw.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      continue;
    }
    seen.add(number);
    const generatedMs = xmlGenerated ?? jsonInstant(raw.data, known.port.timeZone, opts.fetchedAtMs) ?? opts.fetchedAtMs;
    const crossing = normalizeCrossing(raw.data, known.crossing, { timeZone: known.port.timeZone, feedInstantMs: generatedMs }, problems);
    if (crossing) crossings.push(crossing);
  }

  const generatedAtMs = xmlGenerated ?? firstJsonInstant(feed, opts.fetchedAtMs);
  return {
    snapshot: { generatedAt: generatedAtMs === null ? null : new Date(generatedAtMs).toISOString(), crossings },
    unknownRegional,
    problems,
  };
}

function describe(head: RawPortHead, number: string): UnknownCrossing {
  return { cbpPortNumber: number, portName: decodeXmlText(head.port_name ?? "").trim(), crossingName: decodeXmlText(head.crossing_name ?? "").trim() };
}

function normalizeCrossing(
  raw: RawPort,
  def: CrossingDef,
  ctx: { timeZone: string; feedInstantMs: number },
  problems: string[],
): CrossingReading | null {
  const status = raw.port_status.trim().toLowerCase();
  if (status !== "open" && status !== "closed") {
    problems.push(`${def.cbpPortNumber}: unknown port_status "${raw.port_status}"`);
    return null;
  }
  const portDate = parsePortDate(raw.date);
  const lanes: Lane[] = [];
  for (const { mode, type } of LANE_ORDER) {
    const group: RawLaneGroup | undefined = raw[GROUP_KEY[mode]];
    const rawLane = group?.[LANE_KEY[type]];
    if (!group || !rawLane) continue;
    const lane = normalizeLane(rawLane, { mode, type, maxLanes: parseCount(group.maximum_lanes) }, { ...ctx, portDate }, (msg) =>
      problems.push(`${def.cbpPortNumber} ${mode}/${type}: ${msg}`),
    );
    if (!lane) continue;
    // CBP sometimes says "Update Pending" for lanes a crossing does not have (cbp-feed.md §5.1).
    if (lane.status === "pending" && !knowsLane(def, mode, type)) continue;
    lanes.push(lane);
  }
  return {
    cbpPortNumber: def.cbpPortNumber,
    hours: decodeXmlText(raw.hours).trim(),
    status,
    notice: cleanNotice(raw.construction_notice),
    lanes,
  };
}

function normalizeLane(
  raw: RawLane,
  base: { mode: Mode; type: LaneType; maxLanes: number | null },
  ctx: { timeZone: string; feedInstantMs: number; portDate: { year: number; month: number; day: number } | null },
  report: (msg: string) => void,
): Lane | null {
  const opStatus = raw.operational_status.trim().toLowerCase();
  if (opStatus === "n/a") return null; // the lane type does not exist at this crossing
  const clock = parseUpdateTime(raw.update_time);
  if (clock === undefined) report(`unreadable update_time "${raw.update_time}"`);
  const updatedAt = clock ? resolveReadingTime(clock, ctx).iso : null;
  const empty = { ...base, delayMinutes: null, lanesOpen: null, updatedAt };

  switch (opStatus) {
    case "lanes closed":
      return { ...empty, status: "closed" };
    case "update pending":
      return { ...empty, status: "pending" };
    case "delay":
    case "no delay": {
      const minutes = parseMinutes(raw.delay_minutes);
      const open = parseCount(raw.lanes_open);
      if (minutes === null || open === null || minutes > MAX_PLAUSIBLE_MINUTES) {
        report(`reading without usable numbers (delay "${raw.delay_minutes}", lanes "${raw.lanes_open}")`);
        return { ...empty, status: "pending" };
      }
      if (minutes > SUSPECT_MINUTES) report(`suspect delay of ${minutes} min (likely a typing error at CBP)`);
      return { ...base, status: "open", delayMinutes: minutes, lanesOpen: open, updatedAt };
    }
    default:
      report(`unknown operational_status "${raw.operational_status}"`);
      return { ...empty, status: "pending" };
  }
}

/** "120" → 120; the pre-2017 feed wrote "1 hrs 30 min", "15 min" or "1 hr" (cbp-feed.md §4). */
export function parseMinutes(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+)\s*hrs?)?\s*(?:(\d+)\s*min)?$/.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

function parseCount(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

function parsePortDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Round-trip through the calendar: "2/31/2025" would otherwise become an impossible ISO date,
  // and years 0-99 (which Date.UTC maps to 1900-1999) an instant that disagrees with its text.
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/** XML `last_updated_*`: "2025-11-2" and "4:1:8", US Eastern wall clock without a label. */
function easternInstant(at: { date: string; time: string }, fetchedAtMs: number): number | null {
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(at.date.trim());
  const t = /^(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(at.time.trim());
  if (!d || !t) return null;
  const wall = { year: +d[1]!, month: +d[2]!, day: +d[3]!, hour: +t[1]!, minute: +t[2]!, second: +t[3]! };
  return pickNearest(instantsForWallTime(wall, FEED_ZONE), fetchedAtMs);
}

/** JSON `date` + `time`: the feed generation time written in the port's own zone. */
function jsonInstant(raw: RawPort, timeZone: string, fetchedAtMs: number): number | null {
  const d = parsePortDate(raw.date);
  const t = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec((raw.time ?? "").trim());
  if (!d || !t) return null;
  return pickNearest(instantsForWallTime({ ...d, hour: +t[1]!, minute: +t[2]!, second: +t[3]! }, timeZone), fetchedAtMs);
}

function firstJsonInstant(feed: ParsedFeed, fetchedAtMs: number): number | null {
  for (const head of feed.ports) {
    const known = findCrossing(head.port_number.trim());
    const raw = known && RawPort.safeParse(head);
    if (raw && raw.success) {
      const at = jsonInstant(raw.data, known.port.timeZone, fetchedAtMs);
      if (at !== null) return at;
    }
  }
  return null;
}

function pickNearest(candidates: number[], target: number): number | null {
  if (candidates.length === 0) return null;
  return candidates.reduce((best, c) => (Math.abs(c - target) < Math.abs(best - target) ? c : best));
}

function cleanNotice(text: string): string | null {
  const t = decodeXmlText(text)
    .replace(/\r\n?/g, "\n")
    // The lookbehind starts a match only at the beginning of a run of blanks; without it a long
    // run not followed by a newline costs quadratic time on the poller's event loop.
    .replace(/(?<![ \t])[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return t === "" ? null : t;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The parser leaves entities alone (no expansion attacks); decode the predefined ones and numeric references once. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return XML_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
