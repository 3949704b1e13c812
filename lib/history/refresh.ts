/**
 * Keeps the forecast model and its measured accuracy current: once a day the server refits the
 * model on the latest FIT_WEEKS of history and backtests the last RECENT_DAYS days (with a
 * model fitted before them), in small steps between requests.
 */
import "server-only";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { PORTS } from "@/lib/ports";
import { BACKTEST_HORIZONS, backtestSteps, DEFAULT_MODEL, fitForecastSteps, FIT_WEEKS, laneHistory, LEVEL_WEEKS_CHOICES, runToEnd, runYielding, type LaneHistory } from "./forecast";
import { portLanes } from "./outlook";
import { DAY_S, floorHour, WEEK_S } from "./series";
import { laneKey, loadLaneReadings, readForecastModel, saveAccuracy, saveForecastModel } from "./store";

export const RECENT_DAYS = 28;
export const REFIT_EVERY_S = DAY_S;

/** Every lane of every active port, with the history a fit plus a recent backtest can use. */
export function loadAllLanes(db: Db, from: number, until: number): LaneHistory[] {
  return runToEnd(loadAllLanesSteps(db, from, until));
}

/** The same, one lane per step: months of readings per lane are a noticeable pause each. */
export function* loadAllLanesSteps(db: Db, from: number, until: number): Generator<void, LaneHistory[]> {
  const lanes: LaneHistory[] = [];
  for (const port of PORTS.filter((p) => p.kind === "active")) {
    for (const lane of portLanes(port)) {
      lanes.push(laneHistory(laneKey(lane), port.timeZone, loadLaneReadings(db, lane, from, until), until));
      yield;
    }
  }
  return lanes;
}

export async function refreshForecast(db: Db, nowMs: number): Promise<void> {
  const now = floorHour(Math.floor(nowMs / 1000));
  const lookback = (FIT_WEEKS + Math.max(...LEVEL_WEEKS_CHOICES)) * WEEK_S + RECENT_DAYS * DAY_S;
  const started = performance.now();
  const lanes = await runYielding(loadAllLanesSteps(db, now - lookback, now));
  const model = await runYielding(fitForecastSteps(lanes, now));
  saveForecastModel(db, { fittedAt: Math.floor(nowMs / 1000), trainedUntil: now, model });
  const from = now - RECENT_DAYS * DAY_S;
  const { result, model: earlier } = await runYielding(backtestSteps(lanes, from, now, BACKTEST_HORIZONS, now));
  const cases = Object.values(result.forecast).reduce((n, s) => n + s.n, 0);
  if (cases > 0) saveAccuracy(db, { label: "recent", computedAt: Math.floor(nowMs / 1000), from, to: now, result, model: earlier });
  log.info("forecast.refresh", { ms: Math.round(performance.now() - started), levelWeeks: model.levelWeeks, backtestCases: cases });
}

/**
 * Claims the day's refit for this process: true when the stored model was missing or a day
 * old, and no other server or cron job claimed it first (the claim stamps fitted_at at once,
 * inside a write transaction). A refit that then fails leaves the old model for a day.
 */
export function claimRefit(db: Db, nowMs: number): boolean {
  const now = Math.floor(nowMs / 1000);
  return db
    .transaction(() => {
      const stored = readForecastModel(db);
      if (stored && now - stored.fittedAt < REFIT_EVERY_S) return false;
      saveForecastModel(db, { fittedAt: now, trainedUntil: stored?.trainedUntil ?? 0, model: stored?.model ?? DEFAULT_MODEL });
      return true;
    })
    .immediate();
}

/** Refits when the stored model is missing or a day old (once across servers); checks every hour. */
export function startForecastRefresher(db: Db, now: () => number = Date.now): () => void {
  let running = false;
  const check = () => {
    if (running) return;
    running = true;
    Promise.resolve()
      .then(() => (claimRefit(db, now()) ? refreshForecast(db, now()) : undefined))
      .catch((error: unknown) => log.error("forecast.refresh", { message: (error as Error)?.message }))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(check, 2_000);
  const timer = setInterval(check, 60 * 60 * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
