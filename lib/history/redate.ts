/**
 * Moves a recorded history forward by whole local days so that it ends just before `now`: the
 * offline demo and the end-to-end tests then have "recent weeks" to compute typical waits and
 * forecasts from, with each reading keeping its local time of day (across DST changes too).
 */
import "server-only";
import type { Db } from "@/lib/db/client";
import { findCrossing } from "@/lib/ports";
import { instantsForWallTime, wallTimeAt } from "@/lib/time/zone";
import { isoInZone } from "./outlook";
import { DAY_S } from "./series";
import { rebuildLaneHourly } from "./store";

interface Row {
  cbp_port_number: string;
  mode: string;
  type: string;
  observed_at: number;
  status: string;
  delay_minutes: number | null;
  lanes_open: number | null;
  max_lanes: number | null;
  first_seen_at: number;
}

/** The same wall-clock time `days` local days later (the earlier instant in a repeated hour). */
export function shiftLocalDays(t: number, days: number, timeZone: string): number {
  const w = wallTimeAt(t * 1000, timeZone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  const wall = { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  const found = instantsForWallTime(wall, timeZone)[0];
  // In the skipped spring hour the wall time does not exist; an hour later does.
  return found === undefined ? shiftLocalDays(t + 3600, days, timeZone) - 3600 : Math.floor(found / 1000);
}

/** Copies every reading of `from` into `to`, shifted; returns the readings added and the shift in days. */
export function copyRedated(from: Db, to: Db, nowS: number): { added: number; days: number } {
  const last = (from.prepare("SELECT MAX(observed_at) FROM lane_reading").pluck().get() as number | null) ?? null;
  if (last === null) return { added: 0, days: 0 };
  // Rounded up: readings that would land after now are left out, so the history reaches this morning.
  const days = Math.max(0, Math.ceil((nowS - last) / DAY_S));
  const insert = to.prepare(
    `INSERT OR IGNORE INTO lane_reading
       (cbp_port_number, mode, type, observed_at, updated_at, status, delay_minutes, lanes_open, max_lanes, first_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let added = 0;
  to.transaction(() => {
    for (const r of from.prepare("SELECT * FROM lane_reading ORDER BY observed_at").iterate() as IterableIterator<Row>) {
      const zone = findCrossing(r.cbp_port_number)?.port.timeZone;
      if (!zone) continue;
      const observed = shiftLocalDays(r.observed_at, days, zone);
      if (observed > nowS) continue;
      added += insert.run(r.cbp_port_number, r.mode, r.type, observed, isoInZone(observed, zone), r.status, r.delay_minutes, r.lanes_open, r.max_lanes, r.first_seen_at + days * DAY_S).changes;
    }
  })();
  rebuildLaneHourly(to);
  return { added, days };
}
