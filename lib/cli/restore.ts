/**
 * `npm run restore -- <backup.db> [--no-safety-copy]`: puts a backup back as $DATA_DIR's database.
 * Stop the site first (a running server would keep serving its cached data until restarted).
 * The current database is first saved beside it as before-restore-….db.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { DB_FILE_NAME } from "@/lib/db/client";
import { restoreDatabase, RestoreRefused } from "@/lib/db/backup";
import { env } from "@/lib/env";

const USAGE = "Usage: npm run restore -- <backup.db> [--no-safety-copy]";
let args: ReturnType<typeof parseArgs<{ options: { "no-safety-copy": { type: "boolean" } }; allowPositionals: true }>>;
try {
  args = parseArgs({ args: process.argv.slice(2), options: { "no-safety-copy": { type: "boolean" } }, allowPositionals: true });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const [file] = args.positionals.filter((a) => a !== "--");
if (!file) {
  console.error(USAGE);
  process.exit(2);
}
const live = path.resolve(env().DATA_DIR, DB_FILE_NAME);
try {
  const { restored, safetyCopy } = await restoreDatabase(path.resolve(file), live, { now: Date.now(), safetyCopy: !args.values["no-safety-copy"] });
  if (safetyCopy) console.log(`The database it replaced is saved as ${safetyCopy}.`);
  console.log(`Restored ${file} into ${live}: integrity_check ${restored.integrity}, schema ${restored.schemaVersion}.`);
  console.log(`rows: ${Object.entries(restored.counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  console.log("Start the site (npm start): it applies any newer migrations and serves the restored data.");
  if (restored.integrity !== "ok") process.exitCode = 1;
} catch (error) {
  console.error(error instanceof RestoreRefused ? `Restore refused: ${error.message}` : `Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
