import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AHEAD_TOLERANCE_MS, parseUpdateTime, resolveReadingTime } from "@/lib/cbp/update-time";
import { formatOffset, formatWallTimeIso, instantsForWallTime, offsetMinutesAt, previousDay, wallTimeAt, type WallTime } from "@/lib/time/zone";
import { clockOf, feedFixtures, fixtureText, wallClockOfIso } from "./support";

const LA = "America/Los_Angeles";
const MIN = 60_000;
const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallTime => ({ year, month, day, hour, minute, second });

/** Parses and resolves in one go; a reading the parser refuses is a test failure here. */
function resolve(text: string, portDate: { year: number; month: number; day: number } | null, feedIso: string, timeZone = LA) {
  const clock = parseUpdateTime(text);
  if (!clock) throw new Error(`unparsed: ${text}`);
  return resolveReadingTime(clock, { portDate, feedInstantMs: Date.parse(feedIso), timeZone });
}

describe("parseUpdateTime", () => {
  it.each([
    ["At 10:00 am PST", 10, 0, "PST"],
    ["At 12:30 am PDT", 0, 30, "PDT"],
    ["At 12:05 pm", 12, 5, ""],
    ["At 12:00 pm PDT", 12, 0, "PDT"],
    ["At 1:00 pm PDT", 13, 0, "PDT"],
    ["At 11:37 pm EDT", 23, 37, "EDT"],
    ["At Noon PDT", 12, 0, "PDT"],
    ["At Midnight PST", 0, 0, "PST"],
    ["At 0:58 am EDT", 0, 58, "EDT"],
    ["   At   10:00    am   PST  ", 10, 0, "PST"],
    ["At 9:00\tpm\u00a0PDT", 21, 0, "PDT"],
    ["At 3:15 p.m. MST", 15, 15, "MST"],
    ["At 8:00 pm AKST", 20, 0, "AKST"],
  ])("%j → %i:%i", (text, hour, minute, zoneLabel) => {
    expect(parseUpdateTime(text)).toEqual({ hour, minute, zoneLabel });
  });

  it.each(["", "   ", "\t\n"])("%j (no reading) → null", (text) => {
    expect(parseUpdateTime(text)).toBeNull();
  });

  it.each([
    "Update Pending",
    "N/A",
    "10:00 am PST",
    "At 10 am PST",
    "At 10:00 PST",
    "At 10:00 xm PST",
    "At 13:00 pm PST",
    "At 13:00 am PDT",
    "At 24:00 am PDT",
    "At 10:60 am PST",
    "At 10:5 am PST",
    "At Noonish PDT",
    "At 10:00 am Pacific Standard Time",
    "At 10:00 am PST extra",
  ])("%j (unreadable) → undefined", (text) => {
    expect(parseUpdateTime(text)).toBeUndefined();
  });

  it("reads every update_time in every recorded feed, agreeing with an independent reading of the text", () => {
    const seen = new Set<string>();
    for (const name of feedFixtures()) {
      const text = fixtureText(name);
      for (const m of text.matchAll(/<update_time>([^<]*)<\/update_time>|"update_time":\s*"([^"]*)"/g)) seen.add(m[1] ?? m[2] ?? "");
    }
    // The fixtures span 2014-2026 and all four US zones, including automated ports' odd minutes.
    expect(seen.size).toBeGreaterThan(40);
    for (const text of seen) {
      const expected = clockOf(text);
      const actual = parseUpdateTime(text);
      if (expected === null) expect(actual, text).toBeNull();
      else expect(actual && { hour: actual.hour, minute: actual.minute }, text).toEqual(expected);
    }
  });
});

describe("resolveReadingTime", () => {
  it("gives a winter reading -08:00 and a summer one -07:00, keeping CBP's wall clock", () => {
    // San Ysidro, fixture bwt-xml_2026-01-15T181012Z: feed generated 13:06:56 EST = 18:06:56Z.
    const winter = resolve("At 10:00 am PST", { year: 2026, month: 1, day: 15 }, "2026-01-15T18:06:56Z");
    expect(winter.iso).toBe("2026-01-15T10:00:00-08:00");
    expect(winter.instantMs).toBe(Date.parse("2026-01-15T18:00:00Z"));
    // San Ysidro, fixture bwtnew_2026-08-31T034144Z: "8/30/2026" "20:41:44" Pacific.
    const summer = resolve("At 8:00 pm PDT", { year: 2026, month: 8, day: 30 }, "2026-08-31T03:41:44Z");
    expect(summer.iso).toBe("2026-08-30T20:00:00-07:00");
    expect(summer.instantMs).toBe(Date.parse("2026-08-31T03:00:00Z"));
  });

  it("takes the offset from the zone rules, not from CBP's label", () => {
    // A PDT label on a January reading is a relabelling artefact; January is PST in San Diego.
    expect(resolve("At 9:00 am PDT", { year: 2026, month: 1, day: 15 }, "2026-01-15T18:06:56Z").iso).toBe("2026-01-15T09:00:00-08:00");
  });

  it("keeps a reading up to 70 minutes ahead of the feed on the feed's date", () => {
    const feed = "2026-01-15T18:00:00Z"; // 10:00 PST
    const date = { year: 2026, month: 1, day: 15 };
    expect(resolve("At 11:00 am PST", date, feed).iso).toBe("2026-01-15T11:00:00-08:00");
    // Exactly on the tolerance still counts as "just reported".
    expect(resolve("At 11:10 am PST", date, feed).iso).toBe("2026-01-15T11:10:00-08:00");
    expect(AHEAD_TOLERANCE_MS).toBe(70 * MIN);
  });

  it("moves a reading more than 70 minutes ahead to the previous day", () => {
    const feed = "2026-01-15T18:00:00Z";
    const date = { year: 2026, month: 1, day: 15 };
    expect(resolve("At 11:11 am PST", date, feed).iso).toBe("2026-01-14T11:11:00-08:00");
    expect(resolve("At 11:00 pm PST", date, feed).iso).toBe("2026-01-14T23:00:00-08:00");
    // CBX in bwtnew_2026-08-31T034144Z: "At 11:00 pm PDT" at 20:41 PDT is last night's reading.
    expect(resolve("At 11:00 pm PDT", { year: 2026, month: 8, day: 30 }, "2026-08-31T03:41:44Z").iso).toBe("2026-08-29T23:00:00-07:00");
  });

  it("crosses month and year boundaries when moving back a day", () => {
    expect(resolve("At 11:00 pm PST", { year: 2026, month: 1, day: 1 }, "2026-01-01T08:30:00Z").iso).toBe("2025-12-31T23:00:00-08:00");
    expect(resolve("At 10:00 pm PST", { year: 2024, month: 3, day: 1 }, "2024-03-01T09:00:00Z").iso).toBe("2024-02-29T22:00:00-08:00");
  });

  it("uses the port-local date of the feed instant when the record has no date", () => {
    // 07:30Z on Jan 15 is still Jan 14 in San Diego: the UTC date would be wrong by a day.
    expect(resolve("At 11:00 pm PST", null, "2026-01-15T07:30:00Z").iso).toBe("2026-01-14T23:00:00-08:00");
    expect(resolve("At 10:00 am PST", null, "2026-01-15T18:06:56Z").iso).toBe("2026-01-15T10:00:00-08:00");
  });

  it("copes with a port date one day ahead of the feed, as recorded at 23:59:55 PDT on 2025-04-06", () => {
    // bwt-sd_2025-04-07T070502Z: last_updated 2:59:55 EDT (23:59:55 PDT, Apr 6) but port date 4/7/2025.
    const feed = "2025-04-07T06:59:55Z";
    const date = { year: 2025, month: 4, day: 7 };
    expect(resolve("At 10:00 pm PDT", date, feed).iso).toBe("2025-04-06T22:00:00-07:00");
    expect(resolve("At Midnight PDT", date, feed).iso).toBe("2025-04-07T00:00:00-07:00");
  });

  describe("DST fall-back, 2025-11-02 (cbp-feed.md §6)", () => {
    const date = { year: 2025, month: 11, day: 2 };

    it("resolves the relabelled 'At Midnight PST' at 01:04 PST to midnight PDT", () => {
      const r = resolve("At Midnight PST", date, "2025-11-02T09:04:34Z");
      expect(r.iso).toBe("2025-11-02T00:00:00-07:00");
      expect(r.instantMs).toBe(Date.parse("2025-11-02T07:00:00Z"));
    });

    it("follows the label in the repeated 01:00 hour when it does not put the reading in the future", () => {
      expect(resolve("At 1:00 am PST", date, "2025-11-02T09:04:34Z").iso).toBe("2025-11-02T01:00:00-08:00");
      expect(resolve("At 1:00 am PDT", date, "2025-11-02T09:04:34Z").iso).toBe("2025-11-02T01:00:00-07:00");
      expect(resolve("At 1:00 am PDT", date, "2025-11-02T08:20:00Z").iso).toBe("2025-11-02T01:00:00-07:00");
    });

    it("ignores a label that would put the reading more than 70 minutes ahead", () => {
      // 00:50 PDT: 1:30 PST would be 100 min ahead, 1:30 PDT only 40 min.
      const r = resolve("At 1:30 am PST", date, "2025-11-02T07:50:00Z");
      expect(r.iso).toBe("2025-11-02T01:30:00-07:00");
      expect(r.instantMs).toBe(Date.parse("2025-11-02T08:30:00Z"));
    });

    it("gives readings after the repeated hour the PST offset", () => {
      expect(resolve("At 2:00 am PST", date, "2025-11-02T10:04:00Z").iso).toBe("2025-11-02T02:00:00-08:00");
      expect(resolve("At 11:00 pm PST", { year: 2025, month: 11, day: 2 }, "2025-11-03T07:30:00Z").iso).toBe("2025-11-02T23:00:00-08:00");
    });
  });

  describe("DST spring-forward, 2026-03-08 (not captured, §6 open question)", () => {
    const date = { year: 2026, month: 3, day: 8 };

    it("keeps the non-existent 02:00 wall clock, with the offset in force after the gap, without throwing", () => {
      const r = resolve("At 2:00 am PDT", date, "2026-03-08T10:04:00Z");
      expect(wallClockOfIso(r.iso)).toEqual({ hour: 2, minute: 0 });
      expect(r.iso).toBe("2026-03-08T02:00:00-07:00");
      expect(r.instantMs).toBe(Date.parse(r.iso));
      const half = resolve("At 2:30 am PST", date, "2026-03-08T10:04:00Z");
      expect(half.iso).toBe("2026-03-08T02:30:00-07:00");
      expect(half.instantMs).toBe(Date.parse(half.iso));
    });

    it("picks the post-gap offset east of Greenwich too (the choice must not depend on the zone's sign)", () => {
      // Berlin skips 02:00-03:00 on 2026-03-29; after the gap it is UTC+2.
      const r = resolve("At 2:30 am CEST", { year: 2026, month: 3, day: 29 }, "2026-03-29T02:00:00Z", "Europe/Berlin");
      expect(r.iso).toBe("2026-03-29T02:30:00+02:00");
    });

    it("resolves the hours either side of the gap normally", () => {
      expect(resolve("At 1:00 am PST", date, "2026-03-08T10:04:00Z").iso).toBe("2026-03-08T01:00:00-08:00");
      expect(resolve("At 3:00 am PDT", date, "2026-03-08T10:04:00Z").iso).toBe("2026-03-08T03:00:00-07:00");
    });
  });

  it("property: any clock on the feed's local date lands between 70 min ahead and 25 h behind, wall clock intact", () => {
    const start = Date.parse("2024-01-01T00:00:00Z");
    const end = Date.parse("2027-12-31T00:00:00Z");
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (feedMs, hour, minute) => {
        const local = wallTimeAt(feedMs, LA);
        const r = resolveReadingTime({ hour, minute, zoneLabel: "PST" }, { portDate: local, feedInstantMs: feedMs, timeZone: LA });
        expect(wallClockOfIso(r.iso)).toEqual({ hour, minute });
        expect(Date.parse(r.iso)).toBe(r.instantMs);
        expect(r.instantMs - feedMs).toBeLessThanOrEqual(AHEAD_TOLERANCE_MS);
        expect(feedMs - r.instantMs).toBeLessThanOrEqual(25 * 60 * MIN);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("lib/time/zone", () => {
  it("finds two instants for 01:30 on the 2025 fall-back day in Los Angeles", () => {
    expect(instantsForWallTime(wall(2025, 11, 2, 1, 30), LA)).toEqual([Date.parse("2025-11-02T08:30:00Z"), Date.parse("2025-11-02T09:30:00Z")]);
  });

  it("finds none for 02:30 on the 2026 spring-forward day", () => {
    expect(instantsForWallTime(wall(2026, 3, 8, 2, 30), LA)).toEqual([]);
  });

  it.each([
    [wall(2026, 3, 8, 1, 30), "2026-03-08T09:30:00Z"],
    [wall(2026, 3, 8, 3, 30), "2026-03-08T10:30:00Z"],
    [wall(2025, 11, 2, 0, 30), "2025-11-02T07:30:00Z"],
    [wall(2025, 11, 2, 2, 30), "2025-11-02T10:30:00Z"],
    [wall(2026, 1, 15, 10, 0), "2026-01-15T18:00:00Z"],
    [wall(2026, 7, 4, 12, 0, 59), "2026-07-04T19:00:59Z"],
  ])("finds exactly one instant for an ordinary wall time %#", (w, iso) => {
    expect(instantsForWallTime(w, LA)).toEqual([Date.parse(iso)]);
  });

  it("handles the Eastern fall-back used by the XML last_updated fields", () => {
    expect(instantsForWallTime(wall(2025, 11, 2, 1, 58, 45), "America/New_York")).toEqual([
      Date.parse("2025-11-02T05:58:45Z"),
      Date.parse("2025-11-02T06:58:45Z"),
    ]);
  });

  it("property: every instant is found again from its own wall-clock time", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse("2020-01-01T00:00:00Z") / 1000, max: Date.parse("2030-01-01T00:00:00Z") / 1000 }), (sec) => {
        const t = sec * 1000;
        const found = instantsForWallTime(wallTimeAt(t, LA), LA);
        expect(found).toContain(t);
        expect(found.length).toBeGreaterThanOrEqual(1);
        expect(found.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 1000 },
    );
  });

  it("reports UTC offsets in minutes", () => {
    expect(offsetMinutesAt(Date.parse("2026-01-15T18:00:00Z"), LA)).toBe(-480);
    expect(offsetMinutesAt(Date.parse("2026-08-31T03:41:44Z"), LA)).toBe(-420);
    // Either side of the fall-back instant 09:00Z.
    expect(offsetMinutesAt(Date.parse("2025-11-02T08:59:59Z"), LA)).toBe(-420);
    expect(offsetMinutesAt(Date.parse("2025-11-02T09:00:00Z"), LA)).toBe(-480);
  });

  it.each([
    [-420, "-07:00"],
    [-480, "-08:00"],
    [0, "+00:00"],
    [60, "+01:00"],
    [330, "+05:30"],
    [-570, "-09:30"],
    [-30, "-00:30"],
    [840, "+14:00"],
  ])("formatOffset(%i) = %s", (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text);
  });

  it("formats zero-padded ISO wall times", () => {
    expect(formatWallTimeIso(wall(2025, 3, 8, 8, 0), -420)).toBe("2025-03-08T08:00:00-07:00");
  });

  it("steps back across month, leap-day and year boundaries", () => {
    expect(previousDay(wall(2024, 3, 1, 22, 15))).toEqual(wall(2024, 2, 29, 22, 15));
    expect(previousDay(wall(2025, 3, 1))).toEqual(wall(2025, 2, 28));
    expect(previousDay(wall(2026, 1, 1, 23))).toEqual(wall(2025, 12, 31, 23));
  });
});
