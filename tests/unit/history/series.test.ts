/**
 * The reading history as a step function: which reading is in effect when, the weekday-hour
 * buckets (including both daylight-saving changes in Los Angeles) and the hourly samples.
 */
import { describe, expect, it } from "vitest";
import {
  bucketOf,
  bucketRange,
  DAY_S,
  floorHour,
  HOUR_S,
  hourlySeries,
  lastIndexAtOrBefore,
  rangeValues,
  READING_LIFETIME_S,
  readingInEffect,
  WEEK_S,
  type HistoryReading,
} from "@/lib/history/series";
import { at, bucketValues, closed, hourlyReadings, int, LA, openWaitAt, reading, rng } from "./support";

describe("constants", () => {
  it("keeps a reading in effect for two hours", () => {
    expect([HOUR_S, DAY_S, WEEK_S, READING_LIFETIME_S]).toEqual([3600, 86_400, 604_800, 7200]);
  });
});

describe("lastIndexAtOrBefore", () => {
  const rs = [reading(100, 1), reading(200, 2), reading(300, 3)];

  it.each([
    [99, -1],
    [100, 0],
    [199, 0],
    [200, 1],
    [250, 1],
    [300, 2],
    [1e12, 2],
  ])("t=%d → %d", (t, i) => {
    expect(lastIndexAtOrBefore(rs, t)).toBe(i);
  });

  it("is -1 for no readings", () => {
    expect(lastIndexAtOrBefore([], 0)).toBe(-1);
  });

  it("matches a linear scan on random sorted readings (duplicate times included)", () => {
    const rand = rng(11);
    for (let trial = 0; trial < 300; trial++) {
      const times = Array.from({ length: int(rand, 0, 25) }, () => int(rand, 0, 60)).sort((a, b) => a - b);
      const readings = times.map((t) => reading(t, 0));
      for (let t = -2; t <= 62; t++) {
        let expected = -1;
        readings.forEach((r, i) => {
          if (r.observedAt <= t) expected = i;
        });
        expect(lastIndexAtOrBefore(readings, t)).toBe(expected);
      }
    }
  });
});

describe("readingInEffect and openWaitAt", () => {
  const T = at("2025-06-02T15:00:00Z");

  it("takes the latest reading at or before t while it is younger than READING_LIFETIME_S", () => {
    const rs = [reading(T, 25), reading(T + HOUR_S, 40)];
    expect(readingInEffect(rs, T - 1)).toBeNull();
    expect(readingInEffect(rs, T)).toBe(rs[0]);
    expect(readingInEffect(rs, T + HOUR_S - 1)).toBe(rs[0]);
    expect(readingInEffect(rs, T + HOUR_S)).toBe(rs[1]);
    expect(readingInEffect(rs, T + HOUR_S + READING_LIFETIME_S - 1)).toBe(rs[1]);
    // Exactly two hours old: no longer in effect.
    expect(readingInEffect(rs, T + HOUR_S + READING_LIFETIME_S)).toBeNull();
    expect(openWaitAt(rs, T + HOUR_S + READING_LIFETIME_S - 1)).toBe(40);
    expect(openWaitAt(rs, T + HOUR_S + READING_LIFETIME_S)).toBeNull();
  });

  it("does not fall back to an earlier open reading when the latest one is closed", () => {
    const rs = [reading(T, 10), closed(T + 600)];
    expect(openWaitAt(rs, T + 599)).toBe(10);
    expect(openWaitAt(rs, T + 600)).toBeNull();
    expect(readingInEffect(rs, T + 600)).toBe(rs[1]);
  });

  it("reports closed and pending readings as in effect but without an open wait", () => {
    const rs = [reading(T, 15), closed(T + 60), reading(T + 120, null, "pending"), reading(T + 180, null), reading(T + 240, 0)];
    expect(readingInEffect(rs, T + 60)?.status).toBe("closed");
    expect(openWaitAt(rs, T + 59)).toBe(15);
    expect(openWaitAt(rs, T + 60)).toBeNull();
    expect(openWaitAt(rs, T + 120)).toBeNull();
    // Open without a delay (CBP's blank "delay_minutes"): no wait to report.
    expect(openWaitAt(rs, T + 180)).toBeNull();
    // A zero-minute wait is a wait, not a missing one.
    expect(openWaitAt(rs, T + 240)).toBe(0);
  });
});

describe("floorHour", () => {
  it("rounds down to the start of the hour", () => {
    expect(floorHour(at("2025-06-02T15:59:59Z"))).toBe(at("2025-06-02T15:00:00Z"));
    expect(floorHour(at("2025-06-02T15:00:00Z"))).toBe(at("2025-06-02T15:00:00Z"));
  });
});

describe("bucketOf", () => {
  it("numbers weekday·24 + hour from Sunday 0 h in the given zone", () => {
    // 2025-01-05 is a Sunday.
    expect(bucketOf(at("2025-01-05T00:00:00Z"), "UTC")).toBe(0);
    expect(bucketOf(at("2025-01-05T00:59:59Z"), "UTC")).toBe(0);
    expect(bucketOf(at("2025-01-06T01:30:00Z"), "UTC")).toBe(25); // Monday 1 h
    expect(bucketOf(at("2025-01-08T13:00:00Z"), "UTC")).toBe(3 * 24 + 13); // Wednesday 13 h
    expect(bucketOf(at("2025-01-11T23:59:59Z"), "UTC")).toBe(167); // Saturday 23 h
    // Los Angeles in winter (PST, UTC−8): Sunday 2025-01-05 00:00 local is 08:00 UTC.
    expect(bucketOf(at("2025-01-05T08:00:00Z"), LA)).toBe(0);
    expect(bucketOf(at("2025-01-05T07:59:59Z"), LA)).toBe(167);
  });

  it("keeps zones apart (the per-zone cache does not leak)", () => {
    const t = at("2025-07-06T02:00:00Z"); // Sunday 02:00 UTC = Saturday 19:00 PDT
    expect(bucketOf(t, LA)).toBe(6 * 24 + 19);
    expect(bucketOf(t, "UTC")).toBe(2);
    expect(bucketOf(t, LA)).toBe(6 * 24 + 19);
  });

  it("skips 2 am on the spring-forward Sunday (2025-03-09)", () => {
    expect(bucketOf(at("2025-03-09T08:00:00Z"), LA)).toBe(0); // 00:00 PST
    expect(bucketOf(at("2025-03-09T09:00:00Z"), LA)).toBe(1); // 01:00 PST
    expect(bucketOf(at("2025-03-09T09:59:59Z"), LA)).toBe(1);
    expect(bucketOf(at("2025-03-09T10:00:00Z"), LA)).toBe(3); // 03:00 PDT, one UTC hour later
    expect(bucketOf(at("2025-03-09T11:00:00Z"), LA)).toBe(4);
    // Saturday evening before, still PST; Monday after, PDT.
    expect(bucketOf(at("2025-03-09T07:00:00Z"), LA)).toBe(6 * 24 + 23);
    expect(bucketOf(at("2025-03-10T07:00:00Z"), LA)).toBe(24); // Monday 00:00 PDT

    // The local Sunday has 23 hours and no bucket 2.
    const sunday: number[] = [];
    for (let t = at("2025-03-09T08:00:00Z"); t < at("2025-03-10T07:00:00Z"); t += HOUR_S) sunday.push(bucketOf(t, LA));
    expect(sunday).toEqual([0, 1, ...Array.from({ length: 21 }, (_, i) => i + 3)]);
  });

  it("maps both 1 am hours of the fall-back Sunday (2025-11-02) to bucket 1", () => {
    expect(bucketOf(at("2025-11-02T07:00:00Z"), LA)).toBe(0); // 00:00 PDT
    expect(bucketOf(at("2025-11-02T08:00:00Z"), LA)).toBe(1); // 01:00 PDT
    expect(bucketOf(at("2025-11-02T09:00:00Z"), LA)).toBe(1); // 01:00 PST
    expect(bucketOf(at("2025-11-02T10:00:00Z"), LA)).toBe(2); // 02:00 PST
    expect(bucketOf(at("2025-11-03T08:00:00Z"), LA)).toBe(24); // Monday 00:00 PST
    expect(bucketOf(at("2025-11-03T09:00:00Z"), LA)).toBe(25); // Monday 01:00 PST

    const sunday: number[] = [];
    for (let t = at("2025-11-02T07:00:00Z"); t < at("2025-11-03T08:00:00Z"); t += HOUR_S) sunday.push(bucketOf(t, LA));
    expect(sunday).toEqual([0, 1, 1, ...Array.from({ length: 22 }, (_, i) => i + 2)]);
  });

  it("over the local year 2025 gives every bucket 52 hours, Wednesdays 53, Sunday 1 am one more and Sunday 2 am one fewer", () => {
    // 2025 has 365 days and starts on a Wednesday; the two changes cancel out over the year.
    const start = at("2025-01-01T08:00:00Z");
    const end = at("2026-01-01T08:00:00Z");
    const series = hourlySeries([], start, end, LA);
    expect(series.values.length).toBe(8760);
    const counts = series.byBucket.map((idx) => idx.length);
    const expected = Array.from({ length: 168 }, (_, b) => (Math.floor(b / 24) === 3 ? 53 : 52));
    expected[1]! += 1;
    expected[2]! -= 1;
    expect(counts).toEqual(expected);
  });
});

describe("hourlySeries", () => {
  const T = at("2025-01-06T00:00:00Z"); // Monday

  it("samples the open wait in effect at each hour boundary: closed, pending, blank and expired hours are NaN", () => {
    const rs: HistoryReading[] = [
      reading(T - 30 * 60, 10), // in effect at T
      reading(T + 10 * 60, 20), // replaced before the next boundary: never sampled
      closed(T + HOUR_S), // exactly on the boundary: counts for it
      reading(T + 2 * HOUR_S, null, "pending"),
      reading(T + 3 * HOUR_S, null), // open, but CBP gave no delay
      reading(T + 3 * HOUR_S + 30 * 60, 0), // a zero wait is a wait; still in effect at T+5h (1.5 h old), not at T+6h
      reading(T + 7 * HOUR_S, 40),
    ];
    const s = hourlySeries(rs, T, T + 9 * HOUR_S, "UTC");
    expect(s.start).toBe(T);
    expect(Array.from(s.values)).toEqual([10, NaN, NaN, NaN, 0, 0, NaN, 40, 40]);
    expect(Array.from(s.buckets)).toEqual([24, 25, 26, 27, 28, 29, 30, 31, 32]);
  });

  it("uses only readings at or before each boundary", () => {
    const rs = [reading(T + 1, 99)];
    expect(Array.from(hourlySeries(rs, T, T + 2 * HOUR_S, "UTC").values)).toEqual([NaN, 99]);
    expect(Array.from(hourlySeries([reading(T, 7)], T, T + HOUR_S, "UTC").values)).toEqual([7]);
  });

  it("drops a reading exactly READING_LIFETIME_S old at the boundary, keeps one a second younger", () => {
    expect(Array.from(hourlySeries([reading(T - READING_LIFETIME_S, 5)], T, T + HOUR_S, "UTC").values)).toEqual([NaN]);
    expect(Array.from(hourlySeries([reading(T - READING_LIFETIME_S + 1, 5)], T, T + HOUR_S, "UTC").values)).toEqual([5]);
  });

  it("starts at the hour containing `start` and excludes `end`", () => {
    expect(hourlySeries([], T + 15 * 60, T + 3 * HOUR_S, "UTC")).toMatchObject({ start: T, values: new Float64Array(3).fill(NaN) });
    expect(hourlySeries([], T, T + 3 * HOUR_S + 1, "UTC").values.length).toBe(4);
    expect(hourlySeries([], T, T, "UTC").values.length).toBe(0);
    expect(hourlySeries([], T, T - 5 * HOUR_S, "UTC").values.length).toBe(0);
  });

  it("equals openWaitAt at every boundary and indexes every hour under its bucket (random histories, Los Angeles across both changes)", () => {
    const rand = rng(2025);
    const statuses = ["open", "open", "open", "closed", "pending"] as const;
    for (let trial = 0; trial < 40; trial++) {
      const start = at("2025-02-20T00:00:00Z") + int(rand, 0, 300 * DAY_S);
      const end = start + int(rand, 0, 30 * DAY_S);
      const rs: HistoryReading[] = [];
      let t = start - int(rand, 0, 3 * HOUR_S);
      while (t < end + HOUR_S) {
        const status = statuses[int(rand, 0, statuses.length - 1)]!;
        rs.push(reading(t, status === "open" ? int(rand, 0, 180) : null, status));
        t += int(rand, 60, 4 * HOUR_S); // from a minute to four hours apart
      }
      const s = hourlySeries(rs, start, end, LA);
      const first = floorHour(start);
      const expected = Array.from({ length: Math.ceil((end - first) / HOUR_S) }, (_, k) => openWaitAt(rs, first + k * HOUR_S) ?? NaN);
      expect(Array.from(s.values)).toEqual(expected);
      expect(Array.from(s.buckets)).toEqual(expected.map((_, k) => bucketOf(first + k * HOUR_S, LA)));
      const indexed = s.byBucket.flatMap((idx, b) => {
        expect(idx).toEqual([...idx].sort((x, y) => x - y));
        for (const k of idx) expect(s.buckets[k]).toBe(b);
        return idx;
      });
      expect(indexed.sort((x, y) => x - y)).toEqual(expected.map((_, k) => k));
    }
  });
});

describe("bucketRange, rangeValues and bucketValues", () => {
  const T = at("2025-01-06T00:00:00Z"); // Monday 0 h, bucket 24
  // Three weeks of readings on the hour; the wait is the hour's index, so values name their hours.
  const rs = hourlyReadings(T, 3 * 168, (_, k) => (k === 168 + 5 ? null : k));
  const s = hourlySeries(rs, T, T + 3 * WEEK_S, "UTC");

  it("takes the hours in [from, to): the one at `from` in, the one at `to` out", () => {
    expect(s.byBucket[24]).toEqual([0, 168, 336]);
    expect(bucketValues(s, 24, T, T + 2 * WEEK_S)).toEqual([0, 168]);
    expect(bucketValues(s, 24, T, T + 2 * WEEK_S + 1)).toEqual([0, 168, 336]);
    expect(bucketValues(s, 24, T + 1, T + 3 * WEEK_S)).toEqual([168, 336]);
    expect(bucketValues(s, 24, T + WEEK_S, T + WEEK_S)).toEqual([]);
    expect(bucketRange(s, 24, T + 1, T + 3 * WEEK_S)).toEqual([1, 3]);
    expect(bucketRange(s, 24, T, T)).toEqual([0, 0]);
  });

  it("clamps windows that reach outside the series", () => {
    expect(bucketValues(s, 24, T - 5 * WEEK_S, T + 1)).toEqual([0]);
    expect(bucketRange(s, 24, T - 5 * WEEK_S, T - WEEK_S)).toEqual([0, 0]);
    expect(bucketValues(s, 24, T + 2 * WEEK_S + 1, T + 10 * WEEK_S)).toEqual([]);
    expect(bucketRange(s, 24, T, T + 10 * WEEK_S)).toEqual([0, 3]);
  });

  it("leaves out closed hours and appends to `out`", () => {
    expect(bucketValues(s, 29, T, T + 3 * WEEK_S)).toEqual([5, 341]); // the second Monday 5 h was closed
    expect(bucketRange(s, 29, T, T + 3 * WEEK_S)).toEqual([0, 3]);
    const out = [-1];
    expect(rangeValues(s, 30, [1, 3], out)).toBe(out);
    expect(out).toEqual([-1, 174, 342]);
  });

  it("on a series that starts mid-week, windows still select by time (Wednesday 13 h, bucket 85)", () => {
    const mid = hourlySeries(rs, T + 2 * DAY_S + 5 * HOUR_S, T + 3 * WEEK_S, "UTC");
    expect(mid.start).toBe(T + 53 * HOUR_S);
    // Wednesday 13 h is hour 2·24 + 13 = 61 of the first week.
    expect(bucketValues(mid, 85, T, T + 3 * WEEK_S)).toEqual([61, 229, 397]);
    expect(bucketValues(mid, 85, T + 61 * HOUR_S + 1, T + 229 * HOUR_S + 1)).toEqual([229]);
  });
});
