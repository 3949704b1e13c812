/**
 * `npm run forecast:refit [-- --force]`: what the polling server does once a day, for deployments
 * that poll from cron (POLLER=off): refit the forecast on the latest history in $DATA_DIR and
 * backtest the last 28 days for the accuracy the site quotes. Without --force it does nothing
 * when the model is less than a day old (or another process is refitting).
 */
import { parseArgs } from "node:util";
import { closeAllDatabases, getDb } from "@/lib/db/client";
import { claimRefit, refreshForecast } from "@/lib/history/refresh";

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { force: { type: "boolean" } } });
  const db = getDb();
  const now = Date.now();
  if (!claimRefit(db, now) && !values.force) {
    console.log("The forecast model is less than a day old; nothing to do (use --force to refit anyway).");
    return 0;
  }
  await refreshForecast(db, now);
  console.log(`Refitted the forecast in ${db.name}.`);
  return 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} finally {
  closeAllDatabases();
}
