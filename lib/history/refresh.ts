/**
 * Keeps the forecast model and its measured accuracy current: once a day the server refits the
 * model on the latest FIT_WEEKS of history and backtests the last RECENT_DAYS days (with a
 * model fitted before them), in small steps between requests.
 */
import "server-only";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { PORTS } from "@/lib/ports";
import { backtestSteps, fitForecastSteps, FIT_WEEKS, laneHistory, LEVEL_WEEKS_CHOICES, runYielding, type LaneHistory } from "./forecast";
import { portLanes } from "./outlook";
import { DAY_S, floorHour, WEEK_S } from "./series";
import { loadLaneReadings, readForecastModel, saveAccuracy, saveForecastModel } from "./store";

export const RECENT_DAYS = 28;
export const REFIT_EVERY_S = DAY_S;

/** Every lane of every active port, with the history a fit plus a recent backtest can use. */
export function loadAllLanes(db: Db, from: number, until: number): LaneHistory[] {
  return PORTS.filter((p) => p.kind === "active").flatMap((port) =>
    portLanes(port).map((lane) => laneHistory(`${lane.cbpPortNumber}/${lane.mode}/${lane.type}`, port.timeZone, loadLaneReadings(db, lane, from, until), until)),
  );
}

export async function refreshForecast(db: Db, nowMs: number): Promise<void> {
  const now = floorHour(Math.floor(nowMs / 1000));
  const lookback = (FIT_WEEKS + Math.max(...LEVEL_WEEKS_CHOICES)) * WEEK_S + RECENT_DAYS * DAY_S;
  const started = performance.now();
  const lanes = loadAllLanes(db, now - lookback, now);
  const model = await runYielding(fitForecastSteps(lanes, now));
  saveForecastModel(db, { fittedAt: Math.floor(nowMs / 1000), trainedUntil: now, model });
  const from = now - RECENT_DAYS * DAY_S;
  const { result, model: earlier } = await runYielding(backtestSteps(lanes, from, now));
  const cases = Object.values(result.forecast).reduce((n, s) => n + s.n, 0);
  if (cases > 0) saveAccuracy(db, { label: "recent", computedAt: Math.floor(nowMs / 1000), from, to: now, result, model: earlier });
  log.info("forecast.refresh", { ms: Math.round(performance.now() - started), levelWeeks: model.levelWeeks, backtestCases: cases });
}

/** Refits when the stored model is missing or a day old; checks every hour. */
export function startForecastRefresher(db: Db, now: () => number = Date.now): () => void {
  let running = false;
  const check = () => {
    if (running) return;
    running = true;
    Promise.resolve()
      .then(() => {
        const stored = readForecastModel(db);
        if (stored && now() / 1000 - stored.fittedAt < REFIT_EVERY_S) return;
        return refreshForecast(db, now());
      })
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
