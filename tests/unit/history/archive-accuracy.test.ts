/**
 * The forecast's published accuracy requirement, on the whole seven-month archive: scoring
 * September–October 2025 with everything earlier as history, the forecast is at least as
 * accurate as the better of "the current wait persists" and "the plain typical value" at every
 * horizon, and strictly better than both from 3 hours on. Same computation as
 * `npm run forecast:backtest -- --from 2025-09-01 --to 2025-10-31 ../shared/data/cbp-archive-sd`.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDateArg } from "@/lib/history/dates";
import { backtest, BACKTEST_HORIZONS, DEFAULT_MODEL, fitForecast } from "@/lib/history/forecast";
import { importHistory } from "@/lib/history/import";
import { loadAllLanes } from "@/lib/history/refresh";
import { DAY_S } from "@/lib/history/series";
import { historyBounds } from "@/lib/history/store";
import { SITE_TIME_ZONE } from "@/lib/i18n/routing";
import { emptyDb } from "@/tests/unit/support/waits-fixtures";

const FIXTURES = path.resolve("tests/fixtures");
let run: ReturnType<typeof backtest>;
let earlierOnly: ReturnType<typeof fitForecast>;

beforeAll(async () => {
  const db = emptyDb();
  const summary = await importHistory(db, [path.join(FIXTURES, "cbp-archive"), path.join(FIXTURES, "cbp-archive-more")]);
  expect(summary.accepted).toBe(5147);
  const from = parseDateArg("2025-09-01", SITE_TIME_ZONE)!;
  const to = parseDateArg("2025-10-31", SITE_TIME_ZONE, { endOfDay: true })!;
  const bounds = historyBounds(db)!;
  run = backtest(loadAllLanes(db, bounds.first, to + DAY_S), from, to);
  // The same fit from a history cut at September 1st: nothing after it may change the model.
  earlierOnly = fitForecast(loadAllLanes(db, bounds.first, from - 1), from);
}, 120_000);

describe("forecast accuracy on the shared archive (September–October 2025)", () => {
  it("scores the same cases for the forecast and both baselines, thousands per horizon", () => {
    for (const h of BACKTEST_HORIZONS) {
      const n = run.result.forecast[h]!.n;
      expect(n).toBeGreaterThan(10_000);
      expect(run.result.persistence[h]!.n).toBe(n);
      expect(run.result.typical[h]!.n).toBe(n);
    }
  });

  it.each(BACKTEST_HORIZONS.map((h) => [h]))("at %i h is at least as accurate as the better baseline (strictly better from 3 h on)", (h) => {
    const { forecast, persistence, typical } = run.result;
    const better = Math.min(persistence[h]!.mae, typical[h]!.mae);
    if (h >= 3) expect(forecast[h]!.mae).toBeLessThan(better);
    else expect(forecast[h]!.mae).toBeLessThanOrEqual(better);
  });

  it("chose its settings from the history before September only", () => {
    expect(run.model).toEqual(earlierOnly);
    expect(Object.keys(run.model.blends)).toHaveLength(12);
  });

  it("is where the default model of a site without enough history comes from", () => {
    expect(run.model).toEqual(DEFAULT_MODEL);
  });
});
