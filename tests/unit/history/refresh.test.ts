/**
 * The daily refit: claimed once per day across processes, and what it stores.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importHistory } from "@/lib/history/import";
import { claimRefit, refreshForecast, REFIT_EVERY_S } from "@/lib/history/refresh";
import { readAccuracy, readForecastModel } from "@/lib/history/store";
import { emptyDb } from "@/tests/unit/support/waits-fixtures";

const NOW = Date.parse("2025-10-31T20:00:00Z");

describe("claimRefit", () => {
  it("grants one refit per day: the first caller wins, the next must wait a day", () => {
    const db = emptyDb();
    expect(claimRefit(db, NOW)).toBe(true);
    expect(readForecastModel(db)?.fittedAt).toBe(NOW / 1000);
    expect(claimRefit(db, NOW)).toBe(false);
    expect(claimRefit(db, NOW + (REFIT_EVERY_S - 1) * 1000)).toBe(false);
    expect(claimRefit(db, NOW + REFIT_EVERY_S * 1000)).toBe(true);
  });
});

describe("refreshForecast", () => {
  it("stores a model fitted up to the current hour and the last 28 days' accuracy, with no target past now", async () => {
    const db = emptyDb();
    await importHistory(db, [path.resolve("tests/fixtures/cbp-archive/bwt-sd_2025-10.tar.gz")]);
    await refreshForecast(db, NOW);
    const model = readForecastModel(db)!;
    expect(model.trainedUntil).toBe(NOW / 1000);
    const recent = readAccuracy(db, "recent")!;
    expect(recent.to).toBe(NOW / 1000);
    expect(recent.to - recent.from).toBe(28 * 86_400);
    for (const h of ["1", "2", "3", "6", "12"]) {
      expect(recent.result.persistence[h]!.n).toBe(recent.result.forecast[h]!.n);
    }
    // The 12-hour horizon loses the last 12 hours of forecast points (their targets lie after now).
    expect(recent.result.forecast["12"]!.n).toBeLessThan(recent.result.forecast["1"]!.n);
  }, 60_000);
});
