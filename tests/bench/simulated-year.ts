/**
 * A simulated year of lane readings for the query benchmarks: every lane of every active port in
 * lib/ports.ts, one reading every 5 minutes (the worst case; real CBP readings are mostly hourly).
 *
 * Waits follow a daily shape (northbound morning and afternoon peaks; business hours for trucks),
 * a weekly one (Sunday evening and Monday morning are the worst), a mild seasonal swing, per-lane
 * scale, and autocorrelated multiplicative noise from a seeded PRNG, so the same seed always gives
 * the same database. Nearly every reading is open; PedWest (250407) is closed at night, and about
 * 0.3 % of readings elsewhere are "update pending".
 */
import type { Db } from "@/lib/db/client";
import { isoInZone, portLanes } from "@/lib/history/outlook";
import { rebuildLaneHourly } from "@/lib/history/store";
import { PORTS, type LaneType, type Mode } from "@/lib/ports";
import { wallTimeAt } from "@/lib/time/zone";
import { mulberry32 } from "@/tests/support/prng";

export const STEP_S = 300;
export const YEAR_S = 365 * 24 * 3600;

const prng = mulberry32;

function gaussian(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const bump = (h: number, mu: number, sigma: number) => Math.exp(-((h - mu) ** 2) / (2 * sigma * sigma));

/** Demand by local hour of day (fractional), 0.2 to ~1.3. */
function dailyShape(mode: Mode, h: number): number {
  if (mode === "commercial") return 0.2 + 0.9 * bump(h, 11, 3);
  return 0.25 + 1.0 * bump(h, 7, 1.5) + 0.6 * bump(h, 16.5, 2.5);
}

/** Demand by local weekday, Sunday first. */
const WEEKLY: Record<"people" | "trucks", readonly number[]> = {
  people: [1.35, 1.2, 1.0, 0.95, 1.0, 1.1, 0.8],
  trucks: [0.3, 1.1, 1.0, 1.0, 1.0, 1.05, 0.6],
};

/** Typical peak wait in minutes per lane type, scaled per crossing below. */
const BASE_MINUTES: Record<Mode, Partial<Record<LaneType, number>>> = {
  passenger: { standard: 75, ready: 45, sentri: 15 },
  pedestrian: { standard: 40, ready: 20 },
  commercial: { standard: 60, fast: 30 },
};
const CROSSING_SCALE: Record<string, number> = { "250401": 1, "250407": 0.8, "250601": 0.8, "250602": 1, "250501": 0.5, "250409": 0.3 };
/** CBP's maximum lanes per crossing and mode (shared by its lane types). */
const MAX_LANES: Record<string, Partial<Record<Mode, number>>> = {
  "250401": { passenger: 26, pedestrian: 14 },
  "250407": { pedestrian: 10 },
  "250601": { passenger: 13, pedestrian: 6 },
  "250602": { commercial: 10 },
  "250501": { passenger: 2, pedestrian: 2, commercial: 2 },
  "250409": { pedestrian: 4 },
};
const LANE_SHARE: Record<LaneType, number> = { standard: 0.6, ready: 0.25, sentri: 0.15, fast: 0.3 };

interface Clock {
  iso: string;
  hour: number;
  weekday: number;
  season: number;
}

/** Local time of every step, computed once per zone (Intl is the slow part, not SQLite). */
function clocks(start: number, steps: number, timeZone: string): Clock[] {
  const out: Clock[] = new Array<Clock>(steps);
  for (let i = 0; i < steps; i++) {
    const t = start + i * STEP_S;
    const w = wallTimeAt(t * 1000, timeZone);
    const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
    const dayOfYear = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000;
    out[i] = { iso: isoInZone(t, timeZone), hour: w.hour + w.minute / 60, weekday, season: 1 + 0.15 * Math.cos((2 * Math.PI * (dayOfYear - 355)) / 365) };
  }
  return out;
}

export interface SimulatedYear {
  rows: number;
  lanes: number;
  from: number;
  to: number;
  ms: number;
}

/**
 * Fills lane_reading with readings at end − 365 days + 300 s, …, end (epoch seconds), time-major
 * like a poller would write them, through one prepared statement in one transaction.
 */
export function fillSimulatedYear(db: Db, end: number, seed = 20_260_305): SimulatedYear {
  const started = performance.now();
  const steps = YEAR_S / STEP_S;
  const start = end - (steps - 1) * STEP_S;
  const rand = prng(seed);
  const zones = new Map<string, Clock[]>();
  const lanes = PORTS.filter((p) => p.kind === "active").flatMap((port) => {
    let c = zones.get(port.timeZone);
    if (!c) zones.set(port.timeZone, (c = clocks(start, steps, port.timeZone)));
    const zoneClocks = c;
    return portLanes(port).map((l) => ({
      ...l,
      clocks: zoneClocks,
      peak: (BASE_MINUTES[l.mode][l.type] ?? 30) * (CROSSING_SCALE[l.cbpPortNumber] ?? 1),
      maxLanes: MAX_LANES[l.cbpPortNumber]?.[l.mode] ?? 4,
      weekly: WEEKLY[l.mode === "commercial" ? "trucks" : "people"],
      nightClosed: l.cbpPortNumber === "250407",
      noise: 0,
    }));
  });
  const insert = db.prepare(
    `INSERT INTO lane_reading (cbp_port_number, mode, type, observed_at, updated_at, status, delay_minutes, lanes_open, max_lanes, first_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let rows = 0;
  db.transaction(() => {
    for (let i = 0; i < steps; i++) {
      const t = start + i * STEP_S;
      for (const lane of lanes) {
        const clock = lane.clocks[i]!;
        // AR(1) in log space: readings 5 minutes apart are close, hours apart differ (sd ≈ 0.25).
        lane.noise = 0.97 * lane.noise + 0.06 * gaussian(rand);
        const seenAt = t + 20 + Math.floor(rand() * 60);
        const pending = rand() < 0.003;
        if (lane.nightClosed && (clock.hour >= 22 || clock.hour < 6)) {
          insert.run(lane.cbpPortNumber, lane.mode, lane.type, t, clock.iso, "closed", null, null, lane.maxLanes, seenAt);
        } else if (pending) {
          insert.run(lane.cbpPortNumber, lane.mode, lane.type, t, clock.iso, "pending", null, null, lane.maxLanes, seenAt);
        } else {
          const demand = dailyShape(lane.mode, clock.hour) * lane.weekly[clock.weekday]! * clock.season;
          const minutes = Math.min(360, Math.max(0, Math.round(lane.peak * demand * Math.exp(lane.noise))));
          const open = Math.max(1, Math.round(lane.maxLanes * LANE_SHARE[lane.type] * Math.min(1, 0.4 + 0.5 * demand)));
          insert.run(lane.cbpPortNumber, lane.mode, lane.type, t, clock.iso, "open", minutes, open, lane.maxLanes, seenAt);
        }
        rows++;
      }
    }
  })();
  // A bulk load bypasses the store, so the hourly table is derived once at the end (as a migration would).
  rebuildLaneHourly(db);
  return { rows, lanes: lanes.length, from: start, to: end, ms: performance.now() - started };
}
