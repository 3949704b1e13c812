/**
 * Issue Speed item: typical, forecast and 7-day-history queries over one year of simulated
 * 5-minute readings (tests/bench/simulated-year.ts), p50 each, target < 50 ms. The real handlers
 * are called exactly as the route handlers call them (a Request in, a Response out, body read),
 * at "now" = the end of the simulated year, next to bare SQL baselines on the same database.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { HistoryResponse } from "@/lib/api/history-schema";
import { handleForecast, handleHistory, handleTypical, type HistorySource } from "@/lib/api/history-handler";
import { openDatabase, type Db } from "@/lib/db/client";
import { buildDashboard } from "@/lib/history/dashboard";
import { FIT_WEEKS, TYPICAL_WEEKS } from "@/lib/history/forecast";
import { portLanes } from "@/lib/history/outlook";
import { RECENT_DAYS, refreshForecast } from "@/lib/history/refresh";
import { DAY_S, WEEK_S } from "@/lib/history/series";
import { loadLaneReadings, readForecastModel } from "@/lib/history/store";
import { getPort } from "@/lib/ports";
import { fillSimulatedYear } from "./simulated-year";

/** End of the simulated year: Thursday 2026-03-05 12:00 in San Diego (PST), a 5-minute boundary. */
export const SIM_END_S = Date.UTC(2026, 2, 5, 20, 0, 0) / 1000;
const TARGET_MS = 50;
const ONE_GB = 1024 ** 3;
const LANE = { cbpPortNumber: "250401", mode: "passenger", type: "standard" } as const;

export interface Percentiles {
  p50: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

/** Nearest-rank percentiles. */
export function percentiles(xs: readonly number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return { p50: rank(0.5), p95: rank(0.95), min: s[0] ?? NaN, max: s.at(-1) ?? NaN, n: s.length };
}

interface Case {
  id: string;
  label: string;
  /** Returns something to check, so nothing is optimized away and wrong answers are caught. */
  run: () => Promise<number> | number;
}

async function ok(res: Response, what: string): Promise<string> {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return text;
}

/** Every case runs `warmups` times, then `runs` rounds in rotating order so drift hits all alike. */
async function measure(cases: readonly Case[], warmups: number, runs: number): Promise<Map<string, number[]>> {
  for (let w = 0; w < warmups; w++) for (const c of cases) await c.run();
  const times = new Map(cases.map((c) => [c.id, [] as number[]]));
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(r + k) % cases.length]!;
      const t = performance.now();
      await c.run();
      times.get(c.id)!.push(performance.now() - t);
    }
  }
  return times;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mib = (bytes: number) => bytes / 1024 / 1024;
const fileBytes = (file: string) => [file, `${file}-wal`].reduce((n, f) => n + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);

export async function benchHistoryQueries(table: string[], results: Record<string, unknown>, opts: { warmups?: number; runs?: number } = {}): Promise<void> {
  const warmups = opts.warmups ?? 3;
  const runs = opts.runs ?? 30;
  const dir = mkdtempSync(path.join(os.tmpdir(), "smart-border-bench-year-"));
  const file = path.join(dir, "year.db");
  let db: Db | undefined;
  let cachedDb: Db | undefined;
  try {
    db = openDatabase(file);
    const year = fillSimulatedYear(db, SIM_END_S);
    db.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = fileBytes(file);
    console.log(
      `Simulated year: ${year.rows.toLocaleString("en-US")} rows (${year.lanes} lanes × ${(year.rows / year.lanes).toLocaleString("en-US")} readings, every 300 s from ${new Date(year.from * 1000).toISOString()} to ${new Date(year.to * 1000).toISOString()}), built in ${(year.ms / 1000).toFixed(1)} s; database ${mib(bytes).toFixed(1)} MiB as written (after a WAL checkpoint, no VACUUM), ${bytes < ONE_GB ? "under" : "OVER"} 1 GB`,
    );

    const nowMs = SIM_END_S * 1000;
    const refitStart = performance.now();
    await refreshForecast(db, nowMs);
    const refitMs = performance.now() - refitStart;
    const model = readForecastModel(db);
    if (!model) throw new Error("refreshForecast stored no model");
    console.log(`Forecast refit (refreshForecast: fit on ${FIT_WEEKS} weeks + backtest of the last ${RECENT_DAYS} days, all ${year.lanes} lanes): ${(refitMs / 1000).toFixed(1)} s; levelWeeks ${model.model.levelWeeks}`);

    const theDb = db;
    const source: HistorySource = { db: theDb, now: () => nowMs };
    const slug = "san-ysidro";
    const base = `http://x/api/v1/ports/${slug}`;
    const lane = "mode=passenger&type=standard";
    const from = SIM_END_S - 7 * DAY_S;
    const fromIso = new Date(from * 1000).toISOString();
    const toIso = new Date(nowMs).toISOString();
    const countStmt = theDb
      .prepare("SELECT COUNT(*) FROM lane_reading WHERE cbp_port_number = ? AND mode = ? AND type = ? AND observed_at >= ? AND observed_at < ?")
      .pluck();
    const rawStmt = theDb.prepare(
      "SELECT * FROM lane_reading WHERE cbp_port_number = ? AND mode = ? AND type = ? AND observed_at >= ? AND observed_at < ? ORDER BY observed_at",
    );
    const laneArgs = [LANE.cbpPortNumber, LANE.mode, LANE.type, from, SIM_END_S] as const;
    let historyPages = 0;
    let historyRows = 0;
    let dashboardCalls = 0;

    const cases: Case[] = [
      { id: "baselineCount", label: "baseline: SELECT COUNT(*) by primary key, same lane, same 7 days", run: () => countStmt.get(...laneArgs) as number },
      { id: "baselineRows", label: "baseline: SELECT * of the same 7 days' rows by primary key", run: () => rawStmt.all(...laneArgs).length },
      {
        id: "typicalLane",
        label: `typical, ${slug} passenger/standard`,
        run: async () => (await ok(handleTypical(new Request(`${base}/typical?${lane}`), slug, source), "typical")).length,
      },
      { id: "typicalPort", label: `typical, ${slug} all 7 lanes`, run: async () => (await ok(handleTypical(new Request(`${base}/typical`), slug, source), "typical")).length },
      {
        id: "forecastLane",
        label: `forecast, ${slug} passenger/standard`,
        run: async () => (await ok(handleForecast(new Request(`${base}/forecast?${lane}`), slug, source), "forecast")).length,
      },
      { id: "forecastPort", label: `forecast, ${slug} all 7 lanes`, run: async () => (await ok(handleForecast(new Request(`${base}/forecast`), slug, source), "forecast")).length },
      {
        id: "history7d",
        label: `7-day history, ${slug} passenger/standard, limit=2000, every page`,
        run: async () => {
          let url: string | null = `${base}/history?${lane}&from=${encodeURIComponent(fromIso)}&to=${encodeURIComponent(toIso)}&limit=2000`;
          let pages = 0;
          let rows = 0;
          while (url) {
            const body = JSON.parse(await ok(handleHistory(new Request(url), slug, source), "history")) as HistoryResponse;
            pages++;
            rows += body.meta.count;
            url = body.meta.next ? `http://x${body.meta.next}` : null;
          }
          historyPages = pages;
          historyRows = rows;
          return rows;
        },
      },
      {
        // buildDashboard keeps its result for the rest of the clock minute (lib/history/memo.ts):
        // alternating between the last two minutes of the year makes every call a rebuild.
        id: "dashboard",
        label: "buildDashboard, rebuilt (all 18 lanes; empty live snapshot)",
        run: () => {
          const at = nowMs - (dashboardCalls++ % 2) * 60_000;
          return buildDashboard({ db: theDb, now: () => at, staleSeconds: 900 }).ports.length;
        },
      },
      {
        id: "dashboardCached",
        label: "buildDashboard, again within the same minute",
        // A second connection: the per-minute cache is per database handle, so the rebuilds above do not evict it.
        run: () => buildDashboard({ db: (cachedDb ??= openDatabase(file)), now: () => nowMs + 30_000, staleSeconds: 900 }).ports.length,
      },
    ];
    const times = await measure(cases, warmups, runs);
    const stats = Object.fromEntries(cases.map((c) => [c.id, percentiles(times.get(c.id)!)])) as Record<string, Percentiles>;
    const expected = countStmt.get(...laneArgs) as number;
    if (historyRows !== expected) throw new Error(`history returned ${historyRows} rows, expected ${expected}`);

    // Where the time goes: the SQL reads behind /typical and /forecast for the port's 7 lanes
    // (loadLaneReadings with `hourly`: the lane_hourly rows of the window, plus the unfinished hour).
    const portRefs = portLanes(getPort(slug)!);
    const forecastWeeks = Math.max(TYPICAL_WEEKS, model.model.levelWeeks);
    const sqlFor = (weeks: number) => () =>
      portRefs.reduce((n, ref) => n + loadLaneReadings(theDb, ref, SIM_END_S - weeks * WEEK_S - DAY_S, SIM_END_S, { hourly: true }).length, 0);
    const profileTimes = await measure(
      [
        { id: "sqlTypicalPort", label: "", run: sqlFor(TYPICAL_WEEKS) },
        { id: "sqlForecastPort", label: "", run: sqlFor(forecastWeeks) },
      ],
      warmups,
      runs,
    );
    const sqlTypical = percentiles(profileTimes.get("sqlTypicalPort")!);
    const sqlForecast = percentiles(profileTimes.get("sqlForecastPort")!);
    const windowRows = (weeks: number) =>
      portRefs.reduce((n, ref) => n + (countStmt.get(ref.cbpPortNumber, ref.mode, ref.type, SIM_END_S - weeks * WEEK_S - DAY_S, SIM_END_S + 1) as number), 0);
    const hourlyPlan = (
      theDb
        .prepare(
          `EXPLAIN QUERY PLAN SELECT observed_at, status, delay_minutes, lanes_open, max_lanes FROM lane_hourly
            WHERE cbp_port_number = ? AND mode = ? AND type = ? AND hour >= ? AND hour <= ? ORDER BY hour`,
        )
        .all(LANE.cbpPortNumber, LANE.mode, LANE.type, from, SIM_END_S) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join("; ");
    const historyPlan = (
      theDb
        .prepare(
          `EXPLAIN QUERY PLAN SELECT * FROM lane_reading WHERE cbp_port_number IN (?, ?) AND observed_at >= ? AND observed_at < ? AND mode = ? AND type = ?
            ORDER BY observed_at, cbp_port_number, mode, type LIMIT ?`,
        )
        .all("250401", "250407", from, SIM_END_S, "passenger", "standard", 2001) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join("; ");

    console.log(`Query times over the simulated year (now = ${toIso}; ${warmups} warm-ups, then ${runs} runs each, interleaved; ms):`);
    for (const c of cases) {
      const s = stats[c.id]!;
      const target = c.id.startsWith("baseline") || c.id.startsWith("dashboard") ? "" : s.p50 < TARGET_MS ? `  (< ${TARGET_MS} ms: yes)` : `  (< ${TARGET_MS} ms: NO)`;
      console.log(`  ${c.label.padEnd(74)} p50 ${ms(s.p50).padStart(6)}  p95 ${ms(s.p95).padStart(6)}${target}`);
    }
    const share = (part: Percentiles, whole: Percentiles | undefined) => (whole ? ` = ${Math.round((part.p50 / whole.p50) * 100)} % of the handler's p50` : "");
    console.log(
      `  profile: SQL behind /typical, 7 lanes × ${TYPICAL_WEEKS} weeks + 1 day (${windowRows(TYPICAL_WEEKS).toLocaleString("en-US")} five-minute readings, read as ${sqlFor(TYPICAL_WEEKS)().toLocaleString("en-US")} hourly rows): p50 ${ms(sqlTypical.p50)} ms${share(sqlTypical, stats.typicalPort)}`,
    );
    console.log(
      `  profile: SQL behind /forecast, 7 lanes × ${forecastWeeks} weeks + 1 day (${windowRows(forecastWeeks).toLocaleString("en-US")} five-minute readings, read as ${sqlFor(forecastWeeks)().toLocaleString("en-US")} hourly rows): p50 ${ms(sqlForecast.p50)} ms${share(sqlForecast, stats.forecastPort)}`,
    );
    console.log(`  profile: plan of the hourly read: ${hourlyPlan}`);
    console.log(`  history: ${historyRows.toLocaleString("en-US")} rows in ${historyPages} pages; plan of a page: ${historyPlan}`);
    const missed = cases.filter((c) => !c.id.startsWith("baseline") && !c.id.startsWith("dashboard") && stats[c.id]!.p50 >= TARGET_MS);
    if (missed.length > 0) console.log(`  Over the ${TARGET_MS} ms target: ${missed.map((c) => c.id).join(", ")}`);

    // Size after VACUUM, once the queries are done (they ran on the file as a poller would leave it).
    if (cachedDb?.open) cachedDb.close();
    const vacuumStart = performance.now();
    theDb.exec("VACUUM");
    theDb.pragma("wal_checkpoint(TRUNCATE)");
    const vacuumMs = performance.now() - vacuumStart;
    const vacuumedBytes = fileBytes(file);
    console.log(`  database after VACUUM: ${mib(vacuumedBytes).toFixed(1)} MiB (VACUUM took ${(vacuumMs / 1000).toFixed(1)} s)`);

    results.historyQueries = {
      simulatedYear: { rows: year.rows, lanes: year.lanes, stepSeconds: 300, from: year.from, to: year.to, buildMs: year.ms, dbBytes: bytes, dbBytesAfterVacuum: vacuumedBytes, vacuumMs, underOneGB: bytes < ONE_GB },
      refitMs,
      now: toIso,
      warmups,
      runs,
      history: { rows: historyRows, pages: historyPages, plan: historyPlan },
      profile: { sqlTypicalPort: sqlTypical, sqlForecastPort: sqlForecast, forecastWeeks, hourlyPlan },
      ms: stats,
    };

    const b = stats.baselineCount!;
    const baseCell = `\`SELECT COUNT(*)\` of the lane's 7 days: p50 ${ms(b.p50)} ms`;
    const verdict = (s: Percentiles) => `**p50 ${ms(s.p50)} ms** (${s.p50 < TARGET_MS ? "under" : "OVER"} ${TARGET_MS} ms)`;
    const row = (what: string, id: string, baseline = baseCell, note = "") => {
      const s = stats[id]!;
      table.push(`| ${what} | ${baseline} | p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms${note} | ${verdict(s)} |`);
    };
    table.push(
      `| Simulated year for the queries below: ${year.lanes} lanes, a reading every 5 min | — | ${year.rows.toLocaleString("en-US")} rows, built in ${(year.ms / 1000).toFixed(1)} s; ${mib(bytes).toFixed(0)} MiB as written (${mib(vacuumedBytes).toFixed(0)} MiB after VACUUM) | **${bytes < ONE_GB ? "under" : "OVER"} 1 GB** |`,
    );
    row("`/typical?mode=passenger&type=standard` (San Ysidro, 8 weeks)", "typicalLane");
    row("`/typical` (San Ysidro, all 7 lanes)", "typicalPort", baseCell, ` (its SQL, the hourly reads of 7 lanes: ${ms(sqlTypical.p50)} ms)`);
    row("`/forecast?mode=passenger&type=standard` (12 h)", "forecastLane");
    row("`/forecast` (all 7 lanes)", "forecastPort", baseCell, ` (its SQL, the hourly reads of 7 lanes × ${forecastWeeks} weeks: ${ms(sqlForecast.p50)} ms)`);
    row(
      `\`/history\` 7 days, one lane, limit 2000 (${historyRows.toLocaleString("en-US")} rows, ${historyPages} pages)`,
      "history7d",
      `\`SELECT *\` of the same rows: p50 ${ms(stats.baselineRows!.p50)} ms; \`COUNT(*)\` ${ms(b.p50)} ms`,
    );
    const d = stats.dashboard!;
    const dc = stats.dashboardCached!;
    table.push(
      `| \`buildDashboard\` over the year (${year.lanes} lanes), rebuilt | — | p50 ${ms(d.p50)} ms, p95 ${ms(d.p95)} ms (again within the same minute: p50 ${ms(dc.p50)} ms) | — |`,
    );
    table.push(`| Daily forecast refit (\`refreshForecast\`: fit + ${RECENT_DAYS}-day backtest, ${year.lanes} lanes) over the year | — | ${(refitMs / 1000).toFixed(1)} s | runs between requests, once a day |`);
  } finally {
    if (cachedDb?.open) cachedDb.close();
    if (db?.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
