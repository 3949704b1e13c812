/**
 * `npm run backup [-- <folder or file.db>]`: a consistent copy of the database while the site keeps
 * running (default folder: $DATA_DIR/backups). Prints the file, its size, PRAGMA integrity_check and
 * row counts; exit 1 if the copy does not check out.
 */
import path from "node:path";
import { closeAllDatabases, getDb } from "@/lib/db/client";
import { backupDatabase } from "@/lib/db/backup";
import { env } from "@/lib/env";

const [target] = process.argv.slice(2).filter((a) => a !== "--");
if (target?.startsWith("-")) {
  console.error("Usage: npm run backup [-- <folder or file.db>]   (default: $DATA_DIR/backups)");
  process.exitCode = 2;
} else {
  try {
    const started = performance.now();
    const check = await backupDatabase(getDb(), target ?? path.join(env().DATA_DIR, "backups"), Date.now());
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`Backup written to ${check.file} (${(check.bytes / 1e6).toFixed(1)} MB, schema ${check.schemaVersion}) in ${seconds} s.`);
    console.log(`integrity_check: ${check.integrity}`);
    console.log(`rows: ${Object.entries(check.counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
    if (check.integrity !== "ok") process.exitCode = 1;
  } catch (error) {
    console.error(`Backup failed: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    closeAllDatabases();
  }
}
