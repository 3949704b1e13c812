/**
 * importHistory on input that is not a capture: empty files, bad gzip, gzip that is not a tar,
 * the recorded CBP error pages and CBP's RSS feed, each reported with its reason while the good capture beside them
 * is still imported, and a second run that adds nothing and rejects the same files.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importHistory } from "@/lib/history/import";
import { countReadings } from "@/lib/waits/store";
import { FIXTURES } from "@/tests/unit/cbp/support";
import { emptyDb } from "@/tests/unit/support/waits-fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "sb-history-rejects-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const raw = (name: string) => readFileSync(path.join(FIXTURES, name));
const GOOD = "z-bwt-xml_2025-11-02T090434Z.xml"; // sorts last: bad files before it must not stop the import

/** File name → content, and the rejection code each bad one must get. */
const FILES: [string, Buffer, string | null][] = [
  ["a-empty.xml", Buffer.alloc(0), "empty"],
  ["b-empty.tar.gz", Buffer.alloc(0), "unreadable"],
  ["c-not-gzip.xml.gz", Buffer.from("this is not gzip at all"), "unreadable"],
  ["d-not-gzip.tar.gz", Buffer.from("this is not gzip at all"), "unreadable"],
  ["e-gzip-not-tar.tar.gz", gzipSync(Buffer.from("hello, not a tar archive")), "unreadable"],
  ["f-cut.xml.gz", gzipSync(raw("bwt-xml_2025-11-02T090434Z_borderbuddy.xml")).subarray(0, 2000), "unreadable"],
  ["g-error-500.xml", raw("error-500-read_2025-09-29T180651Z_borderbuddy.html"), "html_error_page"],
  ["h-error-akamai.xml.gz", gzipSync(raw("error-akamai_2025-06-10T070453Z_borderbuddy.html")), "html_error_page"],
  ["i-error-iis.xml", raw("error-iis_2025-08-08T230444Z_borderbuddy.txt"), "unknown_format"],
  ["j-error-500.json", raw("error-500-read_2025-09-29T180651Z_borderbuddy.html"), "html_error_page"],
  ["k-empty.xml.gz", gzipSync(Buffer.alloc(0)), "empty"],
  ["l-rss.xml", raw("bwtrss-elpaso-2402_2025-03-27T204359Z_borderbuddy.xml"), "schema"],
  [GOOD, raw("bwt-xml_2025-11-02T090434Z_borderbuddy.xml"), null],
];

describe("importHistory on files that are not captures", () => {
  const folder = path.join(dir, "mixed");
  let goodOnly: number;

  beforeAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const [name, body] of FILES) writeFileSync(path.join(folder, name), body);
    // What the good capture alone stores, imported on its own.
    const alone = path.join(dir, "alone");
    mkdirSync(alone, { recursive: true });
    writeFileSync(path.join(alone, GOOD), raw("bwt-xml_2025-11-02T090434Z_borderbuddy.xml"));
    goodOnly = (await importHistory(emptyDb(), [alone])).added;
  });

  it("rejects each with its reason, in folder order, and still imports the good capture after them", async () => {
    expect(goodOnly).toBeGreaterThan(0);
    const db = emptyDb();
    const summary = await importHistory(db, [folder]);
    expect(summary.rejected.map((r) => [path.basename(r.file), r.code])).toEqual(FILES.filter(([, , code]) => code).map(([name, , code]) => [name, code]));
    for (const r of summary.rejected) {
      expect(r.file).toBe(path.join(folder, path.basename(r.file)));
      expect(r.message.length).toBeGreaterThan(0);
    }
    expect(summary.rejected.find((r) => r.file.endsWith("g-error-500.xml"))?.message).toMatch(/HTML/);
    // CBP's RSS feed is named for what it is, not called a cut-off download.
    expect(summary.rejected.find((r) => r.file.endsWith("l-rss.xml"))?.message).toBe("an XML <rss> document, not CBP's <border_wait_time> feed");
    // Files that could not be read at all count neither as files nor as skipped.
    expect(summary).toMatchObject({
      files: FILES.filter(([, , code]) => code !== "unreadable").length,
      skipped: [],
      captures: FILES.filter(([, , code]) => code !== "unreadable").length,
      accepted: 1,
      added: goodOnly,
      duplicates: 0,
      fetchTimeFrom: { name: 1, feed: 0, mtime: 0 },
      firstCaptureAt: "2025-11-02T09:04:34.000Z",
      lastCaptureAt: "2025-11-02T09:04:34.000Z",
    });
    expect(countReadings(db)).toBe(goodOnly);

    const again = await importHistory(db, [folder]);
    expect(again.rejected).toEqual(summary.rejected);
    expect(again).toMatchObject({ accepted: 1, added: 0, duplicates: goodOnly });
    expect(countReadings(db)).toBe(goodOnly);
  });

  it("writes nothing when nothing is readable", async () => {
    const db = emptyDb();
    const bad = FILES.filter(([, , code]) => code !== null).map(([name]) => path.join(folder, name));
    const summary = await importHistory(db, bad);
    expect(summary).toMatchObject({ accepted: 0, added: 0, duplicates: 0, firstCaptureAt: null, lastCaptureAt: null });
    expect(summary.rejected).toHaveLength(bad.length);
    expect(countReadings(db)).toBe(0);
  });
});
