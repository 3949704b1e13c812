/**
 * `npm run history:import -- <files or folders>`: archived CBP captures into the lane reading
 * history of `$DATA_DIR/smart-border.db`. Exit code 0 when at least one capture was imported.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { closeAllDatabases, getDb, openDatabase } from "@/lib/db/client";
import { copyRedated } from "@/lib/history/redate";
import { importHistory, MissingPathError, type ImportSummary } from "@/lib/history/import";

const USAGE = `Usage: npm run history:import -- <files or folders>...

Imports archived CBP feeds into the wait-time history (the lane_reading table of
$DATA_DIR/smart-border.db): .xml, .xml.gz, .json, .json.gz, and .tar.gz / .tgz bundles of those.
Folders are read recursively, in name order. Whole-border captures are fine: only our crossings
are stored. Current waits are never touched, and running it again on the same files adds nothing.

A capture's time comes from its file name when it has one (bwt-sd_2025-10-04T181205Z.xml,
rss-2025-03-28_16-04-56.xml; UTC), else from the feed's own timestamp, else from the file's
modification time.

--redate (for demos and tests): moves the imported readings forward by whole days so that the
newest lands just before now, each keeping its local time of day. Never use it on a real history.

Exit code: 0 when at least one capture was imported; 1 for a missing path, bad arguments, or
when nothing could be read.`;

const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

function formatSummary(s: ImportSummary, dbFile: string): string {
  const seconds = s.elapsedMs / 1000;
  const unreadable = s.rejected.filter((r) => r.code === "unreadable").length;
  const lines = [
    `Read ${plural(s.captures, "capture", "captures")} from ${plural(s.files, "file", "files")}${unreadable > 0 ? ` (${plural(unreadable, "more file", "more files")} could not be read)` : ""} in ${seconds.toFixed(1)} s (${count(Math.round(s.capturesPerSecond))} captures/s) into ${dbFile}.`,
    `  Captures:    ${count(s.accepted)} imported, ${count(s.captures - s.accepted)} rejected` +
      (s.firstCaptureAt && s.lastCaptureAt ? ` (taken ${s.firstCaptureAt.slice(0, 16).replace("T", " ")} to ${s.lastCaptureAt.slice(0, 16).replace("T", " ")} UTC)` : ""),
    `  Readings:    ${count(s.added)} added, ${count(s.duplicates)} duplicates (already present: stored before, or repeated by an earlier capture)`,
    `  Time from:   file name ${count(s.fetchTimeFrom.name)}, feed timestamp ${count(s.fetchTimeFrom.feed)}, file date ${count(s.fetchTimeFrom.mtime)}`,
  ];
  if (s.skipped.length > 0) {
    const more = s.skipped.length > 10 ? `, … and ${count(s.skipped.length - 10)} more` : "";
    lines.push(`  Skipped:     ${plural(s.skipped.length, "file that is not a capture", "files that are not captures")} (a capture is .xml, .xml.gz or .json, alone or in a .tar.gz): ${s.skipped.slice(0, 10).join(", ")}${more}`);
  }
  if (s.rejected.length === 0) {
    lines.push("  Rejected:    none");
  } else {
    lines.push(`  Rejected:    ${plural(s.rejected.length, "file", "files")}, by reason:`);
    const groups = new Map<string, string[]>();
    for (const r of s.rejected) {
      const reason = `${r.code}: ${r.message}`;
      const files = groups.get(reason) ?? [];
      files.push(r.file);
      groups.set(reason, files);
    }
    for (const [reason, files] of groups) {
      lines.push(`    ${reason} (${count(files.length)})`);
      for (const f of files.slice(0, 10)) lines.push(`      ${f}`);
      if (files.length > 10) lines.push(`      … and ${count(files.length - 10)} more`);
    }
  }
  return lines.join("\n");
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: "boolean", short: "h" }, redate: { type: "boolean" } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    console.error(`Give at least one file or folder.\n\n${USAGE}`);
    return 1;
  }

  // Checked here too so that a mistyped path does not create an empty database on the way out.
  const missing = parsed.positionals.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`${new MissingPathError(missing).message}\n\n${USAGE}`);
    return 1;
  }

  // The bar goes to stderr and only on a terminal: logs and pipes get the summary alone.
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          format: "Importing {bar} {percentage}% | {value}/{total} captures | {duration_formatted}, ETA {eta_formatted} | {file}",
          stream: process.stderr,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  const target = getDb();
  // Redating goes through a scratch database, so the real one only ever sees shifted readings.
  const db = parsed.values.redate ? openDatabase(":memory:") : target;
  try {
    const summary = await importHistory(db, parsed.positionals, {
      onProgress: bar
        ? ({ done, total, file }) => {
            if (!started) {
              bar.start(total, 0, { file: "" });
              started = true;
            }
            bar.setTotal(total);
            bar.update(done, { file: path.basename(file) });
          }
        : undefined,
    });
    if (started) bar?.stop();
    console.log(formatSummary(summary, parsed.values.redate ? target.name : db.name));
    if (parsed.values.redate) {
      const moved = copyRedated(db, target, Math.floor(Date.now() / 1000));
      console.log(`  Redated:     ${count(moved.added)} readings moved ${count(moved.days)} days forward into ${target.name}`);
      db.close();
    }
    if (summary.accepted === 0) {
      console.error("Nothing was imported: no readable capture in the given paths.");
      return 1;
    }
    return 0;
  } catch (error) {
    if (started) bar?.stop();
    if (error instanceof MissingPathError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    closeAllDatabases();
  }
}

process.exitCode = await run(process.argv.slice(2));
