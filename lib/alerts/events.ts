/**
 * What counts as a status change, as pure functions over snapshots and clocks (the store applies
 * them inside the poller's transaction). Rules:
 *
 * - A crossing's CBP port_status going open → closed is `crossing_closed`, closed → open
 *   `crossing_reopened`. Lane changes of that crossing seen in the same poll are not reported
 *   separately: the crossing event already says it.
 * - A lane going open ↔ closed is `lane_closed` / `lane_reopened`. `pending` ("Update Pending")
 *   is not a status but the absence of one: it never makes an event and never replaces the last
 *   definite status, so open → pending → open is silent and open → pending → closed is one
 *   `lane_closed`. A lane or crossing missing from a poll is likewise left as it was.
 * - The first time a crossing or lane is seen there is nothing to compare with: it only sets the
 *   baseline (a fresh database does not announce every lane that happens to be closed).
 * - Only the registry's crossings and lanes count (lib/ports.ts).
 */
import type { DetectedEvent, StatusEventKind } from "@/lib/alerts/model";
import { findCrossing, knowsLane, laneKey } from "@/lib/ports";
import type { FeedSnapshot } from "@/lib/waits/model";

/** Last definite status per crossing (`250401`) and lane (`250401/passenger/standard`). */
export type Watch = Map<string, "open" | "closed">;

export const crossingKey = (cbpPortNumber: string) => cbpPortNumber;

const blank = { delayMinutes: null, lanesOpen: null, lastSuccessAt: null } as const;

export function diffSnapshot(previous: ReadonlyMap<string, "open" | "closed">, snapshot: FeedSnapshot, at: number): { events: DetectedEvent[]; next: Watch } {
  const next: Watch = new Map(previous);
  const events: DetectedEvent[] = [];
  for (const c of snapshot.crossings) {
    const known = findCrossing(c.cbpPortNumber);
    if (!known) continue;
    const portSlug = known.port.slug;
    const key = crossingKey(c.cbpPortNumber);
    const before = previous.get(key);
    const crossingChanged = before !== undefined && before !== c.status;
    if (crossingChanged) {
      events.push({ kind: c.status === "closed" ? "crossing_closed" : "crossing_reopened", at, portSlug, cbpPortNumber: c.cbpPortNumber, mode: null, type: null, ...blank });
    }
    next.set(key, c.status);
    for (const lane of c.lanes) {
      if (lane.status === "pending" || !knowsLane(known.crossing, lane.mode, lane.type)) continue;
      const lk = laneKey({ cbpPortNumber: c.cbpPortNumber, mode: lane.mode, type: lane.type });
      const was = previous.get(lk);
      next.set(lk, lane.status);
      if (was === undefined || was === lane.status || crossingChanged) continue;
      const kind: StatusEventKind = lane.status === "closed" ? "lane_closed" : "lane_reopened";
      events.push({
        kind,
        at,
        portSlug,
        cbpPortNumber: c.cbpPortNumber,
        mode: lane.mode,
        type: lane.type,
        delayMinutes: kind === "lane_reopened" ? lane.delayMinutes : null,
        lanesOpen: kind === "lane_reopened" ? lane.lanesOpen : null,
        lastSuccessAt: null,
      });
    }
  }
  return { events, next };
}

export type StalenessKind = "data_stale" | "data_recovered";

export interface StalenessInput {
  /** The latest data_stale/data_recovered event stored, or null when there is none. */
  lastKind: StalenessKind | null;
  /** Our last successful poll before this one (epoch ms), or null when there never was one. */
  lastSuccessAt: number | null;
  now: number;
  staleAfterMs: number;
  /** Whether the poll happening at `now` succeeded. */
  pollOk: boolean;
}

/**
 * One `data_stale` per outage and one `data_recovered` after it, by the same rule as the banner
 * (lib/waits/freshness.ts). A failed poll after the threshold records the outage at that poll; a
 * successful poll after a gap nobody saw (every server down) records both, the outage dated when
 * the data became stale. The latest stored kind makes this idempotent across polls and restarts.
 */
export function stalenessEvents(input: StalenessInput): DetectedEvent[] {
  const { lastKind, lastSuccessAt, now, staleAfterMs, pollOk } = input;
  if (lastSuccessAt === null) return [];
  const event = (kind: StalenessKind, at: number): DetectedEvent => ({ kind, at, portSlug: null, cbpPortNumber: null, mode: null, type: null, delayMinutes: null, lanesOpen: null, lastSuccessAt });
  const staleNow = now - lastSuccessAt > staleAfterMs;
  if (!pollOk) return staleNow && lastKind !== "data_stale" ? [event("data_stale", now)] : [];
  if (lastKind === "data_stale") return [event("data_recovered", now)];
  return staleNow ? [event("data_stale", lastSuccessAt + staleAfterMs), event("data_recovered", now)] : [];
}
