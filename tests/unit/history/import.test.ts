/**
 * History import on real captures: the April 2025 archive (counted and processed independently
 * here, with tar-stream and processFeed, to know what the table must hold), a folder of mixed
 * formats with an error page, the fetch-time fallbacks, damaged input and the CLI's exit codes.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createGunzip, gzipSync } from "node:zlib";
import { extract } from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processFeed } from "@/lib/cbp";
import type { Db } from "@/lib/db/client";
import { captureTimeFromName, importHistory, MissingPathError, type ImportProgress } from "@/lib/history/import";
import { findCrossing } from "@/lib/ports";
import { countReadings, readPollState } from "@/lib/waits/store";
import { ARCHIVE, FIXTURES, fetchedAtOf, rawPorts } from "@/tests/unit/cbp/support";
import { runCli } from "@/tests/unit/support/cli";
import { emptyDb, FIXTURE_FILE, seededDb, snapshotOf } from "@/tests/unit/support/waits-fixtures";

const APRIL = path.join(ARCHIVE, "bwt-sd_2025-04.tar.gz");
const dir = mkdtempSync(path.join(tmpdir(), "sb-history-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The history a set of captures must produce: reading key → earliest fetch time (s), plus how many timed lanes they emit in all. */
interface Expected {
  firstSeen: Map<string, number>;
  timedLanes: number;
}

function expectedHistory(captures: Iterable<{ body: Uint8Array; fetchedAtMs: number }>): Expected {
  const firstSeen = new Map<string, number>();
  let timedLanes = 0;
  for (const { body, fetchedAtMs } of captures) {
    for (const c of processFeed(body, fetchedAtMs).snapshot.crossings) {
      for (const lane of c.lanes) {
        if (lane.updatedAt === null) continue;
        timedLanes++;
        const key = `${c.cbpPortNumber}|${lane.mode}|${lane.type}|${lane.updatedAt}`;
        const at = Math.floor(fetchedAtMs / 1000);
        firstSeen.set(key, Math.min(firstSeen.get(key) ?? Infinity, at));
      }
    }
  }
  return { firstSeen, timedLanes };
}

function storedHistory(db: Db): Map<string, number> {
  const rows = db.prepare("SELECT cbp_port_number, mode, type, updated_at, first_seen_at FROM lane_reading").all() as {
    cbp_port_number: string;
    mode: string;
    type: string;
    updated_at: string;
    first_seen_at: number;
  }[];
  return new Map(rows.map((r) => [`${r.cbp_port_number}|${r.mode}|${r.type}|${r.updated_at}`, r.first_seen_at]));
}

/** Every regular file in a .tar.gz, read with tar-stream directly (not through lib/cbp/archive). */
async function untar(file: string): Promise<{ name: string; body: Buffer }[]> {
  const tar = extract();
  createReadStream(file).pipe(createGunzip()).pipe(tar);
  const out: { name: string; body: Buffer }[] = [];
  for await (const entry of tar) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    if (entry.header.type === "file") out.push({ name: path.basename(entry.header.name), body: Buffer.concat(chunks) });
  }
  return out;
}

describe("captureTimeFromName", () => {
  it.each([
    ["bwt-sd_2025-10-04T181205Z.xml", "2025-10-04T18:12:05Z"],
    ["rss-2025-03-28_16-04-56.xml", "2025-03-28T16:04:56Z"],
    ["bwt-xml_2025-11-02T090434Z_borderbuddy.xml", "2025-11-02T09:04:34Z"],
    ["bwtnew_2026-08-31T034144Z_otrolado.json", "2026-08-31T03:41:44Z"],
    ["bwt-sd_2025-04-01T002110Z.xml.gz", "2025-04-01T00:21:10Z"],
    ["archive/2024-01-01/bwt-sd_2025-10-04T181205Z.xml", "2025-10-04T18:12:05Z"],
    ["capture_2025-10-04T18:12:05Z.xml", "2025-10-04T18:12:05Z"],
    ["capture_2025-10-04T11:12:05-07:00.json", "2025-10-04T18:12:05Z"],
  ])("%s → %s", (name, iso) => {
    expect(captureTimeFromName(name)).toBe(Date.parse(iso));
  });

  it.each([
    "bwt-xml_2014-04-28_reaktivo.xml", // a date is not a time
    "bwt.xml",
    "2025-10-04T181205Z/bwt.xml", // only the file's own name counts
    "bwt-sd_2025-02-30T120000Z.xml",
    "bwt-sd_2025-10-04T241205Z.xml",
    "bwt-sd_2025-10-04T186005Z.xml",
    "rss-2025-13-28_16-04-56.xml",
    "x12025-10-04T181205Z.xml",
  ])("%s → null", (name) => {
    expect(captureTimeFromName(name)).toBeNull();
  });
});

describe("importHistory on the April 2025 archive", () => {
  let entries: { name: string; body: Buffer }[] = [];
  let expected: Expected;

  beforeAll(async () => {
    entries = await untar(APRIL);
    expected = expectedHistory(entries.map((e) => ({ body: e.body, fetchedAtMs: fetchedAtOf(e.name) })));
  }, 30_000);

  it("stores each distinct reading once with its first capture time, reports the rest as duplicates, and a second run adds nothing", async () => {
    expect(entries).toHaveLength(720); // hourly for April; every entry is a capture
    expect(entries.every((e) => e.name.endsWith(".xml"))).toBe(true);
    expect(expected.firstSeen.size).toBeGreaterThan(0);
    expect(expected.timedLanes).toBeGreaterThan(expected.firstSeen.size); // hourly captures repeat CBP's sticky readings

    const db = emptyDb();
    const progress: ImportProgress[] = [];
    const first = await importHistory(db, [APRIL], { onProgress: (p) => progress.push(p) });
    expect(first).toMatchObject({
      files: 1,
      skipped: [],
      captures: entries.length,
      accepted: entries.length,
      rejected: [],
      added: expected.firstSeen.size,
      duplicates: expected.timedLanes - expected.firstSeen.size,
      fetchTimeFrom: { name: entries.length, feed: 0, mtime: 0 },
      firstCaptureAt: new Date(fetchedAtOf(entries[0]!.name)).toISOString(),
      lastCaptureAt: new Date(fetchedAtOf(entries.at(-1)!.name)).toISOString(),
    });
    expect(first.capturesPerSecond).toBeGreaterThan(0);
    expect(countReadings(db)).toBe(expected.firstSeen.size);
    expect(storedHistory(db)).toEqual(expected.firstSeen);

    expect(progress.map((p) => p.done)).toEqual(entries.map((_, i) => i + 1));
    expect(new Set(progress.map((p) => `${p.total} ${p.file}`))).toEqual(new Set([`${entries.length} ${APRIL}`]));

    // Current waits are not history: an import never creates or replaces them.
    expect(db.prepare("SELECT count(*) FROM crossing_snapshot").pluck().get()).toBe(0);
    expect(readPollState(db)).toMatchObject({ lastSuccessAt: null, lastAttemptAt: null, totalSuccesses: 0, snapshotVersion: 0 });

    const again = await importHistory(db, [APRIL], { batchSize: 64 });
    expect(again).toMatchObject({ captures: entries.length, accepted: entries.length, rejected: [], added: 0, duplicates: expected.timedLanes });
    expect(storedHistory(db)).toEqual(expected.firstSeen);
  });

  it("keeps what precedes the damage in a truncated tarball and rejects the file as unreadable", async () => {
    const cut = path.join(dir, "cut.tar.gz");
    const whole = readFileSync(APRIL);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.3)));
    const db = emptyDb();
    const summary = await importHistory(db, [cut]);
    expect(summary.rejected).toEqual([{ file: cut, code: "unreadable", message: expect.any(String) }]);
    expect(summary.captures).toBeGreaterThan(0);
    expect(summary.captures).toBeLessThan(entries.length);
    expect(summary.accepted).toBe(summary.captures);
    expect(countReadings(db)).toBe(summary.added);
    expect(summary.added).toBeGreaterThan(0);
  });
});

describe("importHistory on a folder of mixed formats", () => {
  const folder = path.join(dir, "mixed");
  const XML = "bwt-xml_2025-11-02T090434Z_borderbuddy.xml";
  const GZ = `${path.basename(FIXTURE_FILE)}.gz`;
  const JSON_FEED = "bwtnew_2026-08-31T034144Z_otrolado.json";
  const ERROR_PAGE = "error-akamai_2025-06-10T070453Z_borderbuddy.xml";
  const raw = (name: string) => readFileSync(path.join(FIXTURES, name));
  let expected: Expected;

  beforeAll(() => {
    // The .xml.gz sits in a subfolder: folders are walked recursively.
    const nested = path.join(folder, "nested");
    mkdirSync(nested, { recursive: true });
    writeFileSync(path.join(folder, XML), raw(XML));
    writeFileSync(path.join(nested, GZ), gzipSync(raw(path.basename(FIXTURE_FILE))));
    writeFileSync(path.join(folder, JSON_FEED), raw(JSON_FEED));
    writeFileSync(path.join(folder, ERROR_PAGE), raw("error-akamai_2025-06-10T070453Z_borderbuddy.html"));
    writeFileSync(path.join(folder, "notes.txt"), "not a capture");
    expected = expectedHistory(
      [XML, path.basename(FIXTURE_FILE), JSON_FEED].map((name) => ({ body: raw(name), fetchedAtMs: fetchedAtOf(name) })),
    );
  });

  it("reads the .xml, .xml.gz and .json whole-border captures, keeps only our crossings and rejects the HTML error page", async () => {
    // Whole-border captures: far more ports than the San Diego ones we store.
    expect(rawPorts(raw(XML), false).size).toBeGreaterThan(75);
    expect(rawPorts(raw(JSON_FEED), true).size).toBeGreaterThan(80);

    const db = emptyDb();
    const summary = await importHistory(db, [folder]);
    expect(summary).toMatchObject({
      files: 4,
      skipped: [path.join(folder, "notes.txt")],
      captures: 4,
      accepted: 3,
      added: expected.firstSeen.size,
      duplicates: expected.timedLanes - expected.firstSeen.size,
    });
    expect(summary.rejected).toEqual([{ file: path.join(folder, ERROR_PAGE), code: "html_error_page", message: expect.stringMatching(/HTML/) }]);
    expect(storedHistory(db)).toEqual(expected.firstSeen);
    const ports = db.prepare("SELECT DISTINCT cbp_port_number FROM lane_reading").pluck().all() as string[];
    expect(ports).toContain("250401");
    expect(ports.every((p) => findCrossing(p))).toBe(true);
  });

  it("leaves a live database's current waits alone and counts the readings a poll already stored as duplicates", async () => {
    const db = seededDb(); // one poll of the capture that is also the .xml.gz here
    const before = { snapshot: snapshotOf(db), state: readPollState(db), readings: countReadings(db) };
    expect(before.readings).toBeGreaterThan(0);

    const summary = await importHistory(db, [folder]);
    expect(snapshotOf(db)).toEqual(before.snapshot);
    expect(readPollState(db)).toEqual(before.state);
    expect(summary.added).toBe(expected.firstSeen.size - before.readings);
    expect(summary.duplicates).toBe(expected.timedLanes - summary.added);
    expect(countReadings(db)).toBe(expected.firstSeen.size);
  });
});

describe("importHistory fetch time when the name has none", () => {
  it("uses the feed's own timestamp, else the file's modification time", async () => {
    const folder = path.join(dir, "no-time");
    mkdirSync(folder, { recursive: true });
    const OLD = "bwt-xml_2014-04-28_reaktivo.xml"; // a date but no time in the name
    writeFileSync(path.join(folder, OLD), readFileSync(path.join(FIXTURES, OLD)));
    // The 2017 capture without its last_updated_* elements: nothing in it says when it was made.
    const bare = readFileSync(path.join(FIXTURES, "bwt-xml_2017-03-17_fastmode.xml"), "latin1").replace(/<last_updated_date>.*?<\/last_updated_time>/, "");
    expect(bare).not.toContain("last_updated");
    const BARE = path.join(folder, "fastmode-stripped.xml");
    writeFileSync(BARE, Buffer.from(bare, "latin1"));
    const mtime = Date.parse("2017-03-17T04:35:00Z");
    utimesSync(BARE, mtime / 1000, mtime / 1000);

    const db = emptyDb();
    const summary = await importHistory(db, [folder]);
    expect(summary).toMatchObject({ captures: 2, accepted: 2, rejected: [], fetchTimeFrom: { name: 0, feed: 1, mtime: 1 } });
    // last_updated 2014-4-28 21:41:1 is US Eastern (EDT): 2014-04-29T01:41:01Z.
    const firstSeen = db.prepare("SELECT DISTINCT first_seen_at FROM lane_reading WHERE updated_at LIKE ? ORDER BY 1").pluck();
    expect(firstSeen.all("2014-%")).toEqual([Date.parse("2014-04-29T01:41:01Z") / 1000]);
    expect(firstSeen.all("2017-%")).toEqual([mtime / 1000]);
    expect(summary.firstCaptureAt).toBe("2014-04-29T01:41:01.000Z");
    expect(summary.lastCaptureAt).toBe("2017-03-17T04:35:00.000Z");
  });

  it("refuses a missing path before writing anything", async () => {
    const db = emptyDb();
    const missing = path.join(dir, "does-not-exist");
    await expect(importHistory(db, [APRIL, missing])).rejects.toEqual(new MissingPathError([missing]));
    expect(countReadings(db)).toBe(0);
  });
});

describe("npm run history:import", () => {
  const cli = (args: string[], dataDir: string) => runCli("lib/cli/history-import.ts", args, dataDir);

  it("exits 0 with a summary, and 1 for no path, a missing path or nothing readable", async () => {
    const errorsOnly = path.join(dir, "errors-only");
    mkdirSync(errorsOnly, { recursive: true });
    writeFileSync(path.join(errorsOnly, "bwt.xml"), readFileSync(path.join(FIXTURES, "error-akamai_2025-06-10T070453Z_borderbuddy.html")));
    const mixed = path.join(dir, "mixed-cli");
    mkdirSync(mixed, { recursive: true });
    writeFileSync(path.join(mixed, "good.xml"), readFileSync(path.join(FIXTURES, "bwt-xml_2025-11-02T090434Z_borderbuddy.xml")));
    writeFileSync(path.join(mixed, "broken.tar.gz"), "this is not gzip");
    writeFileSync(path.join(mixed, "error.html"), readFileSync(path.join(FIXTURES, "error-akamai_2025-06-10T070453Z_borderbuddy.html")));
    const data = (name: string) => path.join(dir, `data-${name}`);
    const [ok, help, none, missing, unreadable, some] = await Promise.all([
      cli([path.join(FIXTURES, "bwt-xml_2025-11-02T090434Z_borderbuddy.xml")], data("ok")),
      cli(["--help"], data("help")),
      cli([], data("none")),
      cli([path.join(dir, "nope.tar.gz")], data("missing")),
      cli([errorsOnly], data("unreadable")),
      cli([mixed], data("mixed")),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Read 1 capture from 1 file in [\d.]+ s \([\d,]+ captures\/s\)/);
    expect(ok.stdout).toMatch(/Readings: +[1-9][\d,]* added, 0 duplicates/);
    expect(ok.stdout).toMatch(/Rejected: +none/);
    expect(existsSync(path.join(data("ok"), "smart-border.db"))).toBe(true);

    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: npm run history:import") });
    expect(none).toMatchObject({ code: 1, stderr: expect.stringContaining("at least one file or folder") });
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining("no such file or folder") });
    // A mistyped path must not leave an empty database behind.
    expect(existsSync(data("missing"))).toBe(false);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toMatch(/html_error_page: an HTML page instead of the feed \(1\)\n +.*bwt\.xml/);
    // Every file is accounted for: read, could not be read (and rejected), or skipped with why.
    expect(some.code).toBe(0);
    expect(some.stdout).toMatch(/Read 1 capture from 1 file \(1 more file could not be read\) in/);
    expect(some.stdout).toMatch(/Skipped: +1 file that is not a capture \(a capture is .xml, .xml.gz or .json, alone or in a .tar.gz\): .*error\.html/);
    expect(some.stdout).toMatch(/Rejected: +1 file, by reason:\n +unreadable: .*\(1\)\n +.*broken\.tar\.gz/);
  });
});
