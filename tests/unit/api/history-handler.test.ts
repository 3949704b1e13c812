/**
 * GET /api/v1/ports/{slug}/history through its Web Request/Response handler, on the real
 * October 2025 San Diego archive (744 hourly captures) imported into an in-memory database,
 * with the clock fixed inside that month so every answer is deterministic.
 */
import path from "node:path";
import fc from "fast-check";
import { bad, expectApiHeaders, okJson } from "./response-checks";
import { beforeAll, describe, expect, it } from "vitest";
import { handleHistory } from "@/lib/api/history-handler";
import { HistoryResponse } from "@/lib/api/history-schema";
import { DATA_CACHE_CONTROL } from "@/lib/api/http";
import { ApiError } from "@/lib/api/v1-schema";
import { openDatabase, type Db } from "@/lib/db/client";
import { importHistory } from "@/lib/history/import";

const ARCHIVE = path.resolve(import.meta.dirname, "../../fixtures/cbp-archive/bwt-sd_2025-10.tar.gz");
/** Wednesday 2025-10-29, 11:30 in San Diego (PDT, UTC−7). */
const NOW = Date.parse("2025-10-29T18:30:00Z");
const NOW_S = NOW / 1000;
const HOUR = 3600;
const DAY = 24 * HOUR;
const BASE = "http://localhost:3107/api/v1/ports";
const SAN_YSIDRO = ["250401", "250407"];

type Row = HistoryResponse["data"][number];

let db: Db;

beforeAll(async () => {
  db = openDatabase(":memory:");
  const summary = await importHistory(db, [ARCHIVE]);
  expect(summary).toMatchObject({ captures: 744, accepted: 744, rejected: [] });
}, 60_000);

function history(query = "", slug = "san-ysidro", headers: Record<string, string> = {}): Response {
  return handleHistory(new Request(`${BASE}/${encodeURIComponent(slug)}/history${query}`, { headers }), slug, { db, now: () => NOW });
}

/** Follows a `meta.next` link (a path and query on this server). */
function follow(next: string, slug = "san-ysidro"): Response {
  return handleHistory(new Request(`http://localhost:3107${next}`), slug, { db, now: () => NOW });
}

async function ok(res: Response): Promise<HistoryResponse> {
  return HistoryResponse.parse(await okJson(res));
}

const iso = (s: number) => new Date(s * 1000).toISOString();
const instant = (updatedAt: string) => Date.parse(updatedAt) / 1000;
const key = (r: Row) => `${r.cbpPortNumber}/${r.mode}/${r.type}@${instant(r.updatedAt)}`;

/** Strictly increasing by (reading time, crossing, mode, type): sorted and free of duplicates. */
function expectSorted(rows: readonly Row[]): void {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const ta = instant(a.updatedAt);
    const tb = instant(b.updatedAt);
    const before =
      ta < tb ||
      (ta === tb &&
        (a.cbpPortNumber < b.cbpPortNumber ||
          (a.cbpPortNumber === b.cbpPortNumber && (a.mode < b.mode || (a.mode === b.mode && a.type < b.type)))));
    expect(before, `${key(a)} then ${key(b)}`).toBe(true);
  }
}

/** The stored readings the handler should return, read with SQL of our own. */
function stored(crossings: readonly string[], from: number, to: number, where = "", args: string[] = []): Row[] {
  const rows = db
    .prepare(
      `SELECT cbp_port_number AS cbpPortNumber, mode, type, updated_at AS updatedAt, status,
              delay_minutes AS delayMinutes, lanes_open AS lanesOpen, max_lanes AS maxLanes
         FROM lane_reading
        WHERE cbp_port_number IN (${crossings.map(() => "?").join(",")}) AND observed_at >= ? AND observed_at < ? ${where}`,
    )
    .all(...crossings, from, to, ...args) as Row[];
  // Sorted here, not in SQL, so that the order is checked independently.
  return rows.sort(
    (a, b) =>
      instant(a.updatedAt) - instant(b.updatedAt) || a.cbpPortNumber.localeCompare(b.cbpPortNumber) || a.mode.localeCompare(b.mode) || a.type.localeCompare(b.type),
  );
}

describe("the default range", () => {
  it("is the 24 hours before now, with every stored reading of the port's crossings in it", async () => {
    const body = await ok(history());
    expect(body.meta).toEqual({ source: "cbp-bwt", from: iso(NOW_S - DAY), to: iso(NOW_S), count: body.data.length, nextCursor: null, next: null });
    expect(body.meta.from).toBe("2025-10-28T18:30:00.000Z");
    const expected = stored(SAN_YSIDRO, NOW_S - DAY, NOW_S);
    expect(expected.length).toBeGreaterThan(40);
    expect(body.data).toEqual(expected);
    expectSorted(body.data);
    for (const r of body.data) {
      expect(SAN_YSIDRO).toContain(r.cbpPortNumber);
      expect(instant(r.updatedAt)).toBeGreaterThanOrEqual(NOW_S - DAY);
      expect(instant(r.updatedAt)).toBeLessThan(NOW_S);
      // CBP's wall clock with the port's offset (October is PDT).
      expect(r.updatedAt).toMatch(/^2025-10-2[89]T\d{2}:\d{2}:00-07:00$/);
    }
  });

  it("equals the same range asked for explicitly, and the last day before a given `to`", async () => {
    const implicit = await ok(history());
    const explicit = await ok(history(`?from=${iso(NOW_S - DAY)}&to=${iso(NOW_S)}`));
    expect(explicit).toEqual(implicit);
    const onlyTo = await ok(history(`?to=${encodeURIComponent("2025-10-20T00:00:00-07:00")}`));
    expect(onlyTo.meta.from).toBe("2025-10-19T07:00:00.000Z");
    expect(onlyTo.meta.to).toBe("2025-10-20T07:00:00.000Z");
    expect(onlyTo.data).toEqual(stored(SAN_YSIDRO, instant("2025-10-19T00:00:00-07:00"), instant("2025-10-20T00:00:00-07:00")));
  });

  it("carries every lane field as stored (a spot check against a value read from the capture)", async () => {
    const body = await ok(history("?crossing=250401&mode=passenger&type=standard&from=2025-10-13T10:00:00-07:00&to=2025-10-13T10:00:01-07:00"));
    expect(body.data).toHaveLength(1);
    const [row] = stored(["250401"], instant("2025-10-13T10:00:00-07:00"), instant("2025-10-13T10:00:01-07:00"), "AND mode = 'passenger' AND type = 'standard'");
    expect(body.data[0]).toEqual(row);
    expect(body.data[0]).toMatchObject({ cbpPortNumber: "250401", mode: "passenger", type: "standard", updatedAt: "2025-10-13T10:00:00-07:00", status: "open", maxLanes: 34 });
  });
});

describe("filters", () => {
  const range = "from=2025-10-13&to=2025-10-19";
  const from = instant("2025-10-13T00:00:00-07:00");
  const to = instant("2025-10-20T00:00:00-07:00");

  it("crossing, mode and type each keep only matching readings, and combine", async () => {
    const all = await ok(history(`?${range}&limit=2000`));
    expect(all.meta.nextCursor).toBeNull();
    expect(all.data).toEqual(stored(SAN_YSIDRO, from, to));
    const cases: [string, (r: Row) => boolean][] = [
      ["crossing=250407", (r) => r.cbpPortNumber === "250407"],
      ["crossing=250401", (r) => r.cbpPortNumber === "250401"],
      ["mode=pedestrian", (r) => r.mode === "pedestrian"],
      ["mode=passenger", (r) => r.mode === "passenger"],
      ["type=ready", (r) => r.type === "ready"],
      ["mode=pedestrian&type=standard", (r) => r.mode === "pedestrian" && r.type === "standard"],
      ["crossing=250401&mode=pedestrian&type=ready", (r) => r.cbpPortNumber === "250401" && r.mode === "pedestrian" && r.type === "ready"],
    ];
    for (const [query, keep] of cases) {
      const body = await ok(history(`?${range}&limit=2000&${query}`));
      const expected = all.data.filter(keep);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(all.data.length);
      expect(body.data, query).toEqual(expected);
      expect(body.meta.count).toBe(expected.length);
    }
    // A lane type the port does not have is an empty answer, not an error.
    expect((await ok(history(`?${range}&mode=commercial`))).data).toEqual([]);
  });

  it("a crossing of another port is a 400 that names this port's crossings", async () => {
    const message = await bad(history("?crossing=250601"));
    expect(message).toContain("250601");
    expect(message).toContain("250401");
    expect(message).toContain("250407");
    expect(await bad(history("?crossing=250401", "tecate"))).toContain("250501");
    // The same crossing is fine on its own port.
    expect((await ok(history("?crossing=250601", "otay-mesa"))).data.every((r) => r.cbpPortNumber === "250601")).toBe(true);
  });

  it.each(["?crossing=abc", "?crossing=25040", "?crossing=2504011", "?crossing=", "?mode=car", "?mode=", "?type=nexus", "?type=Standard"])("%s is 400", async (query) => {
    await bad(history(query));
  });
});

describe("from and to", () => {
  it("YYYY-MM-DD is port-local midnight, and `to` includes the whole day", async () => {
    // 2025-10-11 and 2025-10-12 both have readings taken at exactly local midnight.
    const body = await ok(history("?from=2025-10-11&to=2025-10-11&limit=2000"));
    const start = instant("2025-10-11T00:00:00-07:00");
    const end = instant("2025-10-12T00:00:00-07:00");
    expect(body.meta.from).toBe(iso(start));
    expect(body.meta.to).toBe(iso(end));
    expect(body.meta.from).toBe("2025-10-11T07:00:00.000Z");
    expect(body.data).toEqual(stored(SAN_YSIDRO, start, end));
    expect(body.data.every((r) => r.updatedAt.startsWith("2025-10-11T"))).toBe(true);
    // Half-open: a reading taken at local midnight belongs to the day it starts.
    const at = (t: number) => db.prepare("SELECT COUNT(*) FROM lane_reading WHERE cbp_port_number IN ('250401', '250407') AND observed_at = ?").pluck().get(t) as number;
    expect(at(start)).toBeGreaterThan(0);
    expect(at(end)).toBeGreaterThan(0);
    expect(body.data.filter((r) => instant(r.updatedAt) === start)).toHaveLength(at(start));
    expect(body.data.some((r) => instant(r.updatedAt) === end)).toBe(false);
    // The next day starts with them.
    const next = await ok(history("?from=2025-10-12&to=2025-10-12"));
    expect(next.data.filter((r) => instant(r.updatedAt) === end)).toHaveLength(at(end));
    // Two days: the union of both.
    const both = await ok(history("?from=2025-10-11&to=2025-10-12"));
    expect(both.data).toEqual([...body.data, ...next.data]);
  });

  it("ISO 8601 date-times with an offset or Z are taken as written", async () => {
    const day = await ok(history("?from=2025-10-13&to=2025-10-13"));
    for (const query of [
      "?from=2025-10-13T00:00:00-07:00&to=2025-10-14T00:00:00-07:00",
      "?from=2025-10-13T07:00Z&to=2025-10-14T07:00:00.000Z",
      "?from=2025-10-13T09:00:00%2B02:00&to=2025-10-14T09:00%2B02:00",
    ]) {
      expect(await ok(history(query)), query).toEqual(day);
    }
  });

  it("with only a date `to`, gives that local day (25 hours on the fall-back day)", async () => {
    const day = await ok(history("?to=2025-10-13&limit=1"));
    expect(day.meta.from).toBe("2025-10-13T07:00:00.000Z");
    expect(day.meta.to).toBe("2025-10-14T07:00:00.000Z");
    const fallBack = await ok(history("?to=2025-11-02&limit=1"));
    expect(Date.parse(fallBack.meta.to) - Date.parse(fallBack.meta.from)).toBe(25 * 3600 * 1000);
  });

  it("accepts exactly 31 days and refuses more", async () => {
    const month = await ok(history("?from=2025-10-01&to=2025-10-31&limit=1"));
    expect(month.meta.from).toBe("2025-10-01T07:00:00.000Z");
    expect(month.meta.to).toBe("2025-11-01T07:00:00.000Z");
    expect(month.meta.nextCursor).not.toBeNull();
    await ok(history(`?from=${iso(NOW_S - 31 * DAY)}`));
    expect(await bad(history("?from=2025-10-01&to=2025-11-01"))).toMatch(/31 days/);
    await bad(history(`?from=${iso(NOW_S - 31 * DAY - 1)}`));
    await bad(history("?from=2025-09-01"));
    await bad(history("?from=2025-01-01&to=2025-12-31"));
    // 31 local days across the fall-back change are 31 days and 1 hour of real time.
    const fallBack = await ok(history("?from=2025-10-15&to=2025-11-14&limit=1"));
    expect(Date.parse(fallBack.meta.to) - Date.parse(fallBack.meta.from)).toBe((31 * DAY + 3600) * 1000);
    await bad(history("?from=2025-10-15&to=2025-11-15"));
  });

  it("refuses from ≥ to", async () => {
    await bad(history("?from=2025-10-14&to=2025-10-13"));
    await bad(history("?from=2025-10-13T00:00:00Z&to=2025-10-13T00:00:00Z"));
    await bad(history("?from=2025-10-13T00:00:00-07:00&to=2025-10-13T07:00:00Z"));
    // Without `to`, a `from` at or after now.
    await bad(history(`?from=${iso(NOW_S)}`));
    await bad(history("?from=2025-10-30"));
  });

  it.each([
    "2025-02-30",
    "2024-13-01",
    "2025-00-10",
    "2025-02-30T00:00Z",
    "2025-09-31T00:00:00-07:00",
    "2025-02-29",
    "2025-04-31",
    "yesterday",
    "today",
    "now",
    "",
    "2025-10-1",
    "25-10-01",
    "10/13/2025",
    "2025/10/13",
    "2025-10-13T10:00",
    "2025-10-13T10:00:00",
    "2025-10-13 10:00:00Z",
    "2025-10-13T25:00:00Z",
    "2025-10-13T10:61:00Z",
    "2025-10-13T10:00:00+0700",
    "1760000000",
    "2025-10-13T10:00:00.0000Z",
    `2025-10-13${"0".repeat(40)}`,
    "9999-12-31", // would end past the four-digit years ISO 8601 prints
    "0001-01-01",
    "1969-12-31T00:00:00Z",
  ])("from=%j and to=%j are 400", async (text) => {
    const value = encodeURIComponent(text);
    expect(await bad(history(`?from=${value}&to=2025-10-20`))).toMatch(/from/);
    expect(await bad(history(`?from=2025-10-13&to=${value}`))).toMatch(/to/);
  });
});

describe("dates written loosely but unambiguously", () => {
  it("an offset whose + arrived as a space (typed unencoded) is read as +", async () => {
    const plain = await ok(history("?from=2025-10-13T12:00:00%2B05:00&to=2025-10-13T20:00:00%2B05:00"));
    const spaced = await ok(history("?from=2025-10-13T12:00:00+05:00&to=2025-10-13T20:00:00+05:00"));
    expect(spaced.meta).toEqual(plain.meta);
    expect(spaced.data).toEqual(plain.data);
  });

  it("a bad date's message says what is expected, including the years", async () => {
    expect(await bad(history("?from=9999-12-30&to=9999-12-31"))).toMatch(/years 1970–2999/);
  });
});

describe("query validation", () => {
  it.each([
    "?foo=1",
    "?From=2025-10-13",
    "?port=san-ysidro",
    "?mode=pedestrian&lang=es",
    "?offset=50",
    "?__proto__=1",
    "?limit[]=5",
  ])("unknown parameter %s is 400 and named", async (query) => {
    const name = decodeURIComponent(query.slice(1).split("=")[0]!.split("&")[0]!);
    const message = await bad(history(query));
    if (!query.includes("&")) expect(message).toContain(name);
  });

  it.each([
    "?mode=pedestrian&mode=pedestrian",
    "?mode=pedestrian&mode=passenger",
    "?limit=5&limit=5",
    "?from=2025-10-13&from=2025-10-14",
    "?crossing=250401&crossing=250407",
    "?cursor=a&cursor=b",
  ])("repeated parameter %s is 400", async (query) => {
    expect(await bad(history(query))).toMatch(/once/);
  });

  it.each(["0", "2001", "abc", "-1", "1.5", "", "1e9", "Infinity", "NaN", "1e3", "0x10", "+5", "2000.0", " 5", "0005000"])("limit=%j is 400", async (limit) => {
    await bad(history(`?limit=${encodeURIComponent(limit)}`));
  });

  it("limit 1 and 2000 are accepted", async () => {
    expect((await ok(history("?limit=1"))).data).toHaveLength(1);
    expect((await ok(history("?from=2025-10-01&to=2025-10-31&limit=2000"))).data).toHaveLength(2000);
  });

  it("a query string over the length cap is 400", async () => {
    await bad(history(`?cursor=${"A".repeat(1100)}`));
    await bad(history(`?${"x".repeat(2000)}`));
  });

  it.each([
    "abc",
    "",
    "!!!",
    Buffer.from("[1,2,3]").toString("base64url"),
    Buffer.from('[1760000000,"250401","passenger"]').toString("base64url"),
    Buffer.from('[-1,"250401","passenger","standard"]').toString("base64url"),
    Buffer.from('[1.5,"250401","passenger","standard"]').toString("base64url"),
    Buffer.from('[1760000000,"san-ysidro","passenger","standard"]').toString("base64url"),
    Buffer.from('[1760000000,"250401","car","standard"]').toString("base64url"),
    Buffer.from('{"observedAt":1760000000}').toString("base64url"),
    Buffer.from("null").toString("base64url"),
    "x".repeat(201),
  ])("cursor %j is 400", async (cursor) => {
    expect(await bad(history(`?cursor=${encodeURIComponent(cursor)}`))).toMatch(/cursor/);
  });

  it.each(["tijuana", "san-ysidro-2", "SAN-YSIDRO", "", "../otay-mesa", "san ysidro", "a".repeat(100), "__proto__", "constructor"])(
    "unknown slug %j is 404",
    async (slug) => {
      await bad(history("", slug), 404);
      // Also when the query is bad: the port is looked up first.
      await bad(history("?foo=1", slug), 404);
    },
  );

  it("the planned Otay Mesa East answers 200 with no readings", async () => {
    for (const query of ["", "?from=2025-10-01&to=2025-10-31", "?mode=passenger&limit=5"]) {
      const body = await ok(history(query, "otay-mesa-east"));
      expect(body.data).toEqual([]);
      expect(body.meta).toMatchObject({ count: 0, nextCursor: null, next: null });
    }
    expect(await bad(history("?crossing=250401", "otay-mesa-east"))).toMatch(/none yet/);
    await bad(history("?foo=1", "otay-mesa-east"));
  });
});

describe("pagination", () => {
  const walk = async (first: string, slug = "san-ysidro", via: "cursor" | "next" = "cursor"): Promise<{ pages: HistoryResponse[]; rows: Row[] }> => {
    const pages: HistoryResponse[] = [];
    let res = history(first, slug);
    for (;;) {
      const page = await ok(res);
      pages.push(page);
      expect(pages.length).toBeLessThan(200);
      if (page.meta.nextCursor === null) {
        expect(page.meta.next).toBeNull();
        break;
      }
      expect(page.meta.next).not.toBeNull();
      res = via === "next" ? follow(page.meta.next!, slug) : history(`${first}&cursor=${encodeURIComponent(page.meta.nextCursor)}`, slug);
    }
    return { pages, rows: pages.flatMap((p) => p.data) };
  };

  it("walking limit=50 pages by nextCursor gives exactly one limit=2000 call, without gaps or duplicates", async () => {
    const query = "?from=2025-10-01&to=2025-10-20";
    const whole = await ok(history(`${query}&limit=2000`));
    expect(whole.meta.nextCursor).toBeNull();
    expect(whole.data.length).toBeGreaterThan(1000);
    expect(whole.data.length).toBeLessThan(2000);

    const { pages, rows } = await walk(`${query}&limit=50`);
    expect(pages.length).toBe(Math.ceil(whole.data.length / 50));
    for (const p of pages.slice(0, -1)) expect(p.data).toHaveLength(50);
    expect(pages.at(-1)!.data.length).toBeGreaterThan(0);
    expect(pages.at(-1)!.meta.nextCursor).toBeNull();
    for (const p of pages) {
      expect(p.meta.count).toBe(p.data.length);
      expect([p.meta.from, p.meta.to]).toEqual([whole.meta.from, whole.meta.to]);
    }
    expect(new Set(rows.map(key)).size).toBe(rows.length);
    expect(rows).toEqual(whole.data);
    expectSorted(rows);
  });

  it("following meta.next gives the same pages, and keeps the filters and the limit", async () => {
    const query = "?from=2025-10-01&to=2025-10-20&limit=50";
    const byCursor = await walk(query);
    const byNext = await walk(query, "san-ysidro", "next");
    expect(byNext.pages).toEqual(byCursor.pages);

    const filtered = "?mode=pedestrian&type=standard&crossing=250401&from=2025-10-05&to=2025-10-25&limit=37";
    const whole = await ok(history(filtered.replace("limit=37", "limit=2000")));
    const { pages, rows } = await walk(filtered, "san-ysidro", "next");
    expect(pages.length).toBeGreaterThan(2);
    expect(rows).toEqual(whole.data);
    const next = new URL(pages[0]!.meta.next!, "http://x");
    expect(next.pathname).toBe("/api/v1/ports/san-ysidro/history");
    expect(Object.fromEntries(next.searchParams)).toMatchObject({ mode: "pedestrian", type: "standard", crossing: "250401", limit: "37", from: whole.meta.from, to: whole.meta.to });
  });

  it("small pages cut through readings taken at the same time without losing any", async () => {
    // Seven lanes share each reading time: pages of 1, 3 and 7 end inside and at such groups.
    const query = "?from=2025-10-13T06:00:00-07:00&to=2025-10-13T14:00:00-07:00";
    const whole = await ok(history(query));
    expect(whole.data.length).toBeGreaterThan(40);
    for (const limit of [1, 3, 7]) {
      const { rows, pages } = await walk(`${query}&limit=${limit}`);
      expect(rows).toEqual(whole.data);
      expect(pages.at(-1)!.meta.nextCursor).toBeNull();
    }
  });

  it("a page that ends exactly at the last row says so (no empty extra page)", async () => {
    const query = "?from=2025-10-13&to=2025-10-13";
    const whole = await ok(history(query));
    const exact = await ok(history(`${query}&limit=${whole.data.length}`));
    expect(exact.meta.nextCursor).toBeNull();
    const oneShort = await ok(history(`${query}&limit=${whole.data.length - 1}`));
    expect(oneShort.meta.nextCursor).not.toBeNull();
    const rest = await ok(history(`${query}&limit=${whole.data.length - 1}&cursor=${oneShort.meta.nextCursor}`));
    expect(rest.data).toEqual(whole.data.slice(-1));
    expect(rest.meta.nextCursor).toBeNull();
  });
});

describe("HTTP caching and headers", () => {
  it("answers 304 to its own ETag, with the API headers", async () => {
    const first = history("?from=2025-10-13&to=2025-10-13");
    await ok(first.clone());
    const etag = first.headers.get("etag")!;
    const again = history("?from=2025-10-13&to=2025-10-13", "san-ysidro", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expectApiHeaders(again);
    // The 304 repeats the 200's cache lifetime: a CDN that revalidates keeps the 304's headers.
    expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect(history("?from=2025-10-13&to=2025-10-13", "san-ysidro", { "if-none-match": `"other", ${etag}` }).status).toBe(304);
    // Another range, filter or page is another representation.
    expect(history("?from=2025-10-14&to=2025-10-14", "san-ysidro", { "if-none-match": etag }).status).toBe(200);
    expect(history("?from=2025-10-13&to=2025-10-13&mode=passenger", "san-ysidro", { "if-none-match": etag }).status).toBe(200);
    expect(history("?from=2025-10-13&to=2025-10-13", "san-ysidro", { "if-none-match": '"nope"' }).status).toBe(200);
  });

  it("a range that ended more than an hour ago may be cached for a day; a recent one only briefly", async () => {
    const old = history("?from=2025-10-13&to=2025-10-13");
    expect(old.headers.get("cache-control")).toBe("public, max-age=86400");
    const justOverAnHour = history(`?to=${iso(NOW_S - HOUR - 1)}`);
    expect(justOverAnHour.status).toBe(200);
    expect(justOverAnHour.headers.get("cache-control")).toBe("public, max-age=86400");
    for (const query of ["", `?to=${iso(NOW_S - HOUR)}`, `?to=${iso(NOW_S - 60)}`, "?to=2025-10-29", `?from=${iso(NOW_S - 2 * DAY)}`]) {
      const res = history(query);
      expect(res.status, query).toBe(200);
      expect(res.headers.get("cache-control"), query).toBe(DATA_CACHE_CONTROL);
    }
  });

  it("errors are not cached (404s briefly) and carry the CORS header", async () => {
    const res = history("?limit=0");
    expect(res.headers.get("cache-control")).toBe("no-store");
    await bad(res);
    const missing = history("", "tijuana");
    expect(missing.headers.get("cache-control")).toBe("public, max-age=300");
    await bad(missing, 404);
  });
});

describe("never a 500", () => {
  const KEYS = ["from", "to", "limit", "cursor", "crossing", "mode", "type", "foo", "", "FROM", "limit[]", "%00", "__proto__"];
  const VALUES = [
    "2025-10-13",
    "2025-10-20",
    "2025-10-29T18:00:00Z",
    "2025-10-13T00:00:00-07:00",
    "2025-02-30",
    "0",
    "1",
    "50",
    "2000",
    "2001",
    "-1",
    "abc",
    "250401",
    "250407",
    "250601",
    "pedestrian",
    "passenger",
    "ready",
    "standard",
    "WzE3NjAwMDAwMDAsIjI1MDQwMSIsInBhc3NlbmdlciIsInN0YW5kYXJkIl0",
    "",
  ];
  const token = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 12 }));
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), token, fc.boolean());
  const query = fc.oneof(
    fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join("&")),
    fc.string({ maxLength: 80 }),
    fc.string({ unit: "binary", maxLength: 40 }),
  );
  const slug = fc.oneof(fc.constantFrom("san-ysidro", "otay-mesa", "tecate", "cross-border-xpress", "otay-mesa-east"), fc.string({ maxLength: 12 }));

  it("random slugs and query strings get 200 with a valid body, or a 400/404 error body", async () => {
    await fc.assert(
      fc.asyncProperty(query, slug, async (q, s) => {
        let request: Request;
        try {
          request = new Request(`${BASE}/x/history?${q}`);
        } catch {
          return; // Not a URL a client could send.
        }
        const res = handleHistory(request, s, { db, now: () => NOW });
        const known = ["san-ysidro", "otay-mesa", "tecate", "cross-border-xpress", "otay-mesa-east"].includes(s);
        expect(known ? [200, 400] : [404]).toContain(res.status);
        expect(res.headers.get("access-control-allow-origin")).toBe("*");
        expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
        const body: unknown = await res.json();
        if (res.status === 200) HistoryResponse.parse(body);
        else expect(ApiError.parse(body).error.code).toBe(res.status === 404 ? "not_found" : "bad_request");
      }),
      { seed: 20251029, numRuns: 300 },
    );
  });

  it("random query strings on a known port are 200 or 400, with a JSON body", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        let request: Request;
        try {
          request = new Request(`${BASE}/san-ysidro/history?${q}`);
        } catch {
          return;
        }
        const res = handleHistory(request, "san-ysidro", { db, now: () => NOW });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect([200, 400]).toContain(res.status);
        const body: unknown = await res.json();
        if (res.status === 200) HistoryResponse.parse(body);
        else expect(ApiError.parse(body).error.code).toBe("bad_request");
      }),
      { seed: 29102025, numRuns: 400 },
    );
    // The generator reaches both outcomes (otherwise this test would prove little).
    expect(statuses.get(200) ?? 0).toBeGreaterThan(5);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(5);
  });
});
