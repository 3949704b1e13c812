/**
 * GET /api/v1/ports/{slug}/typical and /forecast through their Web Request/Response handlers,
 * on the real October 2025 San Diego archive imported into an in-memory database, with the
 * clock fixed inside that month. Typical values are recomputed here from the raw readings with
 * code of our own; forecasts are checked for their invariants and the accuracy they quote.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { bad, expectApiHeaders, okJson } from "./response-checks";
import { beforeAll, describe, expect, it } from "vitest";
import { handleForecast, handleTypical } from "@/lib/api/history-handler";
import { ForecastResponse, TypicalResponse } from "@/lib/api/history-schema";
import { openDatabase, type Db } from "@/lib/db/client";
import { DEFAULT_MODEL } from "@/lib/history/forecast";
import { importHistory } from "@/lib/history/import";
import { saveAccuracy, type StoredAccuracy } from "@/lib/history/store";
import { PORTS, type PortDef } from "@/lib/ports";

const ARCHIVE = path.resolve(import.meta.dirname, "../../fixtures/cbp-archive/bwt-sd_2025-10.tar.gz");
/** Wednesday 2025-10-29, 11:30 in San Diego (PDT, UTC−7): four earlier Wednesdays in the archive. */
const NOW = Date.parse("2025-10-29T18:30:00Z");
const NOW_S = NOW / 1000;
const HOUR = 3600;
const WEEK = 7 * 24 * HOUR;
const WEEKS = 8;
const LIFETIME = 2 * HOUR;
const TZ = "America/Los_Angeles";
const BASE = "http://localhost:3107/api/v1/ports";
const ACTIVE = PORTS.filter((p) => p.kind === "active");

type Source = { db: Db; now: () => number };

let db: Db;

beforeAll(async () => {
  db = openDatabase(":memory:");
  const summary = await importHistory(db, [ARCHIVE]);
  expect(summary).toMatchObject({ captures: 744, accepted: 744, rejected: [] });
}, 60_000);

const src = (d: Db = db, now = NOW): Source => ({ db: d, now: () => now });

function typical(slug: string, query = "", headers: Record<string, string> = {}, source = src()): Response {
  return handleTypical(new Request(`${BASE}/${encodeURIComponent(slug)}/typical${query}`, { headers }), slug, source);
}

function forecast(slug: string, query = "", headers: Record<string, string> = {}, source = src()): Response {
  return handleForecast(new Request(`${BASE}/${encodeURIComponent(slug)}/forecast${query}`, { headers }), slug, source);
}

/** A copy of the imported database, for tests that write to it. */
const copyOf = (d: Db): Db => new Database(d.serialize());


/** The registry's lanes of a port, in order: what both endpoints list. */
const registryLanes = (port: PortDef, filter: (l: { mode: string; type: string }) => boolean = () => true) =>
  port.crossings.flatMap((c) => c.lanes.filter(filter).map((l) => `${c.cbpPortNumber}/${l.mode}/${l.type}`));

const laneId = (l: { cbpPortNumber: string; mode: string; type: string }) => `${l.cbpPortNumber}/${l.mode}/${l.type}`;

// ---- An independent reading of "typical": raw rows, Intl for the local hour, type-7 quantiles.

const local = new Intl.DateTimeFormat("en-US", { timeZone: TZ, weekday: "short", hour: "numeric", hourCycle: "h23" });
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function weekdayHour(t: number): { weekday: number; hour: number } {
  const parts = Object.fromEntries(local.formatToParts(t * 1000).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAYS.indexOf(parts.weekday!), hour: Number(parts.hour) };
}

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}

/**
 * The open waits in effect at each hour boundary of the 8 weeks before the current hour (today's
 * own reading is not part of "typical"), by local weekday and hour: the latest reading at or
 * before the boundary, if less than 2 hours old and open.
 */
function samplesByBucket(lane: string, nowS = NOW_S): Map<string, number[]> {
  const now = Math.floor(nowS / HOUR) * HOUR;
  const [crossing, mode, type] = lane.split("/");
  const rows = db
    .prepare("SELECT observed_at AS t, status, delay_minutes AS wait FROM lane_reading WHERE cbp_port_number = ? AND mode = ? AND type = ? ORDER BY observed_at")
    .all(crossing, mode, type) as { t: number; status: string; wait: number | null }[];
  const out = new Map<string, number[]>();
  let i = -1;
  for (let t = Math.ceil((now - WEEKS * WEEK) / HOUR) * HOUR; t < now; t += HOUR) {
    while (i + 1 < rows.length && rows[i + 1]!.t <= t) i++;
    const r = rows[i];
    if (!r || t - r.t >= LIFETIME || r.status !== "open" || r.wait === null) continue;
    const { weekday, hour } = weekdayHour(t);
    const k = `${weekday}/${hour}`;
    out.set(k, [...(out.get(k) ?? []), r.wait]);
  }
  return out;
}

function expectedTypical(values: readonly number[] | undefined): { median: number; p25: number; p75: number; n: number } | null {
  if (!values || values.length < 3) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), n: sorted.length };
}

describe("GET /ports/{slug}/typical", () => {
  it("lists every registry lane of each port with 168 hours, weekday 0–6 and hour 0–23 in order", async () => {
    for (const port of PORTS) {
      const body = TypicalResponse.parse(await okJson(typical(port.slug)));
      expect(body.data.map(laneId), port.slug).toEqual(registryLanes(port));
      expect(body.meta).toEqual({
        source: "cbp-bwt",
        timeZone: TZ,
        weeks: WEEKS,
        from: new Date((Math.floor(NOW_S / HOUR) * HOUR - WEEKS * WEEK) * 1000).toISOString(),
        to: new Date(Math.floor(NOW_S / HOUR) * HOUR * 1000).toISOString(),
      });
      for (const lane of body.data) {
        const c = port.crossings.find((x) => x.cbpPortNumber === lane.cbpPortNumber)!;
        expect(lane.crossingName).toEqual(c.name);
        expect(lane.hours.map((h) => [h.weekday, h.hour])).toEqual(Array.from({ length: 168 }, (_, b) => [Math.floor(b / 24), b % 24]));
      }
    }
    expect(TypicalResponse.parse(await okJson(typical("otay-mesa-east"))).data).toEqual([]);
  });

  it("every typical value is a real spread: p25 ≤ median ≤ p75, from 3 to 8 samples", async () => {
    let values = 0;
    let spreadOut = 0;
    for (const port of ACTIVE) {
      const body = TypicalResponse.parse(await okJson(typical(port.slug)));
      for (const lane of body.data) {
        for (const { typical: t } of lane.hours) {
          if (!t) continue;
          values++;
          if (t.p25 < t.p75) spreadOut++;
          expect(t.p25).toBeLessThanOrEqual(t.median);
          expect(t.median).toBeLessThanOrEqual(t.p75);
          expect(t.p25).toBeGreaterThanOrEqual(0);
          expect(t.n).toBeGreaterThanOrEqual(3);
          expect(t.n).toBeLessThanOrEqual(WEEKS);
        }
      }
    }
    // The archive fills most hours of the busy lanes, with real variation.
    expect(values).toBeGreaterThan(1500);
    expect(spreadOut).toBeGreaterThan(1000);
  });

  it("one bucket by hand: San Ysidro cars, Wednesday 8:00", async () => {
    const lane = TypicalResponse.parse(await okJson(typical("san-ysidro", "?mode=passenger&type=standard"))).data;
    expect(lane.map(laneId)).toEqual(["250401/passenger/standard"]);
    const hour = lane[0]!.hours[3 * 24 + 8]!;
    expect([hour.weekday, hour.hour]).toEqual([3, 8]);

    // Wednesdays before now in the archive: Oct 1, 8, 15, 22 (Oct 29 8:00 is before 11:30 too).
    const values = samplesByBucket("250401/passenger/standard").get("3/8")!;
    expect(values.length).toBeGreaterThanOrEqual(4);
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    expect(hour.typical).not.toBeNull();
    expect(hour.typical!.median).toBe(median);
    expect(hour.typical!.n).toBe(values.length);
    expect(hour.typical).toEqual(expectedTypical(values));
  });

  it.each(["250401/passenger/standard", "250401/pedestrian/ready", "250407/pedestrian/standard", "250602/commercial/fast", "250409/pedestrian/standard"])(
    "all 168 buckets of %s match a recomputation from the raw readings",
    async (lane) => {
      const [crossing, mode, type] = lane.split("/");
      const port = PORTS.find((p) => p.crossings.some((c) => c.cbpPortNumber === crossing))!;
      const body = TypicalResponse.parse(await okJson(typical(port.slug, `?mode=${mode}&type=${type}`)));
      const out = body.data.find((l) => l.cbpPortNumber === crossing)!;
      const samples = samplesByBucket(lane);
      const expected = out.hours.map((h) => expectedTypical(samples.get(`${h.weekday}/${h.hour}`)));
      expect(out.hours.map((h) => h.typical)).toEqual(expected);
      expect(expected.filter(Boolean).length).toBeGreaterThan(20);
    },
  );

  it("mode and type keep only those lanes", async () => {
    const cases: [string, string, (l: { mode: string; type: string }) => boolean][] = [
      ["san-ysidro", "?mode=pedestrian", (l) => l.mode === "pedestrian"],
      ["san-ysidro", "?type=ready", (l) => l.type === "ready"],
      ["otay-mesa", "?mode=commercial", (l) => l.mode === "commercial"],
      ["otay-mesa", "?mode=passenger&type=sentri", (l) => l.mode === "passenger" && l.type === "sentri"],
      ["tecate", "?type=standard", (l) => l.type === "standard"],
      ["cross-border-xpress", "?mode=commercial", (l) => l.mode === "commercial"],
    ];
    for (const [slug, query, keep] of cases) {
      const body = TypicalResponse.parse(await okJson(typical(slug, query)));
      expect(body.data.map(laneId), `${slug}${query}`).toEqual(registryLanes(PORTS.find((p) => p.slug === slug)!, keep));
    }
    // The filtered lane's table is the unfiltered one's.
    const all = TypicalResponse.parse(await okJson(typical("san-ysidro")));
    const one = TypicalResponse.parse(await okJson(typical("san-ysidro", "?mode=pedestrian&type=ready")));
    expect(one.data).toEqual(all.data.filter((l) => l.mode === "pedestrian" && l.type === "ready"));
  });

  it("bad queries are 400, unknown ports 404", async () => {
    for (const query of ["?mode=car", "?type=", "?foo=1", "?from=2025-10-01", "?mode=pedestrian&mode=pedestrian", "?weeks=4"]) await bad(typical("tecate", query));
    for (const slug of ["tijuana", "", "Tecate"]) await bad(typical(slug), 404);
  });

  it("sends an ETag, 304 for it, and a cache lifetime of its own", async () => {
    const first = typical("tecate");
    expect(first.headers.get("cache-control")).toContain("max-age=300");
    const etag = first.headers.get("etag")!;
    const again = typical("tecate", "", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect(await again.text()).toBe("");
    expectApiHeaders(again);
    expect(typical("tecate", "?mode=passenger", { "if-none-match": etag }).status).toBe(200);
    // A week later the window has moved: another representation.
    expect(typical("tecate", "", { "if-none-match": etag }, src(db, NOW + WEEK * 1000)).status).toBe(200);
  });
});

type ForecastLane = ForecastResponse["data"][number];

/** The latest stored reading of a lane at or before now, if it is less than 2 hours old and open. */
function currentFromDb(lane: ForecastLane): { wait: number; at: number } | null {
  const r = db
    .prepare(
      "SELECT observed_at AS t, status, delay_minutes AS wait FROM lane_reading WHERE cbp_port_number = ? AND mode = ? AND type = ? AND observed_at <= ? ORDER BY observed_at DESC LIMIT 1",
    )
    .get(lane.cbpPortNumber, lane.mode, lane.type, NOW_S) as { t: number; status: string; wait: number | null } | undefined;
  return r && NOW_S - r.t < LIFETIME && r.status === "open" && r.wait !== null ? { wait: r.wait, at: r.t } : null;
}

describe("GET /ports/{slug}/forecast", () => {
  it("gives at most 12 hours per lane, each after now, on the hour, with sane values", async () => {
    const hourNow = Math.floor(NOW_S / HOUR) * HOUR;
    let withCurrent = 0;
    for (const port of PORTS) {
      const body = ForecastResponse.parse(await okJson(forecast(port.slug)));
      expect(body.data.map(laneId)).toEqual(registryLanes(port));
      expect(body.meta).toEqual({ source: "cbp-bwt", generatedAt: new Date(NOW).toISOString(), timeZone: TZ, accuracy: null });
      for (const lane of body.data) {
        const name = laneId(lane);
        expect(lane.hours.length, name).toBeLessThanOrEqual(12);
        const horizons = lane.hours.map((h) => h.horizon);
        // Strictly increasing, within 1 … 12.
        expect(horizons, name).toEqual([...new Set(horizons)].sort((a, b) => a - b));
        for (const h of lane.hours) {
          expect(h.horizon).toBeGreaterThanOrEqual(1);
          expect(h.horizon).toBeLessThanOrEqual(12);
          expect(Date.parse(h.at) / 1000, name).toBe(hourNow + h.horizon * HOUR);
          expect(Date.parse(h.at)).toBeGreaterThan(NOW);
          expect(h.at).toMatch(/-07:00$/);
          expect(Number.isInteger(h.minutes)).toBe(true);
          expect(h.minutes).toBeGreaterThanOrEqual(0);
          expect(h.expectedError).toBeNull();
          if (h.typical) expect(h.typical.p25 <= h.typical.median && h.typical.median <= h.typical.p75).toBe(true);
          // Without a current reading a forecast can only rest on the usual pattern.
          if (lane.current === null) expect(h.basis).toBe("usual");
        }
        // The current wait is the latest open reading less than 2 hours old.
        const cur = currentFromDb(lane);
        expect(lane.current === null ? null : { wait: lane.current.wait, at: Date.parse(lane.current.at) / 1000 }, name).toEqual(cur);
        if (lane.current) {
          withCurrent++;
          // With a wait to go on, the forecast runs from the next hour without gaps; it stops
          // where the lane is usually closed (PedWest after 2 p.m., Otay Mesa SENTRI at night), and
          // the lanes open around the clock (San Ysidro, Otay Mesa's general lanes) get all 12 hours.
          expect(horizons, name).toEqual(Array.from({ length: horizons.length }, (_, i) => i + 1));
          expect(horizons.length, name).toBeGreaterThan(0);
          if (lane.cbpPortNumber === "250401" || (lane.cbpPortNumber === "250601" && lane.type === "standard")) {
            expect(horizons, name).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
          }
        }
      }
    }
    expect(withCurrent).toBeGreaterThanOrEqual(14);
  });

  it("forecasts no hour in which the lane is always closed: Tecate (6 a.m. to 10 p.m.) seen from 8:30 p.m.", async () => {
    const evening = Date.parse("2025-10-29T03:30:00Z"); // Tuesday 8:30 p.m. in Tijuana
    const body = ForecastResponse.parse(await okJson(forecast("tecate", "", {}, src(db, evening))));
    const withWait = body.data.filter((l) => l.current !== null);
    expect(withWait.length).toBeGreaterThan(0);
    for (const lane of withWait) {
      const hours = lane.hours.map((h) => weekdayHour(Date.parse(h.at) / 1000).hour);
      // Its last reading of the day stays in effect up to 2 hours (10 and 11 p.m. may have one);
      // from 1 to 5 a.m. there is never an open wait, so no forecast either.
      expect(hours.filter((h) => h >= 1 && h <= 5), laneId(lane)).toEqual([]);
      expect(hours.some((h) => h >= 6 && h <= 8), laneId(lane)).toBe(true);
    }
  });

  it("best is the hour with the fewest minutes among those resting on history, the earliest on ties", async () => {
    let ties = 0;
    for (const port of PORTS) {
      const body = ForecastResponse.parse(await okJson(forecast(port.slug)));
      for (const lane of body.data) {
        // An hour that only carries today's wait forward says nothing about that hour.
        const informed = lane.hours.filter((h) => h.basis !== "current");
        if (informed.length === 0) {
          expect(lane.best).toBeNull();
          continue;
        }
        const min = Math.min(...informed.map((h) => h.minutes));
        const first = informed.find((h) => h.minutes === min)!;
        // A shorter hour that only carries today's wait means no hour is called best.
        const undercut = lane.hours.some((h) => h.basis === "current" && h.minutes < min);
        expect(lane.best, laneId(lane)).toEqual(undercut ? null : first);
        if (!undercut && informed.filter((h) => h.minutes === min).length > 1) ties++;
      }
    }
    // The real data has lanes whose forecast is flat (e.g. 3 minutes all day): ties are exercised.
    expect(ties).toBeGreaterThan(3);
  });

  it("mode and type keep only those lanes", async () => {
    const all = ForecastResponse.parse(await okJson(forecast("otay-mesa")));
    const body = ForecastResponse.parse(await okJson(forecast("otay-mesa", "?mode=commercial")));
    expect(body.data.map(laneId)).toEqual(["250602/commercial/standard", "250602/commercial/fast"]);
    expect(body.data).toEqual(all.data.filter((l) => l.mode === "commercial"));
    const one = ForecastResponse.parse(await okJson(forecast("san-ysidro", "?mode=pedestrian&type=ready")));
    expect(one.data.map(laneId)).toEqual(["250401/pedestrian/ready", "250407/pedestrian/ready"]);
    expect(ForecastResponse.parse(await okJson(forecast("tecate", "?type=fast"))).data).toEqual([]);
  });

  it("planned ports have no lanes; bad queries are 400, unknown ports 404", async () => {
    expect(ForecastResponse.parse(await okJson(forecast("otay-mesa-east"))).data).toEqual([]);
    for (const query of ["?mode=bus", "?hours=6", "?type=ready&type=ready", "?mode"]) await bad(forecast("san-ysidro", query));
    for (const slug of ["mexicali", "san-ysidro ", "../tecate"]) await bad(forecast(slug), 404);
  });

  it("sends an ETag and 304 for it", async () => {
    const etag = forecast("tecate").headers.get("etag")!;
    const again = forecast("tecate", "", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expectApiHeaders(again);
    // An hour later the forecast is another one.
    expect(forecast("tecate", "", { "if-none-match": etag }, src(db, NOW + HOUR * 1000)).status).toBe(200);
  });
});

describe("forecast accuracy", () => {
  const accuracy = (label: "recent" | "published", forecastScores: Record<number, { mae: number; n: number }>, computedAt: number): StoredAccuracy => ({
    label,
    computedAt,
    from: Date.parse("2025-09-01T07:00:00Z") / 1000,
    to: Date.parse("2025-10-01T07:00:00Z") / 1000,
    result: { forecast: forecastScores, persistence: forecastScores, typical: forecastScores },
    model: DEFAULT_MODEL,
  });

  it("quotes the stored forecast MAE at the first scored horizon at or after each hour", async () => {
    const copy = copyOf(db);
    const before = forecast("san-ysidro", "", {}, src(copy));
    const etag = before.headers.get("etag")!;
    // Horizon 3 has no cases: hour 3 falls through to horizon 6, as hours 4 and 5 do.
    saveAccuracy(copy, accuracy("published", { 1: { mae: 4.5, n: 40 }, 2: { mae: 6.25, n: 40 }, 3: { mae: 99, n: 0 }, 6: { mae: 9.75, n: 30 }, 12: { mae: 14, n: 20 } }, NOW_S - 86_400));
    const expected: Record<number, number> = { 1: 4.5, 2: 6.25, 3: 9.75, 4: 9.75, 5: 9.75, 6: 9.75, 7: 14, 8: 14, 9: 14, 10: 14, 11: 14, 12: 14 };

    const res = forecast("san-ysidro", "", { "if-none-match": etag }, src(copy));
    const body = ForecastResponse.parse(await okJson(res));
    expect(body.meta.accuracy).toEqual({ from: "2025-09-01T07:00:00.000Z", to: "2025-10-01T07:00:00.000Z", computedAt: "2025-10-28T18:30:00.000Z", kind: "published" });
    let checked = 0;
    let blends = 0;
    for (const lane of body.data) {
      for (const h of lane.hours) {
        // Only the blend on three-hour levels is what the backtest measured; a fallback (or a
        // blend on one hour's typical value, next to hours the lane is often closed) carries none.
        if (h.basis === "blend") {
          blends++;
          expect([expected[h.horizon], null], `${laneId(lane)} +${h.horizon}h`).toContain(h.expectedError);
          if (h.expectedError !== null) checked++;
        } else {
          expect(h.expectedError, `${laneId(lane)} +${h.horizon}h (${h.basis})`).toBeNull();
        }
      }
      if (lane.best) expect(lane.best).toEqual(lane.hours.find((h) => h.horizon === lane.best!.horizon));
    }
    expect(checked).toBeGreaterThan(50);
    expect(checked).toBeGreaterThan(blends * 0.8);
    // The forecast itself does not change with the accuracy quoted beside it.
    const plain = ForecastResponse.parse(await okJson(forecast("san-ysidro")));
    expect(body.data.map((l) => l.hours.map((h) => h.minutes))).toEqual(plain.data.map((l) => l.hours.map((h) => h.minutes)));
    copy.close();
  });

  it("prefers the server's 'recent' measurement to the published one; unscored far horizons stay null", async () => {
    const copy = copyOf(db);
    saveAccuracy(copy, accuracy("published", { 1: { mae: 4.5, n: 40 }, 2: { mae: 6, n: 40 }, 3: { mae: 7, n: 40 }, 6: { mae: 9, n: 30 }, 12: { mae: 14, n: 20 } }, NOW_S - 86_400));
    saveAccuracy(copy, accuracy("recent", { 1: { mae: 3, n: 10 }, 2: { mae: 5, n: 10 }, 3: { mae: 5.5, n: 10 }, 6: { mae: 8, n: 10 }, 12: { mae: 0, n: 0 } }, NOW_S - 3_600));
    // San Ysidro's 24-hour lanes reach the far horizons (Tecate closes at 10 p.m.: no forecast after).
    const body = ForecastResponse.parse(await okJson(forecast("san-ysidro", "", {}, src(copy))));
    expect(body.meta.accuracy).toMatchObject({ kind: "recent", computedAt: "2025-10-29T17:30:00.000Z" });
    const expected: Record<number, number | null> = { 1: 3, 2: 5, 3: 5.5, 4: 8, 5: 8, 6: 8, 7: null, 8: null, 9: null, 10: null, 11: null, 12: null };
    const hours = body.data.flatMap((l) => l.hours);
    expect(hours.length).toBeGreaterThan(12);
    expect(hours.filter((h) => h.basis === "blend").length).toBeGreaterThan(6);
    for (const h of hours) {
      // A blend on one hour's typical value (next to hours the lane is often closed) was not measured.
      if (h.basis === "blend") expect([expected[h.horizon], null], `+${h.horizon}h`).toContain(h.expectedError);
      else expect(h.expectedError, `+${h.horizon}h (${h.basis})`).toBeNull();
    }
    const measured = hours.filter((h) => h.basis === "blend" && h.horizon <= 6);
    expect(measured.filter((h) => h.expectedError === expected[h.horizon]).length).toBeGreaterThan(measured.length * 0.8);
    copy.close();
  });

  it("is null everywhere, with meta.accuracy null, when none is stored", async () => {
    const body = ForecastResponse.parse(await okJson(forecast("otay-mesa")));
    expect(body.meta.accuracy).toBeNull();
    expect(body.data.flatMap((l) => l.hours).every((h) => h.expectedError === null)).toBe(true);
  });
});
