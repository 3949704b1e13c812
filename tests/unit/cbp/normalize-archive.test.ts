/**
 * Every capture in the San Diego archive (hourly bwt.xml, April and October 2025) through
 * processFeed, checked against an independent reading of the same raw XML.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processFeed, type ProcessedFeed } from "@/lib/cbp";
import { readCaptures } from "@/lib/cbp/archive";
import { findCrossing, knowsLane } from "@/lib/ports";
import type { Lane } from "@/lib/waits/model";
import { ALL_LANES, ARCHIVE, clockOf, expectSnapshotInvariants, fetchedAtOf, GROUP_KEY, rawLane, rawPorts, wallClockOfIso } from "./support";

const MIN = 60_000;
const STATUS: Record<string, Lane["status"]> = { delay: "open", "no delay": "open", "lanes closed": "closed", "update pending": "pending" };

interface Checked {
  name: string;
  source: string;
  fetchedAtMs: number;
  body: Buffer;
  result: ProcessedFeed;
}

const captures: Checked[] = [];
const rejected: string[] = [];

beforeAll(async () => {
  for await (const capture of readCaptures([ARCHIVE])) {
    const fetchedAtMs = fetchedAtOf(capture.name);
    try {
      captures.push({ ...capture, fetchedAtMs, result: processFeed(capture.body, fetchedAtMs) });
    } catch (error) {
      rejected.push(`${capture.name}: ${(error as Error).message}`);
    }
  }
}, 20_000);

/** Collects violations so one failure report lists the first few cases instead of stopping at one. */
function violations(check: (c: Checked, report: (msg: string) => void) => void): string[] {
  const found: string[] = [];
  for (const c of captures) check(c, (msg) => found.push(`${c.name}: ${msg}`));
  return found;
}

describe("archive bwt-sd_2025-04 and bwt-sd_2025-10", () => {
  it("reads every capture from both tarballs and accepts all of them", () => {
    expect(rejected).toEqual([]);
    expect(captures.length).toBeGreaterThanOrEqual(500);
    expect(new Set(captures.map((c) => c.source))).toEqual(new Set(["bwt-sd_2025-04.tar.gz", "bwt-sd_2025-10.tar.gz"]));
    expect(new Set(captures.map((c) => c.name)).size).toBe(captures.length);
  });

  it("every snapshot passes the FeedSnapshot schema and the lane invariants, with no problems reported but CBP's typos", () => {
    const suspect: string[] = [];
    const found = violations((c, report) => {
      try {
        expectSnapshotInvariants(c.result);
      } catch (error) {
        report((error as Error).message.split("\n")[0]!);
      }
      for (const p of c.result.problems) {
        if (/suspect delay/.test(p)) suspect.push(`${c.name} ${p}`);
        else report(`problem: ${p}`);
      }
      if (c.result.unknownRegional.length > 0) report(`unknown crossings ${JSON.stringify(c.result.unknownRegional)}`);
    });
    expect(found.slice(0, 20)).toEqual([]);
    // The October archive holds San Ysidro's "1120" (2025-10-15, cbp-feed.md §5.2), posted twice.
    expect(suspect.filter((s) => s.includes("1120 min"))).toHaveLength(2);
    expect(suspect.every((s) => Number(/suspect delay of (\d+)/.exec(s)![1]) > 300)).toBe(true);
  });

  it("every lane matches the raw XML: no N/A or phantom lane, same status, numbers, maximum and wall clock", () => {
    let lanes = 0;
    let timed = 0;
    const found = violations((c, report) => {
      const raw = rawPorts(c.body, false);
      const ours = [...raw.keys()].filter((n) => findCrossing(n)).sort();
      const emitted = c.result.snapshot.crossings.map((x) => x.cbpPortNumber).sort();
      if (JSON.stringify(ours) !== JSON.stringify(emitted)) report(`crossings ${emitted} instead of ${ours}`);
      for (const out of c.result.snapshot.crossings) {
        const port = raw.get(out.cbpPortNumber)!;
        const def = findCrossing(out.cbpPortNumber)!.crossing;
        if (out.status !== String(port.port_status).toLowerCase()) report(`${out.cbpPortNumber} status ${out.status}`);
        for (const { mode, type } of ALL_LANES) {
          const r = rawLane(port, mode, type);
          const lane = out.lanes.find((l) => l.mode === mode && l.type === type);
          const where = `${out.cbpPortNumber} ${mode}/${type}`;
          const rawStatus = r?.operational_status.toLowerCase();
          if (r === undefined || rawStatus === "n/a" || (rawStatus === "update pending" && !knowsLane(def, mode, type))) {
            if (lane) report(`${where} emitted although CBP says ${JSON.stringify(r?.operational_status)}`);
            continue;
          }
          if (!lane) {
            report(`${where} missing (raw ${r.operational_status})`);
            continue;
          }
          lanes++;
          if (lane.status !== STATUS[rawStatus!]) report(`${where} status ${lane.status} for raw ${r.operational_status}`);
          // The archive is post-2017: delays are plain integers, and none exceeds a day.
          if (lane.status === "open" && (lane.delayMinutes !== Number(r.delay_minutes) || lane.lanesOpen !== Number(r.lanes_open))) {
            report(`${where} ${lane.delayMinutes}/${lane.lanesOpen} for raw ${r.delay_minutes}/${r.lanes_open}`);
          }
          const maxText = String((port[GROUP_KEY[mode]] as Record<string, unknown>).maximum_lanes);
          if (lane.maxLanes !== (/^\d+$/.test(maxText) ? Number(maxText) : null)) report(`${where} maxLanes ${lane.maxLanes} for raw ${maxText}`);
          const clock = clockOf(r.update_time);
          if (clock === null) {
            if (lane.updatedAt !== null) report(`${where} updatedAt ${lane.updatedAt} without update_time`);
            continue;
          }
          timed++;
          if (lane.updatedAt === null) {
            report(`${where} lost its update_time ${r.update_time}`);
            continue;
          }
          const wall = wallClockOfIso(lane.updatedAt);
          if (wall.hour !== clock.hour || wall.minute !== clock.minute) report(`${where} ${lane.updatedAt} for raw ${r.update_time}`);
        }
      }
    });
    expect(found.slice(0, 20)).toEqual([]);
    expect(lanes).toBeGreaterThan(captures.length * 10);
    expect(timed).toBeGreaterThan(captures.length * 5);
  });

  it("no reading is dated more than 70 minutes after the fetch, and at least 99% are less than 48 h old", () => {
    let total = 0;
    let old = 0;
    const found = violations((c, report) => {
      for (const crossing of c.result.snapshot.crossings) {
        for (const lane of crossing.lanes) {
          if (lane.updatedAt === null) continue;
          const at = Date.parse(lane.updatedAt);
          total++;
          if (at > c.fetchedAtMs + 70 * MIN) report(`${crossing.cbpPortNumber} ${lane.mode}/${lane.type} ${lane.updatedAt} is in the future`);
          if (at < c.fetchedAtMs - 48 * 60 * MIN) old++;
        }
      }
    });
    expect(found.slice(0, 20)).toEqual([]);
    expect(total).toBeGreaterThan(10_000);
    expect(old / total).toBeLessThanOrEqual(0.01);
  });

  it("reads the feed's US Eastern last_updated as an instant 0-30 min before the fetch", () => {
    const found = violations((c, report) => {
      const generated = c.result.snapshot.generatedAt;
      if (generated === null) return report("no generatedAt");
      const lag = c.fetchedAtMs - Date.parse(generated);
      if (lag < 0 || lag > 30 * MIN) report(`generatedAt ${generated} is ${Math.round(lag / MIN)} min before the fetch`);
    });
    expect(found.slice(0, 20)).toEqual([]);
  });

  it("gives every October and April reading the PDT offset", () => {
    const found = violations((c, report) => {
      for (const crossing of c.result.snapshot.crossings) {
        for (const lane of crossing.lanes) if (lane.updatedAt && !lane.updatedAt.endsWith("-07:00")) report(`${crossing.cbpPortNumber} ${lane.updatedAt}`);
      }
    });
    expect(found.slice(0, 20)).toEqual([]);
  });
});

describe("readCaptures on damaged or partial input", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cbp-archive-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function drain(paths: string[]): Promise<{ names: string[]; error: unknown }> {
    const names: string[] = [];
    try {
      for await (const c of readCaptures(paths)) names.push(c.name);
      return { names, error: null };
    } catch (error) {
      return { names, error };
    }
  }

  it("rejects, rather than crashing the process or hanging, on a truncated .tar.gz", async () => {
    const whole = readFileSync(path.join(ARCHIVE, "bwt-sd_2025-04.tar.gz"));
    const cut = path.join(dir, "cut.tar.gz");
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.4)));
    const { names, error } = await drain([cut]);
    expect(error).toBeInstanceOf(Error);
    // Captures before the cut are still delivered, in order.
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]).toBe("bwt-sd_2025-04-01T002110Z.xml");
  }, 5_000);

  it("rejects a file that is not gzip at all", async () => {
    const bogus = path.join(dir, "bogus.tgz");
    writeFileSync(bogus, "The page cannot be displayed because an internal server error has occurred.");
    expect((await drain([bogus])).error).toBeInstanceOf(Error);
  }, 5_000);

  it("reads loose and gzipped captures from a folder, sorted, skipping other files", async () => {
    const folder = mkdtempSync(path.join(dir, "loose-"));
    writeFileSync(path.join(folder, "b.json.gz"), gzipSync("[]"));
    writeFileSync(path.join(folder, "a.xml"), "<border_wait_time/>");
    writeFileSync(path.join(folder, "notes.txt"), "not a capture");
    writeFileSync(path.join(folder, ".hidden.xml"), "<x/>");
    const bodies: string[] = [];
    for await (const c of readCaptures([folder])) bodies.push(`${c.name}=${c.body.toString()}`);
    expect(bodies).toEqual(["a.xml=<border_wait_time/>", "b.json.gz=[]"]);
  });

  it("lets a consumer stop early without hanging", async () => {
    const names: string[] = [];
    for await (const c of readCaptures([path.join(ARCHIVE, "bwt-sd_2025-10.tar.gz")])) {
      names.push(c.name);
      if (names.length === 3) break;
    }
    expect(names).toHaveLength(3);
  });
});
