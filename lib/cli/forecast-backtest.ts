/**
 * `npm run forecast:backtest -- --from <date> --to <date> [--publish] [history files or folders]`
 *
 * Scores the forecast against "the current wait persists" and "the plain typical value" at every
 * hour of the period, each using only readings before that hour, with the model fitted on the
 * history before the period. Prints a table and, as the last line, the result as JSON.
 */
import { parseArgs } from "node:util";
import { closeAllDatabases, getDb, openDatabase, type Db } from "@/lib/db/client";
import { backtest, BACKTEST_HORIZONS, DEFAULT_MODEL } from "@/lib/history/forecast";
import { parseDateArg } from "@/lib/history/dates";
import { importHistory, MissingPathError } from "@/lib/history/import";
import { loadAllLanes } from "@/lib/history/refresh";
import { DAY_S, HOUR_S } from "@/lib/history/series";
import { historyBounds, saveAccuracy } from "@/lib/history/store";
import { SITE_TIME_ZONE } from "@/lib/i18n/routing";

const USAGE = `Usage: npm run forecast:backtest -- --from <date> --to <date> [--publish] [history files or folders]

Dates are YYYY-MM-DD (midnight in ${SITE_TIME_ZONE}; --to includes that whole day) or ISO 8601
date-times with an offset. With files or folders, they are imported into a temporary in-memory
database (same formats as history:import) and $DATA_DIR is not read; without, the history in
$DATA_DIR/smart-border.db is used. --publish stores the result in $DATA_DIR as the accuracy the
methodology page shows.

Prints a table of mean absolute errors (minutes) per horizon for the forecast and the two
baselines, then one JSON line: {"forecast": {"1": {"mae": …, "n": …}, …}, "persistence": …, "typical": …}.`;

function table(result: ReturnType<typeof backtest>["result"]): string {
  const rows = [["horizon", "cases", "forecast", "persistence", "typical", "vs better baseline"]];
  for (const h of BACKTEST_HORIZONS) {
    const f = result.forecast[h]!;
    const better = Math.min(result.persistence[h]!.mae, result.typical[h]!.mae);
    const change = better > 0 ? ((better - f.mae) / better) * 100 : 0;
    const gain = better === 0 ? "–" : change >= 0 ? `${change.toFixed(1)} % better` : `${(-change).toFixed(1)} % worse`;
    rows.push([`${h} h`, f.n.toLocaleString("en-US"), f.mae.toFixed(2), result.persistence[h]!.mae.toFixed(2), result.typical[h]!.mae.toFixed(2), f.n > 0 ? gain : "no cases"]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n");
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { from: { type: "string" }, to: { type: "string" }, publish: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const from = parsed.values.from ? parseDateArg(parsed.values.from, SITE_TIME_ZONE) : null;
  const to = parsed.values.to ? parseDateArg(parsed.values.to, SITE_TIME_ZONE, { endOfDay: true }) : null;
  if (from === null || to === null || to <= from) {
    console.error(`Give --from and --to as dates, --to after --from.\n\n${USAGE}`);
    return 1;
  }

  let db: Db;
  try {
    if (parsed.positionals.length > 0) {
      db = openDatabase(":memory:");
      const summary = await importHistory(db, parsed.positionals);
      console.log(`Imported ${summary.accepted.toLocaleString("en-US")} captures (${summary.added.toLocaleString("en-US")} readings) into memory in ${(summary.elapsedMs / 1000).toFixed(1)} s.`);
    } else {
      db = getDb();
    }
  } catch (error) {
    if (error instanceof MissingPathError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  const bounds = historyBounds(db);
  if (!bounds || bounds.first >= from) {
    console.error("There is no history before --from to fit the forecast on.");
    return 1;
  }
  const started = performance.now();
  const lanes = loadAllLanes(db, bounds.first, to + DAY_S);
  // A target after the last reading has no known truth (it would score the last reading against itself).
  const { result, model } = backtest(lanes, from, to, BACKTEST_HORIZONS, bounds.last + 1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 16).replace("T", " ");
  console.log(`Scored every hour from ${iso(from)} to ${iso(to - HOUR_S)} UTC with history from ${iso(bounds.first)} UTC, in ${seconds} s.`);
  const fitted = model === DEFAULT_MODEL ? "too little history to fit, so the default model" : "model fitted";
  console.log(`Before ${iso(from)} UTC: ${fitted}: usual level over ${model.levelWeeks} weeks; blends ${JSON.stringify(model.blends)}`);
  console.log("Mean absolute error in minutes, open lanes only:");
  console.log(table(result));
  if (BACKTEST_HORIZONS.every((h) => result.forecast[h]!.n === 0)) {
    console.error(`No case was scored: the period has no open-lane readings with enough history before them.${parsed.values.publish ? " Nothing published." : ""}`);
    console.log(JSON.stringify(result));
    return 1;
  }
  if (parsed.values.publish) {
    saveAccuracy(getDb(), { label: "published", computedAt: Math.floor(Date.now() / 1000), from, to, result, model });
    console.log(`Published to ${getDb().name}.`);
  }
  console.log(JSON.stringify(result));
  if (parsed.positionals.length > 0) db.close();
  return 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} finally {
  closeAllDatabases();
}
