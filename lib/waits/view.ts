/**
 * Builds the API v1 / page view of the ports from the registry and the stored snapshot. Pure.
 */
import type { ApiCrossing, ApiMeta, ApiPort } from "@/lib/api/v1-schema";
import { PORTS, type LaneType, type Mode, type PortDef } from "@/lib/ports";
import { freshness } from "@/lib/waits/freshness";
import { OLD_READING_MS } from "@/lib/waits/limits";
import type { StoredCrossing } from "@/lib/waits/store";

export interface LaneFilter {
  mode?: Mode;
  type?: LaneType;
}

export function buildPortView(port: PortDef, crossings: ReadonlyMap<string, StoredCrossing>, filter: LaneFilter = {}): ApiPort {
  if (port.kind === "planned") {
    return { slug: port.slug, name: port.name, status: "planned", timeZone: port.timeZone, crossings: [] };
  }
  const out: ApiCrossing[] = [];
  for (const def of port.crossings) {
    const stored = crossings.get(def.cbpPortNumber);
    if (!stored) continue;
    const r = stored.reading;
    out.push({
      cbpPortNumber: def.cbpPortNumber,
      name: def.name,
      hours: r.hours,
      status: r.status,
      notice: r.notice,
      lanes: r.lanes.filter((l) => (!filter.mode || l.mode === filter.mode) && (!filter.type || l.type === filter.type)),
      direction: def.direction,
      fetchedAt: new Date(stored.fetchedAt).toISOString(),
    });
  }
  return {
    slug: port.slug,
    name: port.name,
    status: out.some((c) => c.status === "open") ? "open" : "closed",
    timeZone: port.timeZone,
    crossings: out,
  };
}

export function buildAllPortsView(crossings: ReadonlyMap<string, StoredCrossing>, filter: LaneFilter = {}): ApiPort[] {
  return PORTS.map((p) => buildPortView(p, crossings, filter));
}

/**
 * Crossings CBP still reports. Each crossing keeps its last good reading through failed polls,
 * but one that successful polls have not included for longer than the stale threshold has been
 * dropped by CBP, and its old numbers must not pass for current ones.
 */
export function reportedCrossings(
  crossings: ReadonlyMap<string, StoredCrossing>,
  lastSuccessAt: number | null,
  staleAfterMs: number,
): ReadonlyMap<string, StoredCrossing> {
  if (lastSuccessAt === null) return crossings;
  const kept = [...crossings].filter(([, c]) => lastSuccessAt - c.fetchedAt <= staleAfterMs);
  return kept.length === crossings.size ? crossings : new Map(kept);
}

export function buildMeta(lastSuccessAt: number | null, now: number, staleAfterSeconds: number): ApiMeta {
  const f = freshness(lastSuccessAt, now, staleAfterSeconds);
  return { source: "cbp-bwt", fetchedAt: f.fetchedAt, stale: f.stale, staleSeconds: f.ageSeconds ?? 0 };
}


export function isReadingOld(updatedAt: string, now: number): boolean {
  return now - Date.parse(updatedAt) > OLD_READING_MS;
}
