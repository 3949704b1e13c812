/**
 * What pages and the API read: the stored snapshot turned into the API v1 view, plus freshness
 * computed at request time. Never calls CBP.
 */
import "server-only";
import type { ApiMeta, ApiPort } from "@/lib/api/v1-schema";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getPort, type PortDef } from "@/lib/ports";
import { readCurrentWaits, readSnapshotVersion, type CurrentWaits } from "@/lib/waits/store";
import { buildAllPortsView, buildMeta, buildPortView, reportedCrossings, type LaneFilter } from "@/lib/waits/view";

export interface WaitsSource {
  db: Db;
  now: () => number;
  staleSeconds: number;
}

export function defaultSource(): WaitsSource {
  return { db: getDb(), now: Date.now, staleSeconds: env().CBP_STALE_SECONDS };
}

export interface AllPortsView {
  ports: ApiPort[];
  meta: ApiMeta;
  hasData: boolean;
  /** Identifies the stored snapshot; changes with every successful poll, also across restores. */
  version: string;
}

// Parsing the snapshot rows once per poll instead of once per request keeps the API close to
// static-file speed; the version counter changes with every successful poll.
let cache: { db: Db; version: number; current: CurrentWaits } | null = null;

function current(db: Db): CurrentWaits {
  const version = readSnapshotVersion(db);
  if (cache?.db !== db || cache.version !== version) cache = { db, version, current: readCurrentWaits(db) };
  return cache.current;
}

function visible(c: CurrentWaits, source: WaitsSource) {
  return reportedCrossings(c.crossings, c.state.lastSuccessAt, source.staleSeconds * 1000);
}

/** What every view carries besides its ports: freshness, whether data ever arrived, and a version. */
function header(c: CurrentWaits, source: WaitsSource): { meta: ApiMeta; hasData: boolean; version: string } {
  const meta = buildMeta(c.state.lastSuccessAt, source.now(), source.staleSeconds);
  return {
    meta,
    // Crossings are only ever stored by a successful poll, so this is the freshness rule's hasData.
    hasData: meta.fetchedAt !== null,
    version: `${c.state.snapshotVersion}.${(c.state.lastSuccessAt ?? 0).toString(36)}`,
  };
}

export function readAllPorts(source: WaitsSource = defaultSource(), filter: LaneFilter = {}): AllPortsView {
  const c = current(source.db);
  return { ports: buildAllPortsView(visible(c, source), filter), ...header(c, source) };
}

export interface OnePortView {
  port: ApiPort;
  def: PortDef;
  meta: ApiMeta;
  hasData: boolean;
  version: string;
}

export function readOnePort(slug: string, source: WaitsSource = defaultSource(), filter: LaneFilter = {}): OnePortView | null {
  const def = getPort(slug);
  if (!def) return null;
  const c = current(source.db);
  return { port: buildPortView(def, visible(c, source), filter), def, ...header(c, source) };
}

/** How often the live widgets ask the API again: the poll interval, between 5 s and 60 s. */
export function liveRefreshMs(): number {
  return Math.min(60_000, Math.max(5_000, env().CBP_POLL_SECONDS * 1000));
}
