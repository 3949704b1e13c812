import { describe, expect, it } from "vitest";
import { parseAlertArgs } from "@/lib/cli/alert-args";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const REQUIRED = ["--title-en", "Closure", "--title-es", "Cierre", "--body-en", "Road work.", "--body-es", "Obras."];

describe("npm run alert:add arguments", () => {
  it("defaults: published now, for every port, severity info, no end", () => {
    expect(parseAlertArgs(REQUIRED, NOW)).toEqual({
      ok: true,
      input: { titleEn: "Closure", titleEs: "Cierre", bodyEn: "Road work.", bodyEs: "Obras.", severity: "info", ports: [], startsAt: NOW, endsAt: null, status: "published" },
    });
  });

  it("all options", () => {
    const r = parseAlertArgs([...REQUIRED, "--severity", "critical", "--ports", "tecate, san-ysidro", "--starts", "2026-03-02T06:00:00-08:00", "--ends", "2026-03-02T18:00:00Z"], NOW);
    expect(r).toMatchObject({ ok: true, input: { severity: "critical", ports: ["san-ysidro", "tecate"], startsAt: Date.parse("2026-03-02T14:00:00Z"), endsAt: Date.parse("2026-03-02T18:00:00Z"), status: "published" } });
  });

  it("refuses what would make a bad alert, with a message", () => {
    for (const argv of [
      REQUIRED.slice(0, 6),
      [...REQUIRED, "--severity", "high"],
      [...REQUIRED, "--ports", "tijuana"],
      [...REQUIRED, "--starts", "tomorrow"],
      [...REQUIRED, "--ends", "2026-03-01T11:00:00Z"],
      [...REQUIRED, "--colour", "red"],
      [...REQUIRED, "extra"],
    ]) {
      const r = parseAlertArgs(argv, NOW);
      expect(r.ok, argv.join(" ")).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/\S/);
    }
  });
});
