/**
 * Imports archived CBP captures into the lane reading history (`npm run history:import`).
 * Only `lane_reading` is written: the live snapshot and poll state never change, so an old
 * capture cannot replace current waits. Re-importing is harmless: readings are keyed by crossing,
 * lane and CBP reading time, and the ones already stored are counted as duplicates.
 */
import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { FeedError, processFeed } from "@/lib/cbp";
import { readCaptures, type ArchivedCapture } from "@/lib/cbp/archive";
import type { Db } from "@/lib/db/client";
import type { FeedSnapshot } from "@/lib/waits/model";
import { insertHistoricalReadings } from "@/lib/waits/store";

export interface ImportProgress {
  /** Captures handled so far (accepted or rejected). */
  done: number;
  /** Captures found by the counting pass. */
  total: number;
  /** The file on disk being read. */
  file: string;
}

export interface ImportRejection {
  /** The capture (`archive.tar.gz:entry.xml` inside a tarball) or the file that could not be read. */
  file: string;
  /** A FeedError code, `unreadable` (bad gzip or tar) or `unexpected`. */
  code: string;
  message: string;
}

export type FetchTimeSource = "name" | "feed" | "mtime";

export interface ImportSummary {
  /** Files on disk that held at least one capture. */
  files: number;
  /** Files that held no capture (e.g. a README next to the tarballs). */
  skipped: string[];
  /** Captures read, loose or inside tarballs. */
  captures: number;
  /** Captures that passed processFeed and were written. */
  accepted: number;
  rejected: ImportRejection[];
  /** Lane readings stored by this import. */
  added: number;
  /** Lane readings that were already stored, by a poll, an earlier import or an earlier capture of this one. */
  duplicates: number;
  /** Where each accepted capture's fetch time came from. */
  fetchTimeFrom: Record<FetchTimeSource, number>;
  /** Fetch times of the earliest and latest accepted captures (ISO), or null. */
  firstCaptureAt: string | null;
  lastCaptureAt: string | null;
  elapsedMs: number;
  capturesPerSecond: number;
}

export interface ImportOptions {
  /** Called after each capture; asking for progress adds a counting pass over the input first. */
  onProgress?: (progress: ImportProgress) => void;
  /** Captures per write transaction. */
  batchSize?: number;
}

/** A path given on the command line that does not exist. */
export class MissingPathError extends Error {
  constructor(readonly paths: string[]) {
    super(`no such file or folder: ${paths.join(", ")}`);
    this.name = "MissingPathError";
  }
}

// Archive names carry the capture time in UTC: `…_2025-10-04T181205Z…` (also with colons or an
// explicit offset) or `rss-2025-03-28_16-04-56…`. A date alone (`bwt-xml_2014-04-28_…`) is not a time.
const NAME_TIME =
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?|_(\d{2})-(\d{2})-(\d{2}))(?!\d)/i;

/** The capture time written in a file name (epoch ms), or null when the name has none or an impossible one. */
export function captureTimeFromName(name: string): number | null {
  const m = NAME_TIME.exec(path.basename(name));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = (m[4] !== undefined ? [m[4], m[5], m[6]] : [m[8], m[9], m[10]]).map(Number) as [number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(utc);
  // Date.UTC rolls 2025-02-30 over to March 2 and 24:00 to the next day: a name that does not
  // round-trip is not a time we can trust.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  if (back.getUTCHours() !== hour || back.getUTCMinutes() !== minute || back.getUTCSeconds() !== second) return null;
  const zone = m[7]?.toUpperCase();
  if (!zone || zone === "Z") return utc;
  const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const offsetMinutes = (Number(z[2]) * 60 + Number(z[3])) * (z[1] === "-" ? -1 : 1);
  return utc - offsetMinutes * 60_000;
}

interface InputFile {
  path: string;
  mtimeMs: number;
}

/** Every file under the given paths, folders walked in name order; throws before reading anything if a path is missing. */
async function listFiles(paths: readonly string[]): Promise<InputFile[]> {
  const infos = await Promise.all(paths.map((p) => stat(p).catch(() => null)));
  const missing = paths.filter((_, i) => infos[i] === null);
  if (missing.length > 0) throw new MissingPathError(missing);
  const files: InputFile[] = [];
  async function walk(p: string, info: Awaited<ReturnType<typeof stat>>): Promise<void> {
    if (!info.isDirectory()) {
      files.push({ path: p, mtimeMs: Number(info.mtimeMs) });
      return;
    }
    // Same order and hidden-file rule as readCaptures, so a folder imports chronologically.
    for (const entry of (await readdir(p)).sort()) {
      if (entry.startsWith(".")) continue;
      const child = path.join(p, entry);
      await walk(child, await stat(child));
    }
  }
  for (const [i, p] of paths.entries()) await walk(p, infos[i]!);
  return files;
}

type Processed =
  | { ok: true; snapshot: FeedSnapshot; fetchedAt: number; from: FetchTimeSource }
  | { ok: false; code: string; message: string };

function processCapture(capture: ArchivedCapture, mtimeMs: number): Processed {
  try {
    const fromName = captureTimeFromName(capture.name);
    if (fromName !== null) return { ok: true, snapshot: processFeed(capture.body, fromName).snapshot, fetchedAt: fromName, from: "name" };
    const guess = processFeed(capture.body, mtimeMs);
    if (guess.snapshot.generatedAt === null) return { ok: true, snapshot: guess.snapshot, fetchedAt: mtimeMs, from: "mtime" };
    // Copying resets mtimes, so it only seeds the guess; the feed's own time anchors the
    // reading dates (and the 70-minute "ahead" rule) better, so the capture is read again with it.
    const fetchedAt = Date.parse(guess.snapshot.generatedAt);
    return { ok: true, snapshot: processFeed(capture.body, fetchedAt).snapshot, fetchedAt, from: "feed" };
  } catch (error) {
    if (error instanceof FeedError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: "unexpected", message: error instanceof Error ? error.message : String(error) };
  }
}

async function countCaptures(files: readonly InputFile[]): Promise<number> {
  let n = 0;
  for (const file of files) {
    try {
      const captures = readCaptures([file.path]);
      while (!(await captures.next()).done) n++;
    } catch {
      // The import pass reports it.
    }
  }
  return n;
}

/** Imports every capture under `paths` into `db`'s lane reading history. Rejects with MissingPathError before writing anything. */
export async function importHistory(db: Db, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 200;
  const files = await listFiles(paths);
  const total = options.onProgress ? await countCaptures(files) : 0;

  const summary: ImportSummary = {
    files: 0,
    skipped: [],
    captures: 0,
    accepted: 0,
    rejected: [],
    added: 0,
    duplicates: 0,
    fetchTimeFrom: { name: 0, feed: 0, mtime: 0 },
    firstCaptureAt: null,
    lastCaptureAt: null,
    elapsedMs: 0,
    capturesPerSecond: 0,
  };
  let first = Infinity;
  let last = -Infinity;

  let pending: { snapshot: FeedSnapshot; fetchedAt: number }[] = [];
  // One transaction per batch: a commit per capture would make the import fsync-bound.
  const writeBatch = db.transaction((batch: typeof pending) => {
    for (const { snapshot, fetchedAt } of batch) {
      const r = insertHistoricalReadings(db, snapshot, fetchedAt);
      summary.added += r.added;
      summary.duplicates += r.duplicates;
    }
  });
  const flush = () => {
    if (pending.length === 0) return;
    writeBatch.immediate(pending);
    pending = [];
  };

  for (const file of files) {
    let found = 0;
    let unreadable = false;
    try {
      for await (const capture of readCaptures([file.path])) {
        found++;
        summary.captures++;
        const result = processCapture(capture, file.mtimeMs);
        if (result.ok) {
          summary.accepted++;
          summary.fetchTimeFrom[result.from]++;
          first = Math.min(first, result.fetchedAt);
          last = Math.max(last, result.fetchedAt);
          pending.push({ snapshot: result.snapshot, fetchedAt: result.fetchedAt });
          if (pending.length >= batchSize) flush();
        } else {
          const where = capture.source === file.path ? file.path : `${file.path}:${capture.name}`;
          summary.rejected.push({ file: where, code: result.code, message: result.message });
        }
        options.onProgress?.({ done: summary.captures, total: Math.max(total, summary.captures), file: file.path });
      }
    } catch (error) {
      // A truncated or corrupt archive: what was read before the damage is kept.
      unreadable = true;
      summary.rejected.push({ file: file.path, code: "unreadable", message: error instanceof Error ? error.message : String(error) });
    }
    if (found > 0) summary.files++;
    else if (!unreadable) summary.skipped.push(file.path);
  }
  flush();

  summary.firstCaptureAt = Number.isFinite(first) ? new Date(first).toISOString() : null;
  summary.lastCaptureAt = Number.isFinite(last) ? new Date(last).toISOString() : null;
  summary.elapsedMs = performance.now() - started;
  summary.capturesPerSecond = summary.elapsedMs > 0 ? summary.captures / (summary.elapsedMs / 1000) : 0;
  return summary;
}
