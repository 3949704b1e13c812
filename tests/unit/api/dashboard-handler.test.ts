/**
 * GET /api/v1/dashboard through its Web Request/Response handler: JSON by default, CSV of the
 * lanes (`?format=csv`) or of their last 7 days (`?format=csv&series=week`). The history is the
 * real October 2025 archive and the live snapshot one of its captures, saved as a poll would.
 */
import path from "node:path";
import { bad, expectApiHeaders } from "./response-checks";
import { beforeAll, describe, expect, it } from "vitest";
import { handleDashboard, SUMMARY_COLUMNS, summaryCsv } from "@/lib/api/dashboard-handler";
import { handleAllPorts } from "@/lib/api/ports-handler";
import { PortsResponse } from "@/lib/api/v1-schema";
import { processFeed } from "@/lib/cbp";
import { readCaptures } from "@/lib/cbp/archive";
import { openDatabase, type Db } from "@/lib/db/client";
import { compareToTypical } from "@/lib/history/compare";
import type { Dashboard } from "@/lib/history/dashboard";
import { importHistory } from "@/lib/history/import";
import { PORTS } from "@/lib/ports";
import type { WaitsSource } from "@/lib/waits/read";
import { OLD_READING_MS } from "@/lib/waits/limits";
import { saveSuccessfulPoll } from "@/lib/waits/store";

const ARCHIVE = path.resolve(import.meta.dirname, "../../fixtures/cbp-archive/bwt-sd_2025-10.tar.gz");
const LIVE_CAPTURE = "bwt-sd_2025-10-29T180652Z.xml";
const LIVE_AT = Date.parse("2025-10-29T18:06:52Z");
/** Wednesday 2025-10-29, 11:30 in San Diego. */
const NOW = Date.parse("2025-10-29T18:30:00Z");
const HOUR_MS = 3_600_000;
const BASE = "http://localhost:3107/api/v1/dashboard";
const ACTIVE = PORTS.filter((p) => p.kind === "active");
/** (port, crossing, mode, lane) of every registry lane of the active ports, in display order. */
const LANES = ACTIVE.flatMap((p) => p.crossings.flatMap((c) => c.lanes.map((l) => [p.slug, c.cbpPortNumber, l.mode, l.type])));
const WEEK_COLUMNS = ["port", "crossing", "mode", "lane", "hour", "wait_minutes", "typical_median", "typical_p25", "typical_p75"];

let db: Db;
let source: WaitsSource;

beforeAll(async () => {
  db = openDatabase(":memory:");
  const summary = await importHistory(db, [ARCHIVE]);
  expect(summary.accepted).toBe(744);
  let live: Buffer | undefined;
  for await (const capture of readCaptures([ARCHIVE])) if (capture.name === LIVE_CAPTURE) live = capture.body;
  expect(live).toBeDefined();
  saveSuccessfulPoll(db, { fetchedAt: LIVE_AT, snapshot: processFeed(live!, LIVE_AT).snapshot });
  source = { db, now: () => NOW, staleSeconds: 3600 };
}, 60_000);

const dashboard = (query = "", headers: Record<string, string> = {}): Response => handleDashboard(new Request(`${BASE}${query}`, { headers }), source);


/**
 * A small RFC 4180 reader: CRLF between records (and after the last), fields between commas,
 * quoted fields may hold commas, CR, LF and doubled quotes. Throws on anything else.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error("unterminated quoted field");
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== "," && text[j] !== "\r" && text[j] !== "\n") {
        if (text[j] === '"') throw new Error(`bare quote at ${j}`);
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

/** Minimal RFC 4180 quoting: only fields with a comma, quote, CR or LF. */
const writeCsv = (rows: string[][]) => rows.map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",")).join("\r\n") + "\r\n";

const cell = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? "" : String(v));

async function dashboardJson(): Promise<Dashboard> {
  const res = dashboard();
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Dashboard }).data;
}

describe("JSON (the default)", () => {
  it("lists every lane of every active port, with the 7-day series, and the live freshness", async () => {
    const res = dashboard();
    expect(res.status).toBe(200);
    expectApiHeaders(res);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.has("content-disposition")).toBe(false);
    const body = (await res.json()) as { data: Dashboard };
    expect(Object.keys(body)).toEqual(["data"]);
    const d = body.data;
    expect(d.generatedAt).toBe("2025-10-29T18:30:00.000Z");
    expect(d.fetchedAt).toBe("2025-10-29T18:06:52.000Z");
    expect(d.stale).toBe(false);
    expect(d.ports.map((p) => p.slug)).toEqual(["san-ysidro", "otay-mesa", "tecate", "cross-border-xpress"]);
    const lanes = d.ports.flatMap((p) => p.lanes.map((l) => [p.slug, l.cbpPortNumber, l.mode, l.type]));
    expect(lanes).toEqual(LANES);
    expect(lanes).toHaveLength(18);
    for (const p of d.ports) for (const l of p.lanes) expect(l.week).toHaveLength(168);
    // format=json is the same answer.
    expect(await dashboard("?format=json").json()).toEqual(body);
  });

  it("shows the same live lanes as /api/v1/ports, and compares them with typical as compare.ts says", async () => {
    const d = await dashboardJson();
    const ports = PortsResponse.parse(await handleAllPorts(new Request("http://localhost:3107/api/v1/ports"), source).json());
    let open = 0;
    let compared = 0;
    for (const p of d.ports) {
      for (const l of p.lanes) {
        const live = ports.data.find((x) => x.slug === p.slug)!.crossings.find((c) => c.cbpPortNumber === l.cbpPortNumber)?.lanes.find((x) => x.mode === l.mode && x.type === l.type);
        const name = `${l.cbpPortNumber}/${l.mode}/${l.type}`;
        expect(l.status, name).toBe(live?.status ?? "unreported");
        expect(l.updatedAt, name).toBe(live?.updatedAt ?? null);
        expect(l.lanesOpen, name).toBe(live?.lanesOpen ?? null);
        expect(l.maxLanes, name).toBe(live?.maxLanes ?? null);
        expect(l.wait, name).toBe(live?.status === "open" ? live.delayMinutes : null);
        if (l.wait !== null) open++;
        if (l.wait !== null && !l.old && l.typical) {
          compared++;
          expect(l.vsTypical, name).toBe(compareToTypical(l.wait, l.typical));
        } else {
          expect(l.vsTypical, name).toBeNull();
        }
      }
    }
    expect(open).toBeGreaterThan(10);
    expect(compared).toBeGreaterThan(5);
  });

  it("counts lanes open against the maximum of the crossings reporting, and also gives the border's whole maximum", async () => {
    const d = await dashboardJson();
    const ports = PortsResponse.parse(await handleAllPorts(new Request("http://localhost:3107/api/v1/ports"), source).json());
    // CBP's maximum is per crossing and mode, repeated on each lane type.
    const maxima = new Map<string, number>();
    const reporting = new Map<string, { open: number; max: number }>();
    for (const p of ports.data) {
      for (const c of p.crossings) {
        for (const l of c.lanes) {
          const key = `${c.cbpPortNumber}/${l.mode}`;
          if (l.maxLanes !== null) maxima.set(key, l.maxLanes);
          const old = l.updatedAt !== null && Date.parse(d.generatedAt) - Date.parse(l.updatedAt) > OLD_READING_MS;
          if (l.status !== "open" || l.maxLanes === null || old) continue;
          const r = reporting.get(key) ?? { open: 0, max: l.maxLanes };
          r.open += l.lanesOpen ?? 0;
          reporting.set(key, r);
        }
      }
    }
    const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);
    expect(d.headline.lanesMaxAll).toBe(sum(maxima.values()));
    expect(d.headline.lanesMax).toBe(sum([...reporting.values()].map((r) => r.max)));
    expect(d.headline.lanesOpen).toBe(sum([...reporting.values()].map((r) => r.open)));
    expect(d.headline.lanesMax).toBeLessThanOrEqual(d.headline.lanesMaxAll);
    expect(d.headline.lanesMaxAll).toBeGreaterThan(100);
    expect(d.ports.map((p) => p.maxLanesAll).reduce((a, b) => a + b, 0)).toBe(d.headline.lanesMaxAll);
  });
});

describe("CSV of the lanes (?format=csv)", () => {
  it("is an attachment whose header row is SUMMARY_COLUMNS, with one row per lane of every active port", async () => {
    const res = dashboard("?format=csv");
    expect(res.status).toBe(200);
    expectApiHeaders(res);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="border-status-20251029-1830.csv"');
    const text = await res.text();
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...SUMMARY_COLUMNS]);
    expect(rows).toHaveLength(1 + 18);
    for (const r of rows) expect(r).toHaveLength(SUMMARY_COLUMNS.length);
    const col = (name: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(name);
    expect(rows.slice(1).map((r) => [r[col("port")], r[col("crossing")], r[col("mode")], r[col("lane")]])).toEqual(LANES);
    // Quoted exactly where RFC 4180 needs it.
    expect(writeCsv(rows)).toBe(text);
  });

  it("carries the JSON's values", async () => {
    const d = await dashboardJson();
    const rows = parseCsv(await dashboard("?format=csv").text()).slice(1);
    const lanes = d.ports.flatMap((p) => p.lanes.map((l) => ({ slug: p.slug, l })));
    expect(rows).toEqual(
      lanes.map(({ slug, l }) =>
        [
          slug, l.cbpPortNumber, l.crossingName.en, l.mode, l.type, l.status, l.wait, l.updatedAt, l.old,
          l.typical?.median, l.typical?.p25, l.typical?.p75, l.vsTypical, l.lanesOpen, l.maxLanes, l.trend,
        ].map(cell),
      ),
    );
    // A few values that must be there with this capture: open lanes with waits and reading times.
    const sy = rows.find((r) => r[1] === "250401" && r[3] === "passenger" && r[4] === "standard")!;
    expect(sy[5]).toBe("open");
    expect(sy[6]).toMatch(/^\d+$/);
    expect(sy[7]).toMatch(/^2025-10-29T\d{2}:\d{2}:00-07:00$/);
    expect(sy[8]).toBe("false");
  });

  it("quotes fields holding commas, quotes or line breaks, and round-trips them", () => {
    const lane = (name: string, wait: number | null): Dashboard["ports"][number]["lanes"][number] => ({
      cbpPortNumber: "250401",
      crossingName: { en: name, es: name },
      mode: "passenger",
      type: "standard",
      status: wait === null ? "closed" : "open",
      wait,
      updatedAt: wait === null ? null : "2025-10-29T11:00:00-07:00",
      old: false,
      lanesOpen: null,
      maxLanes: 34,
      typical: wait === null ? null : { median: 32.5, p25: 20, p75: 45, n: 4 },
      noOpenReadings: false,
      vsTypical: wait === null ? null : "normal",
      trend: null,
      recent: [],
      week: [],
    });
    const names = ['Garita "Norte", carril 1', "Línea\r\ndos", "plain", 'only "quotes"', "a,b", "trailing\n", '"'];
    // Built by hand: the real crossing names hold no comma or quote.
    const d: Dashboard = {
      generatedAt: "2025-10-29T18:30:00.000Z",
      fetchedAt: null,
      stale: false,
      ports: [{ slug: "san-ysidro", name: { en: "San Ysidro", es: "San Ysidro" }, timeZone: "America/Los_Angeles", lanes: names.map((n, i) => lane(n, i % 2 ? null : 10 * i)), staffing: [], maxLanesAll: 34 }],
      headline: { portsAboveTypical: 0, portsCompared: 0, lanesOpen: 0, lanesMax: 0, lanesMaxAll: 34, longest: null, shortest: null },
    };
    const text = summaryCsv(d);
    expect(text).toContain('"Garita ""Norte"", carril 1"');
    expect(text).toContain('"Línea\r\ndos"');
    expect(text).toContain(",plain,");
    expect(text).toContain(',"""",');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + names.length);
    expect(rows.slice(1).map((r) => r[2])).toEqual(names);
    expect(rows[1]).toEqual(["san-ysidro", "250401", 'Garita "Norte", carril 1', "passenger", "standard", "open", "0", "2025-10-29T11:00:00-07:00", "false", "32.5", "20", "45", "normal", "", "34", ""]);
    // Nulls are empty fields, not "null".
    expect(rows[2]).toEqual(["san-ysidro", "250401", "Línea\r\ndos", "passenger", "standard", "closed", "", "", "false", "", "", "", "", "", "34", ""]);
    expect(writeCsv(rows)).toBe(text);
  });
});

describe("CSV of the week (?format=csv&series=week)", () => {
  it("has 168 hourly rows per lane, oldest first, ending with the current hour", async () => {
    const res = dashboard("?format=csv&series=week");
    expect(res.status).toBe(200);
    expectApiHeaders(res);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="border-waits-7-days-20251029-1830.csv"');
    const text = await res.text();
    const rows = parseCsv(text);
    expect(writeCsv(rows)).toBe(text);
    expect(rows[0]).toEqual(WEEK_COLUMNS);
    expect(rows).toHaveLength(1 + 18 * 168);
    const hourNow = Math.floor(NOW / HOUR_MS) * HOUR_MS;
    LANES.forEach((lane, i) => {
      const block = rows.slice(1 + i * 168, 1 + (i + 1) * 168);
      for (const [k, r] of block.entries()) {
        expect(r).toHaveLength(WEEK_COLUMNS.length);
        expect(r.slice(0, 4)).toEqual(lane);
        expect(Date.parse(r[4]!)).toBe(hourNow - (167 - k) * HOUR_MS);
        expect(r[5]).toMatch(/^(\d+)?$/);
      }
    });
    const d = await dashboardJson();
    const expected = d.ports.flatMap((p) =>
      p.lanes.flatMap((l) => l.week.map((h) => [p.slug, l.cbpPortNumber, l.mode, l.type, h.at, h.wait, h.typical?.median, h.typical?.p25, h.typical?.p75].map(cell))),
    );
    expect(rows.slice(1)).toEqual(expected);
    // The archive fills most of the week.
    expect(rows.slice(1).filter((r) => r[5] !== "").length).toBeGreaterThan(1000);
  });
});

describe("ETag and 304, like the other v1 answers", () => {
  it("answers 304 to each format's own ETag, with the 200's cache headers, and 200 to another's", async () => {
    const etags = new Map<string, string>();
    for (const q of ["", "?format=csv", "?format=csv&series=week"]) {
      const first = dashboard(q);
      const etag = first.headers.get("etag")!;
      expect(etag, q).toMatch(/^W\/"[\w-]{27}"$/);
      etags.set(q, etag);
      const again = dashboard(q, { "if-none-match": etag });
      expect(again.status, q).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
      expectApiHeaders(again);
    }
    expect(new Set(etags.values()).size).toBe(3);
    expect(dashboard("?format=csv", { "if-none-match": etags.get("")! }).status).toBe(200);

    // A minute later (same hour, same data) only generatedAt differs: still a 304.
    const later = { ...source, now: () => NOW + 60_000 };
    const laterJson = handleDashboard(new Request(BASE), later);
    expect(((await laterJson.json()) as { data: Dashboard }).data.generatedAt).toBe(new Date(NOW + 60_000).toISOString());
    expect(laterJson.headers.get("etag")).toBe(etags.get(""));
    // An hour later the 7-day series has moved on: another ETag.
    expect(handleDashboard(new Request(BASE), { ...source, now: () => NOW + 3_600_000 }).headers.get("etag")).not.toBe(etags.get(""));
  });
});

describe("query validation", () => {
  it("series=week without format=csv is 400", async () => {
    expect(await bad(dashboard("?series=week"))).toMatch(/csv/);
    await bad(dashboard("?format=json&series=week"));
  });

  it.each([
    "?foo=1",
    "?format=xml",
    "?format=CSV",
    "?format=",
    "?series=month",
    "?format=csv&series=day",
    "?format=csv&series=",
    "?format=csv&lang=es",
    "?format=csv&format=csv",
    "?format=csv&format=json",
    "?format=csv&series=week&series=week",
    "?__proto__=1",
  ])("%s is 400", async (query) => {
    await bad(dashboard(query));
  });

  it("an empty query is the default", async () => {
    expect(dashboard("?").status).toBe(200);
  });
});
