/**
 * The pure display rules behind the pages: wait levels, ages, local days, regional time formats
 * and CBP's hours text.
 */
import { describe, expect, it } from "vitest";
import { parseCbpHours } from "@/components/ports/hours";
import { describeAge, isSameLocalDay, waitLevel } from "@/components/ui/format";
import { formatDateTime } from "@/components/ui/use-date-time";

describe("waitLevel", () => {
  it.each([
    [0, "light"],
    [19, "light"],
    [20, "moderate"],
    [59, "moderate"],
    [60, "heavy"],
    [1120, "heavy"],
  ] as const)("%i min is %s", (minutes, level) => {
    expect(waitLevel(minutes)).toBe(level);
  });
});

describe("describeAge", () => {
  const now = Date.parse("2026-01-15T18:00:00Z");
  it.each([
    [now - 30_000, { kind: "justNow" }],
    [now + 600_000, { kind: "justNow" }], // CBP readings slightly ahead of our clock
    [now - 23 * 60_000, { kind: "minutes", minutes: 23 }],
    [now - 125 * 60_000, { kind: "hours", hours: 2, minutes: 5 }],
    [now - 120 * 60_000, { kind: "hours", hours: 2, minutes: 0 }],
    [now - 3 * 86_400_000, { kind: "days", days: 3 }],
  ])("%i", (from, expected) => {
    expect(describeAge(from, now)).toEqual(expected);
  });
});

describe("isSameLocalDay", () => {
  it("compares calendar days in the port's zone, not in UTC", () => {
    // Different UTC days, same Pacific day: 15:30 and 23:30 PST on the 15th.
    expect(isSameLocalDay(Date.parse("2026-01-15T23:30:00Z"), Date.parse("2026-01-16T07:30:00Z"), "America/Los_Angeles")).toBe(true);
    expect(isSameLocalDay(Date.parse("2026-01-16T07:30:00Z"), Date.parse("2026-01-16T08:30:00Z"), "America/Los_Angeles")).toBe(false);
  });
});

describe("formatDateTime", () => {
  const twoPm = Date.parse("2026-01-15T22:00:00Z");
  it("writes Tijuana's 12-hour clock in Spanish and San Diego's in English", () => {
    const opts = { hour: "numeric", minute: "2-digit", timeZone: "America/Los_Angeles" } as const;
    expect(formatDateTime("es", twoPm, opts)).toMatch(/^2:00\s?p\.\s?m\.$/);
    expect(formatDateTime("en", twoPm, opts)).toMatch(/^2:00\sPM$/);
  });
});

describe("parseCbpHours", () => {
  it.each([
    ["24 hrs/day", { kind: "always" }],
    ["6 am-2 pm", { kind: "range", from: 6, to: 14 }],
    ["6 am-10 pm", { kind: "range", from: 6, to: 22 }],
    ["6 am-Midnight", { kind: "range", from: 6, to: "midnight" }],
    ["3 am-Midnight", { kind: "range", from: 3, to: "midnight" }],
    ["12 am-Noon", { kind: "range", from: 0, to: 12 }],
    [" 9 am - 5 pm ", { kind: "range", from: 9, to: 17 }],
  ] as const)("%s", (text, expected) => {
    expect(parseCbpHours(text)).toEqual(expected);
  });

  it.each(["6 am-10 pm Mon-Fri", "Closed", "", "13 am-2 pm"])("leaves %j as CBP wrote it", (text) => {
    expect(parseCbpHours(text)).toBeNull();
  });
});
