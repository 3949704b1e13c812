/**
 * The history SQL on hand-made rows: which readings a lane load returns (all, or the last of
 * each hour), keyset pages, and the forecast model and accuracy stored as JSON.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { DEFAULT_MODEL, fitForecast } from "@/lib/history/forecast";
import type { BacktestResult, ForecastModel } from "@/lib/history/schemas";
import { HOUR_S, hourlySeries, READING_LIFETIME_S, type HistoryReading } from "@/lib/history/series";
import {
  historyBounds,
  historyPage,
  laneKey,
  loadLaneReadings,
  readAccuracy,
  readForecastModel,
  saveAccuracy,
  saveForecastModel,
  type HistoryRow,
  type LaneId,
  type StoredAccuracy,
  rebuildLaneHourly,
} from "@/lib/history/store";
import { upsertHourly } from "@/lib/waits/store";
import { emptyDb } from "@/tests/unit/support/waits-fixtures";
import { at, int, LA, rng } from "./support";

const LANE: LaneId = { cbpPortNumber: "250401", mode: "passenger", type: "standard" };

function insert(db: Db, l: LaneId, observedAt: number, status: string, delay: number | null): void {
  db.prepare(
    `INSERT INTO lane_reading (cbp_port_number, mode, type, observed_at, updated_at, status, delay_minutes, lanes_open, max_lanes, first_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(l.cbpPortNumber, l.mode, l.type, observedAt, new Date(observedAt * 1000).toISOString(), status, delay, delay === null ? null : 3, 10, observedAt + 60);
  upsertHourly(db, { ...l, observedAt, status, delayMinutes: delay, lanesOpen: delay === null ? null : 3, maxLanes: 10 });
}

describe("laneKey", () => {
  it("joins crossing, mode and type", () => {
    expect(laneKey(LANE)).toBe("250401/passenger/standard");
  });
});

describe("loadLaneReadings", () => {
  const T = at("2025-10-20T17:00:00Z");
  let db: Db;
  beforeEach(() => {
    db = emptyDb();
  });

  it("returns the lane's readings in [from − READING_LIFETIME_S, to], oldest first, and nothing of other lanes", () => {
    const times = [T - READING_LIFETIME_S - 1, T - READING_LIFETIME_S, T - 60, T, T + 1800, T + 3 * HOUR_S, T + 3 * HOUR_S + 1];
    // Inserted newest first: the order must come from the query.
    for (const [i, t] of [...times.entries()].reverse()) insert(db, LANE, t, "open", 200 + i);
    insert(db, { ...LANE, type: "sentri" }, T + 60, "open", 5);
    insert(db, { ...LANE, mode: "pedestrian" }, T + 60, "open", 5);
    insert(db, { ...LANE, cbpPortNumber: "250601" }, T + 60, "open", 5);
    const got = loadLaneReadings(db, LANE, T, T + 3 * HOUR_S);
    expect(got.map((r) => r.observedAt)).toEqual(times.slice(1, -1));
    expect(got[1]).toEqual({ observedAt: T - 60, status: "open", delayMinutes: 202, lanesOpen: 3, maxLanes: 10 });
  });

  it("keeps closed and pending readings and skips a status it does not know", () => {
    insert(db, LANE, T, "closed", null);
    insert(db, LANE, T + 60, "pending", null);
    insert(db, LANE, T + 120, "exploded", 4);
    insert(db, LANE, T + 180, "open", 0);
    expect(loadLaneReadings(db, LANE, T, T + HOUR_S).map((r) => [r.status, r.delayMinutes])).toEqual([
      ["closed", null],
      ["pending", null],
      ["open", 0],
    ]);
  });

  it("with {hourly: true} keeps the last reading of each hour (a reading on the hour closes the hour before)", () => {
    insert(db, LANE, T - HOUR_S + 1, "open", 1);
    insert(db, LANE, T - 60, "open", 2);
    insert(db, LANE, T, "open", 3); // on the boundary: the one in effect at T, so it wins its hour
    insert(db, LANE, T + 1, "open", 4);
    insert(db, LANE, T + 1800, "closed", null);
    insert(db, LANE, T + 2 * HOUR_S + 5, "open", 6);
    expect(loadLaneReadings(db, LANE, T, T + 3 * HOUR_S, { hourly: true }).map((r) => [r.observedAt - T, r.delayMinutes])).toEqual([
      [0, 3],
      [1800, null],
      [2 * HOUR_S + 5, 6],
    ]);
  });

  it("with {hourly: true} and `to` inside an hour, reads that hour in full up to `to` and nothing after it", () => {
    insert(db, LANE, T - 60, "open", 2);
    insert(db, LANE, T + 600, "open", 4);
    insert(db, LANE, T + 1500, "open", 5);
    insert(db, LANE, T + 3000, "open", 6); // same hour group as the two before, but after `to`
    const rows = loadLaneReadings(db, LANE, T, T + 1800, { hourly: true }).map((r) => [r.observedAt - T, r.delayMinutes]);
    expect(rows).toEqual([
      [-60, 2],
      [600, 4],
      [1500, 5],
    ]);
    // The wait in effect at `to` is the same whichever way the readings are loaded.
    const full = loadLaneReadings(db, LANE, T, T + 1800);
    expect(hourlySeries(full, T, T + 1800, LA).values).toEqual(hourlySeries(loadLaneReadings(db, LANE, T, T + 1800, { hourly: true }), T, T + 1800, LA).values);
  });

  it("keeps lane_hourly equal to a rebuild from lane_reading after an import of real captures", async () => {
    const { importHistory } = await import("@/lib/history/import");
    const { ARCHIVE } = await import("@/tests/unit/cbp/support");
    await importHistory(db, [ARCHIVE]);
    const rowsOf = () => db.prepare("SELECT * FROM lane_hourly ORDER BY cbp_port_number, mode, type, hour").all();
    const incremental = rowsOf();
    expect(incremental.length).toBeGreaterThan(10_000);
    db.exec("DELETE FROM lane_hourly");
    rebuildLaneHourly(db);
    expect(rowsOf()).toEqual(incremental);
  }, 60_000);

  it("gives hourlySeries the same samples hourly or in full (five-minute readings over a week, Los Angeles, random statuses)", () => {
    const rand = rng(17);
    const start = at("2025-10-29T07:00:00Z"); // across the fall-back night of 2025-11-02
    const end = start + 7 * 24 * HOUR_S;
    let t = start - 3 * HOUR_S;
    while (t < end + HOUR_S) {
      const roll = rand();
      if (roll < 0.8) insert(db, LANE, t, "open", int(rand, 0, 120));
      else if (roll < 0.9) insert(db, LANE, t, "closed", null);
      else if (roll < 0.95) insert(db, LANE, t, "pending", null);
      // else: a gap, sometimes long enough for a reading to expire
      // Mostly five minutes apart, sometimes a few minutes, now and then a gap of hours.
      const roll2 = rand();
      t += roll2 < 0.02 ? int(rand, 2, 4) * HOUR_S : roll2 < 0.12 ? int(rand, 1, 9) * 60 : 300;
      // Some readings exactly on the hour.
      if (rand() < 0.05) t = Math.ceil(t / HOUR_S) * HOUR_S;
    }
    const full = loadLaneReadings(db, LANE, start, end);
    const hourly = loadLaneReadings(db, LANE, start, end, { hourly: true });
    expect(full.length).toBeGreaterThan(5 * hourly.length);
    // The hourly rows are rows of the full load: for each (hour − 1, hour], the latest.
    const lastOfHour = new Map<number, HistoryReading>();
    for (const r of full) lastOfHour.set(Math.ceil(r.observedAt / HOUR_S), r);
    expect(hourly).toEqual([...lastOfHour.values()]);
    const a = hourlySeries(full, start, end, LA);
    const b = hourlySeries(hourly, start, end, LA);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    expect(Array.from(b.buckets)).toEqual(Array.from(a.buckets));
    // The samples are not all missing or all equal: the comparison has something to compare.
    const open = Array.from(a.values).filter((v) => !Number.isNaN(v));
    expect(open.length).toBeGreaterThan(100);
    expect(open.length).toBeLessThan(a.values.length);
    expect(new Set(open).size).toBeGreaterThan(20);
  });
});

describe("historyBounds", () => {
  it("gives the first and last reading times, or null without readings", () => {
    const db = emptyDb();
    expect(historyBounds(db)).toBeNull();
    const T = at("2025-10-20T17:00:00Z");
    insert(db, { ...LANE, type: "sentri" }, T, "open", 1);
    insert(db, LANE, T + 100, "open", 1);
    insert(db, { ...LANE, cbpPortNumber: "250601" }, T + 200, "closed", null);
    expect(historyBounds(db)).toEqual({ first: T, last: T + 200 });
  });
});

describe("historyPage", () => {
  it("says whether another page exists, also when the last page is exactly full", () => {
    const db = emptyDb();
    const T = at("2025-10-20T17:00:00Z");
    for (let i = 0; i < 6; i++) insert(db, LANE, T + i * 60, "open", i);
    const q = { crossings: ["250401"], from: T, to: T + HOUR_S };
    const first = historyPage(db, { ...q, limit: 3 });
    expect(first.more).toBe(true);
    const last = first.rows.at(-1)!;
    const second = historyPage(db, { ...q, limit: 3, cursor: [last.observedAt, last.cbpPortNumber, last.mode, last.type] });
    expect(second).toMatchObject({ more: false });
    expect([...first.rows, ...second.rows].map((r) => r.delayMinutes)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(historyPage(db, { ...q, limit: 6 }).more).toBe(false);
    expect(historyPage(db, { ...q, limit: 5 }).more).toBe(true);
    // `to` is exclusive, `from` inclusive.
    expect(historyPage(db, { ...q, from: T + 60, to: T + 300, limit: 10 }).rows.map((r) => r.delayMinutes)).toEqual([1, 2, 3, 4]);
  });

  it("orders rows sharing a time by crossing, mode and type, and resumes inside such a group", () => {
    const db = emptyDb();
    const T = at("2025-10-20T17:00:00Z");
    const lanes: LaneId[] = [
      { cbpPortNumber: "250601", mode: "passenger", type: "standard" },
      { cbpPortNumber: "250401", mode: "pedestrian", type: "standard" },
      { cbpPortNumber: "250401", mode: "passenger", type: "sentri" },
      { cbpPortNumber: "250401", mode: "passenger", type: "ready" },
    ];
    for (const l of lanes) insert(db, l, T, "open", 1);
    const rows: HistoryRow[] = [];
    let cursor: [number, string, string, string] | undefined;
    for (;;) {
      const page = historyPage(db, { crossings: ["250401", "250601"], from: T, to: T + 1, cursor, limit: 1 });
      rows.push(...page.rows);
      if (!page.more) break;
      if (rows.length > 10) throw new Error("the cursor does not advance");
      const r = page.rows.at(-1)!;
      cursor = [r.observedAt, r.cbpPortNumber, r.mode, r.type];
    }
    expect(rows.map((r) => laneKey(r))).toEqual([
      "250401/passenger/ready",
      "250401/passenger/sentri",
      "250401/pedestrian/standard",
      "250601/passenger/standard",
    ]);
  });
});

describe("forecast model and accuracy storage", () => {
  const MODEL: ForecastModel = {
    levelWeeks: 12,
    blends: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), { shape: i / 11, persistence: 1 - i / 20 }])),
  };
  const RESULT: BacktestResult = {
    forecast: { "1": { mae: 12.34, n: 100 }, "12": { mae: 19.5, n: 80 } },
    persistence: { "1": { mae: 10.5, n: 100 }, "12": { mae: 25.28, n: 80 } },
    typical: { "1": { mae: 19.13, n: 100 }, "12": { mae: 0, n: 80 } },
  };
  const ACCURACY: StoredAccuracy = { label: "recent", computedAt: 1_761_000_000, from: 1_760_000_000, to: 1_761_000_000, result: RESULT, model: MODEL };

  it("reads back the model it saved, and a later save replaces it", () => {
    const db = emptyDb();
    expect(readForecastModel(db)).toBeNull();
    saveForecastModel(db, { fittedAt: 100, trainedUntil: 90, model: MODEL });
    expect(readForecastModel(db)).toEqual({ fittedAt: 100, trainedUntil: 90, model: MODEL });
    saveForecastModel(db, { fittedAt: 200, trainedUntil: 180, model: DEFAULT_MODEL });
    expect(readForecastModel(db)).toEqual({ fittedAt: 200, trainedUntil: 180, model: DEFAULT_MODEL });
    expect(db.prepare("SELECT count(*) FROM forecast_model").pluck().get()).toBe(1);
    // What fitForecast returns (numeric keys) survives the trip as well.
    const fitted = fitForecast([], 0);
    saveForecastModel(db, { fittedAt: 300, trainedUntil: 300, model: fitted });
    expect(readForecastModel(db)?.model).toEqual(fitted);
  });

  it.each([
    ["a blend outside [0, 1]", { ...MODEL, blends: { "1": { shape: 1.5, persistence: 0.5 } } }],
    ["a horizon that is not a number", { ...MODEL, blends: { one: { shape: 1, persistence: 0.5 } } }],
    ["no level window", { blends: MODEL.blends }],
    ["a fractional level window", { ...MODEL, levelWeeks: 8.5 }],
    ["a JSON array", []],
    ["JSON null", null],
  ])("reads a stored model with %s as no model", (_, stored) => {
    const db = emptyDb();
    saveForecastModel(db, { fittedAt: 1, trainedUntil: 1, model: MODEL });
    db.prepare("UPDATE forecast_model SET model = ?").run(JSON.stringify(stored));
    expect(readForecastModel(db)).toBeNull();
  });

  it("reads damaged JSON (not just a wrong shape) as no model and no accuracy, without throwing", () => {
    const db = emptyDb();
    saveForecastModel(db, { fittedAt: 1, trainedUntil: 1, model: MODEL });
    saveAccuracy(db, ACCURACY);
    db.prepare("UPDATE forecast_model SET model = '{oops'").run();
    db.prepare("UPDATE forecast_accuracy SET result = 'not json'").run();
    expect(readForecastModel(db)).toBeNull();
    expect(readAccuracy(db, "recent")).toBeNull();
  });

  it("reads back each accuracy label it saved, and a later save replaces that label only", () => {
    const db = emptyDb();
    expect(readAccuracy(db, "recent")).toBeNull();
    saveAccuracy(db, ACCURACY);
    expect(readAccuracy(db, "recent")).toEqual(ACCURACY);
    expect(readAccuracy(db, "published")).toBeNull();
    const published: StoredAccuracy = { ...ACCURACY, label: "published", computedAt: 5, from: 1, to: 4, model: DEFAULT_MODEL };
    saveAccuracy(db, published);
    const newer: StoredAccuracy = { ...ACCURACY, computedAt: ACCURACY.computedAt + 86_400, result: { forecast: {}, persistence: {}, typical: {} } };
    saveAccuracy(db, newer);
    expect(readAccuracy(db, "recent")).toEqual(newer);
    expect(readAccuracy(db, "published")).toEqual(published);
    expect(db.prepare("SELECT count(*) FROM forecast_accuracy").pluck().get()).toBe(2);
  });

  it.each([
    ["result", "a negative error", { ...RESULT, forecast: { "1": { mae: -1, n: 3 } } }],
    ["result", "a fractional case count", { ...RESULT, typical: { "1": { mae: 1, n: 2.5 } } }],
    ["result", "a missing baseline", { forecast: RESULT.forecast, persistence: RESULT.persistence }],
    ["model", "a blend outside [0, 1]", { ...MODEL, blends: { "1": { shape: 0.5, persistence: -0.1 } } }],
  ])("reads an accuracy whose %s has %s as no accuracy", (column, _, stored) => {
    const db = emptyDb();
    saveAccuracy(db, ACCURACY);
    db.prepare(`UPDATE forecast_accuracy SET ${column === "result" ? "result" : "model"} = ? WHERE label = 'recent'`).run(JSON.stringify(stored));
    expect(readAccuracy(db, "recent")).toBeNull();
  });
});
