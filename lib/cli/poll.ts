/**
 * `npm run poll`: one poll of CBP, for cron-style deployments (run the server with POLLER=off).
 * Exit code 0 when data was stored (or another process holds the poller lease), 1 otherwise.
 */
import { closeAllDatabases } from "@/lib/db/client";
import { createPoller } from "@/lib/waits/runtime";

const poller = createPoller();
const outcome = await poller.poll();
poller.stop(); // releases the polling lease for the next run or a server
closeAllDatabases();
if (outcome.ok) {
  console.log(`Stored ${outcome.saved.crossings} crossings (${outcome.saved.newReadings} new lane readings, ${outcome.saved.corrected} corrected) from the ${outcome.format.toUpperCase()} feed.`);
  for (const p of outcome.problems) console.log(`  left out: ${p}`);
} else if (outcome.code === "lease_held") {
  console.log("Another process is polling this database right now; nothing to do.");
} else {
  console.error(`Poll failed (${outcome.code}): ${outcome.message}. The last good data was kept.`);
  process.exitCode = 1;
}
