/**
 * parseDateArg: a day is local midnight in the given zone (23- and 25-hour days included), a
 * date-time with an offset is taken as written, anything else is null.
 */
import { describe, expect, it } from "vitest";
import { parseDateArg } from "@/lib/history/dates";
import { at, LA } from "./support";

describe("parseDateArg with a day", () => {
  it.each([
    ["2025-10-22", "2025-10-22T07:00:00Z", "2025-10-23T07:00:00Z"], // PDT, UTC−7
    ["2025-01-15", "2025-01-15T08:00:00Z", "2025-01-16T08:00:00Z"], // PST, UTC−8
    ["2025-03-09", "2025-03-09T08:00:00Z", "2025-03-10T07:00:00Z"], // spring forward: a 23-hour day
    ["2025-11-02", "2025-11-02T07:00:00Z", "2025-11-03T08:00:00Z"], // fall back: a 25-hour day
    ["2025-12-31", "2025-12-31T08:00:00Z", "2026-01-01T08:00:00Z"], // end of day rolls into the next year
    ["2024-02-29", "2024-02-29T08:00:00Z", "2024-03-01T08:00:00Z"], // leap day
    ["2025-02-28", "2025-02-28T08:00:00Z", "2025-03-01T08:00:00Z"],
  ])("%s in Los Angeles: starts %s, ends %s", (text, start, end) => {
    expect(parseDateArg(text, LA)).toBe(at(start));
    expect(parseDateArg(text, LA, { endOfDay: false })).toBe(at(start));
    expect(parseDateArg(text, LA, { endOfDay: true })).toBe(at(end));
  });

  it("uses the zone it is given", () => {
    expect(parseDateArg("2025-10-22", "UTC")).toBe(at("2025-10-22T00:00:00Z"));
    expect(parseDateArg("2025-10-22", "Europe/Paris")).toBe(at("2025-10-21T22:00:00Z"));
    expect(parseDateArg("2025-10-22", "Asia/Tokyo", { endOfDay: true })).toBe(at("2025-10-22T15:00:00Z"));
  });

  it("starts a day whose midnight happens twice at the first one (Havana falls back from 1 am to midnight)", () => {
    expect(parseDateArg("2025-11-02", "America/Havana")).toBe(at("2025-11-02T04:00:00Z")); // 00:00 CDT, not 00:00 CST
    expect(parseDateArg("2025-11-01", "America/Havana", { endOfDay: true })).toBe(at("2025-11-02T04:00:00Z"));
    expect(parseDateArg("2025-11-02", "America/Havana", { endOfDay: true })).toBe(at("2025-11-03T05:00:00Z"));
  });

  it.each(["2025-02-29", "2025-02-30", "2025-04-31", "2025-06-31", "2025-01-32", "2025-01-00", "2025-13-01", "2025-00-10", "2025-99-01"])("%s is not a day: null", (text) => {
    expect(parseDateArg(text, LA)).toBeNull();
    expect(parseDateArg(text, LA, { endOfDay: true })).toBeNull();
  });
});

describe("parseDateArg with a date-time", () => {
  it.each([
    ["2025-10-22T00:00:00-07:00", "2025-10-22T07:00:00Z"],
    ["2025-10-22T07:00:00Z", "2025-10-22T07:00:00Z"],
    ["2025-10-22T07:00Z", "2025-10-22T07:00:00Z"],
    ["2025-10-22T07:00:00.999Z", "2025-10-22T07:00:00Z"], // whole seconds, rounded down
    ["2025-10-22T07:00:00.5+05:30", "2025-10-22T01:30:00Z"],
    ["2025-11-02T01:30:00-08:00", "2025-11-02T09:30:00Z"], // the second 1:30 of the fall-back night
    ["2025-10-22T12:00:00 05:00", "2025-10-22T07:00:00Z"], // "+05:00" typed into a URL unencoded
  ])("%s is taken as written", (text, instant) => {
    expect(parseDateArg(text, LA)).toBe(at(instant));
    // endOfDay only applies to a bare day.
    expect(parseDateArg(text, LA, { endOfDay: true })).toBe(at(instant));
    expect(parseDateArg(text, "Asia/Tokyo")).toBe(at(instant));
  });
});

describe("parseDateArg with anything else", () => {
  it.each([
    "",
    "yesterday",
    "2025-1-5",
    "2025/10/22",
    "20251022",
    " 2025-10-22",
    "2025-10-22 ",
    "2025-10-22T07:00:00", // no offset: ambiguous
    "2025-10-22 07:00:00Z",
    "2025-10-22T07Z",
    "2025-10-22T07:00:00+0700",
    "2025-10-22T25:00:00Z",
    "2025-10-22T07:60:00Z",
    "2025-10-32T00:00:00Z",
    "2025-02-30T00:00:00Z", // Date.parse alone would roll it over to March 2
    "2025-04-31T12:00:00-07:00",
    "2025-13-01T00:00:00Z",
    "2025-10-22T24:00:00Z", // Date.parse alone would read the next midnight
    "2025-10-22T07:00:00+25:00",
    "1761116400",
    "9999-12-31",
    "3000-01-01T00:00:00Z",
    "1969-12-31",
    "0001-01-01T00:00:00Z",
    "2025-10-22T12:00:00  05:00",
  ])("%j → null", (text) => {
    expect(parseDateArg(text, LA)).toBeNull();
    expect(parseDateArg(text, LA, { endOfDay: true })).toBeNull();
  });
});
