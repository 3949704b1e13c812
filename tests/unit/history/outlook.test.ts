/**
 * laneOutlook on a small hand-made history: which hours get a forecast, on what basis, and which
 * hour is "best", where the three-hour usual level is missing but the hour's own typical exists.
 */
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { DEFAULT_MODEL, TYPICAL_WEEKS } from "@/lib/history/forecast";
import { laneOutlook } from "@/lib/history/outlook";
import { rebuildLaneHourly } from "@/lib/history/store";

const TZ = "America/Los_Angeles";
const HOUR = 3600;
const WEEK = 7 * 24 * HOUR;
/** Wednesday 2025-10-29, 8:30 a.m. in San Diego (PDT, UTC−7). */
const NOW = Date.parse("2025-10-29T15:30:00Z") / 1000;
const LANE = { cbpPortNumber: "250401", mode: "passenger", type: "standard", crossingName: { en: "San Ysidro", es: "San Ysidro" } } as const;

function dbWith(readings: { at: number; wait: number | null; status?: string }[]) {
  const db = openDatabase(":memory:");
  const insert = db.prepare(
    `INSERT INTO lane_reading (cbp_port_number, mode, type, observed_at, updated_at, status, delay_minutes, lanes_open, max_lanes, first_seen_at)
     VALUES ('250401', 'passenger', 'standard', ?, ?, ?, ?, 4, 24, ?)`,
  );
  for (const r of readings) insert.run(r.at, new Date(r.at * 1000).toISOString(), r.status ?? "open", r.wait, r.at);
  rebuildLaneHourly(db);
  return db;
}

describe("laneOutlook", () => {
  // For eight weeks the lane reported only at 10 a.m. on Wednesdays (60 min) and was closed at
  // 9 and 11: the three-hour usual level of 10 a.m. lacks samples, its own typical value has eight.
  const history = Array.from({ length: TYPICAL_WEEKS }, (_, i) => NOW + 1.5 * HOUR - (i + 1) * WEEK).flatMap((ten) => [
    { at: ten - HOUR, wait: null, status: "closed" },
    { at: ten, wait: 60 },
    { at: ten + HOUR, wait: null, status: "closed" },
  ]);

  it("uses an hour's typical value where the three-hour level is missing, instead of carrying today's wait", () => {
    const db = dbWith([...history, { at: NOW - 20 * 60, wait: 20 }]);
    const o = laneOutlook(db, LANE, TZ, NOW, { model: DEFAULT_MODEL, accuracy: null });
    expect(o.current).toEqual({ wait: 20, at: "2025-10-29T08:10:00-07:00" });
    const ten = o.forecast.find((f) => f.at === "2025-10-29T10:00:00-07:00")!;
    // No usual value for 8 a.m. to measure today's gap against: the 10 a.m. typical alone.
    expect(ten).toMatchObject({ horizon: 2, minutes: 60, basis: "usual", expectedError: null });
    expect(ten.typical).toMatchObject({ median: 60, n: TYPICAL_WEEKS });
    // 9 and 11 a.m. have history but never an open wait: no forecast rather than today's 20 min.
    expect(o.forecast.map((f) => f.at)).not.toContain("2025-10-29T09:00:00-07:00");
    expect(o.forecast.map((f) => f.at)).not.toContain("2025-10-29T11:00:00-07:00");
  });

  it("says when an hour has no typical value because the lane was never reported open then, not for want of history", () => {
    const db = dbWith([...history, { at: NOW - 20 * 60, wait: 20 }]);
    const at = (iso: string) => laneOutlook(db, LANE, TZ, NOW, { model: DEFAULT_MODEL, accuracy: null }, { compareAt: Date.parse(iso) / 1000 });
    expect(at("2025-10-29T09:00:00-07:00")).toMatchObject({ typicalThen: null, noOpenReadings: true });
    expect(at("2025-10-29T10:00:00-07:00")).toMatchObject({ typicalThen: { median: 60 }, noOpenReadings: false });
    // A young history (under a week) proves nothing about an hour.
    const young = dbWith([{ at: NOW - 20 * 60, wait: 20 }]);
    expect(laneOutlook(young, LANE, TZ, NOW, { model: DEFAULT_MODEL, accuracy: null }, { compareAt: NOW + HOUR })).toMatchObject({ typicalThen: null, noOpenReadings: false });
  });

  it("never calls an hour that only carries today's wait forward the best one, nor any hour when such an hour is shorter", () => {
    // Over eight weeks: 10 a.m. open in five (60 min), 9 a.m. open in two (30 min), closed otherwise.
    // 9 a.m. has neither a usual level nor a typical value, so it carries today's wait forward.
    const ten = (i: number) => NOW + 1.5 * HOUR - (i + 1) * WEEK;
    const weeks = Array.from({ length: TYPICAL_WEEKS }, (_, i) => [
      i < 2 ? { at: ten(i) - HOUR, wait: 30 } : { at: ten(i) - HOUR, wait: null, status: "closed" },
      i < 5 ? { at: ten(i), wait: 60 } : { at: ten(i), wait: null, status: "closed" },
      { at: ten(i) + HOUR, wait: null, status: "closed" },
    ]).flat();
    const outlookWith = (wait: number) => laneOutlook(dbWith([...weeks, { at: NOW - 20 * 60, wait }]), LANE, TZ, NOW, { model: DEFAULT_MODEL, accuracy: null });

    // Today 80 min: 10 a.m.'s usual 60 is the best hour; the carried 80 never is.
    const busy = outlookWith(80);
    expect(busy.forecast.map((f) => [f.at.slice(11, 16), f.basis, f.minutes])).toEqual([
      ["09:00", "current", 80],
      ["10:00", "usual", 60],
    ]);
    expect(busy.best).toMatchObject({ at: "2025-10-29T10:00:00-07:00", minutes: 60, basis: "usual" });

    // Today 20 min: the carried 20 at 9 a.m. is shorter than 10 a.m.'s 60, but it is not knowledge
    // about 9 a.m.: no hour is called best (today's wait may be the best there is).
    const quiet = outlookWith(20);
    expect(quiet.forecast.map((f) => [f.basis, f.minutes])).toEqual([
      ["current", 20],
      ["usual", 60],
    ]);
    expect(quiet.best).toBeNull();
  });

  it("has no best hour when every hour only carries today's wait", () => {
    const db = dbWith([{ at: NOW - 20 * 60, wait: 20 }]);
    const o = laneOutlook(db, LANE, TZ, NOW, { model: DEFAULT_MODEL, accuracy: null });
    expect(o.forecast).toHaveLength(12);
    expect(o.forecast.every((f) => f.basis === "current" && f.minutes === 20)).toBe(true);
    expect(o.best).toBeNull();
  });
});
