/**
 * The dashboard's data: every lane of every port now, against typical, with lanes open, the
 * last hours' trend and the charts' series. Current waits come from the live snapshot (what
 * every other page shows); typical values and series from the history.
 */
import "server-only";
import type { Db } from "@/lib/db/client";
import { PORTS, type Bilingual, type LaneType, type Mode } from "@/lib/ports";
import { OLD_READING_MS } from "@/lib/waits/limits";
import { readAllPorts, type AllPortsView, type WaitsSource } from "@/lib/waits/read";
import { perMinute } from "./memo";
import { compareToTypical, trendOf, type Trend, type VsTypical } from "./compare";
import type { Spread } from "./stats";
import { forecastContext, laneOutlook, portLanes, type HourPoint } from "./outlook";

export const TREND_HOURS = 6;

export interface DashboardLane {
  cbpPortNumber: string;
  crossingName: Bilingual;
  mode: Mode;
  type: LaneType;
  status: "open" | "closed" | "pending" | "unreported";
  wait: number | null;
  updatedAt: string | null;
  /** The reading is older than 3 hours: shown, but not compared. */
  old: boolean;
  lanesOpen: number | null;
  maxLanes: number | null;
  typical: Spread | null;
  /** No typical value because CBP never reported the lane open at this hour (PedWest at night), not for want of history. */
  noOpenReadings: boolean;
  vsTypical: VsTypical | null;
  trend: Trend | null;
  /** Hourly values from TREND_HOURS hours ago to now (TREND_HOURS + 1 samples), oldest first. */
  recent: (number | null)[];
  week: HourPoint[];
}

export interface DashboardPort {
  slug: string;
  name: Bilingual;
  timeZone: string;
  lanes: DashboardLane[];
  /** Lanes open and maximum per crossing and mode (CBP's maximum is per mode, shared by its lane types). */
  staffing: { cbpPortNumber: string; mode: Mode; open: number; max: number }[];
  /** The sum of CBP's maximum per crossing and mode, whatever their status. */
  maxLanesAll: number;
}

export interface Dashboard {
  generatedAt: string;
  fetchedAt: string | null;
  stale: boolean;
  ports: DashboardPort[];
  headline: {
    portsAboveTypical: number;
    portsCompared: number;
    /** Lanes open, and their maximum, at the crossings and modes reporting a current open wait. */
    lanesOpen: number;
    lanesMax: number;
    /** The maximum of every crossing and mode CBP lists, reporting or not. */
    lanesMaxAll: number;
    longest: { slug: string; lane: DashboardLane } | null;
    shortest: { slug: string; lane: DashboardLane } | null;
  };
}

export function buildDashboard(source: WaitsSource): Dashboard {
  const live = readAllPorts(source);
  const nowMs = source.now();
  return perMinute(source.db, `dashboard|${live.version}|${live.meta.stale}`, nowMs, () => build(source.db, live, nowMs));
}

function build(db: Db, live: AllPortsView, nowMs: number): Dashboard {
  const now = Math.floor(nowMs / 1000);
  const ctx = forecastContext(db);
  const ports: DashboardPort[] = [];
  for (const def of PORTS.filter((p) => p.kind === "active")) {
    const livePort = live.ports.find((p) => p.slug === def.slug);
    const lanes: DashboardLane[] = portLanes(def).map((ref) => {
      const crossing = livePort?.crossings.find((c) => c.cbpPortNumber === ref.cbpPortNumber);
      const lane = crossing?.lanes.find((l) => l.mode === ref.mode && l.type === ref.type);
      const updatedAt = lane?.updatedAt ?? null;
      // Typical for the hour of the reading, not of the clock: an 11:00 reading is compared with 11:00.
      const readingAt = updatedAt ? Math.floor(Date.parse(updatedAt) / 1000) : undefined;
      const outlook = laneOutlook(db, ref, def.timeZone, now, ctx, { compareAt: readingAt, week: true });
      // TREND_HOURS hours of change: the samples at the hour boundaries from then to now.
      const recent = outlook.week.slice(-(TREND_HOURS + 1)).map((p) => p.wait);
      const old = updatedAt !== null && nowMs - Date.parse(updatedAt) > OLD_READING_MS;
      const wait = lane?.status === "open" ? lane.delayMinutes : null;
      const typical = readingAt === undefined ? outlook.typicalNow : outlook.typicalThen;
      return {
        cbpPortNumber: ref.cbpPortNumber,
        crossingName: ref.crossingName,
        mode: ref.mode,
        type: ref.type,
        status: lane ? lane.status : "unreported",
        wait,
        updatedAt,
        old,
        lanesOpen: lane?.lanesOpen ?? null,
        maxLanes: lane?.maxLanes ?? null,
        typical,
        noOpenReadings: typical === null && outlook.noOpenReadings,
        vsTypical: wait !== null && !old && typical ? compareToTypical(wait, typical) : null,
        trend: trendOf(recent),
        recent,
        week: outlook.week,
      };
    });
    const staffing: DashboardPort["staffing"] = [];
    for (const l of lanes) {
      if (l.maxLanes === null || l.status !== "open" || l.old) continue;
      let s = staffing.find((x) => x.cbpPortNumber === l.cbpPortNumber && x.mode === l.mode);
      if (!s) {
        s = { cbpPortNumber: l.cbpPortNumber, mode: l.mode, open: 0, max: l.maxLanes };
        staffing.push(s);
      }
      s.open += l.lanesOpen ?? 0;
    }
    const maxima = new Map<string, number>();
    for (const l of lanes) if (l.maxLanes !== null) maxima.set(`${l.cbpPortNumber}/${l.mode}`, l.maxLanes);
    ports.push({ slug: def.slug, name: def.name, timeZone: def.timeZone, lanes, staffing, maxLanesAll: [...maxima.values()].reduce((a, b) => a + b, 0) });
  }

  const compared = ports.filter((p) => p.lanes.some((l) => l.vsTypical !== null));
  const current = ports.flatMap((p) => p.lanes.filter((l) => l.wait !== null && !l.old).map((lane) => ({ slug: p.slug, lane })));
  const byWait = [...current].sort((a, b) => a.lane.wait! - b.lane.wait!);
  return {
    generatedAt: new Date(nowMs).toISOString(),
    fetchedAt: live.meta.fetchedAt,
    stale: live.meta.stale,
    ports,
    headline: {
      portsAboveTypical: compared.filter((p) => p.lanes.some((l) => l.vsTypical === "above")).length,
      portsCompared: compared.length,
      lanesOpen: ports.reduce((n, p) => n + p.staffing.reduce((m, s) => m + s.open, 0), 0),
      lanesMax: ports.reduce((n, p) => n + p.staffing.reduce((m, s) => m + s.max, 0), 0),
      lanesMaxAll: ports.reduce((n, p) => n + p.maxLanesAll, 0),
      longest: byWait.at(-1) ?? null,
      shortest: byWait[0] ?? null,
    },
  };
}
