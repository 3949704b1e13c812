/**
 * API v1 /ports and /ports/{slug} against the binding contract in architecture.md, through the
 * Web Request/Response handlers with an in-memory database and an injected clock.
 */
import { describe, expect, it } from "vitest";
import { handleAllPorts, handleOnePort } from "@/lib/api/ports-handler";
import { ApiError, PortResponse, PortsResponse } from "@/lib/api/v1-schema";
import type { Db } from "@/lib/db/client";
import { PORTS } from "@/lib/ports";
import type { WaitsSource } from "@/lib/waits/read";
import { recordFailedPoll, saveSuccessfulPoll } from "@/lib/waits/store";
import { emptyDb, FIXTURE_AT, FIXTURE_FILE, fixtureSnapshot, manualClock, seededDb } from "@/tests/unit/support/waits-fixtures";

const BASE = "http://localhost:3107/api/v1/ports";
const STALE_SECONDS = 900;
const SLUGS = ["san-ysidro", "otay-mesa", "tecate", "cross-border-xpress", "otay-mesa-east"];

// Exact key sets of architecture.md's "API v1 contract"; the documented extras are the
// crossing's `direction` and `fetchedAt` (lib/api/v1-schema.ts).


const ENVELOPE_KEYS = ["data", "meta"];
const PORT_KEYS = ["crossings", "name", "slug", "status", "timeZone"];
const CROSSING_KEYS = ["cbpPortNumber", "hours", "lanes", "name", "notice", "status"];
const CROSSING_EXTRA_KEYS = ["direction", "fetchedAt"];
const LANE_KEYS = ["delayMinutes", "lanesOpen", "maxLanes", "mode", "status", "type", "updatedAt"];
const META_KEYS = ["fetchedAt", "source", "stale", "staleSeconds"];
const NAME_KEYS = ["en", "es"];

type Json = Record<string, unknown>;

const keys = (o: unknown) => Object.keys(o as Json).sort();

function sourceFor(db: Db, now = FIXTURE_AT + 60_000): WaitsSource & { clock: ReturnType<typeof manualClock> } {
  const clock = manualClock(now);
  return { db, now: clock.now, staleSeconds: STALE_SECONDS, clock };
}

function all(source: WaitsSource, query = "", headers: Record<string, string> = {}): Response {
  return handleAllPorts(new Request(`${BASE}${query}`, { headers }), source);
}

function one(source: WaitsSource, slug: string, query = "", headers: Record<string, string> = {}): Response {
  return handleOnePort(new Request(`${BASE}/${encodeURIComponent(slug)}${query}`, { headers }), slug, source);
}

/** Headers every API answer must carry (architecture.md, reliability.md §3 and S3). */
function expectApiHeaders(res: Response): void {
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.has("access-control-allow-credentials")).toBe(false);
  expect(res.headers.has("set-cookie")).toBe(false);
}

function expectJsonHeaders(res: Response): void {
  expectApiHeaders(res);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
}

async function expectError(res: Response, status: number, code: string): Promise<Json> {
  expect(res.status).toBe(status);
  expectJsonHeaders(res);
  const body = (await res.json()) as Json;
  expect(ApiError.parse(body).error.code).toBe(code);
  expect(keys(body)).toEqual(["error"]);
  expect(keys(body.error)).toEqual(["code", "message"]);
  expect((body.error as Json).message).toMatch(/\S/);
  return body;
}

function expectContractShape(port: Json): void {
  expect(keys(port)).toEqual(PORT_KEYS);
  expect(keys(port.name)).toEqual(NAME_KEYS);
  for (const crossing of port.crossings as Json[]) {
    const extra = keys(crossing).filter((k) => !CROSSING_KEYS.includes(k));
    expect(CROSSING_KEYS.every((k) => k in crossing)).toBe(true);
    expect(extra.every((k) => CROSSING_EXTRA_KEYS.includes(k))).toBe(true);
    expect(keys(crossing.name)).toEqual(NAME_KEYS);
    for (const lane of crossing.lanes as Json[]) {
      expect(keys(lane)).toEqual(LANE_KEYS);
      // Numbers exactly when there is a reading; never 0 for "no data".
      if (lane.status === "open") {
        expect(Number.isInteger(lane.delayMinutes)).toBe(true);
        expect(Number.isInteger(lane.lanesOpen)).toBe(true);
      } else {
        expect(lane.delayMinutes).toBeNull();
        expect(lane.lanesOpen).toBeNull();
      }
    }
  }
}

describe("before any CBP data has been stored", () => {
  it("both endpoints answer 503 unavailable with Retry-After", async () => {
    const source = sourceFor(emptyDb());
    for (const res of [all(source), one(source, "san-ysidro"), one(source, "otay-mesa-east")]) {
      await expectError(res, 503, "unavailable");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(res.headers.has("etag")).toBe(false);
    }
  });

  it("still answers 404 and 400 rather than 503 for bad requests", async () => {
    const source = sourceFor(emptyDb());
    await expectError(one(source, "tijuana"), 404, "not_found");
    await expectError(all(source, "?mode=bogus"), 400, "bad_request");
  });

  it("failed polls alone do not count as data", async () => {
    const db = emptyDb();
    recordFailedPoll(db, { at: FIXTURE_AT, code: "http_status", message: "CBP answered HTTP 500", breaker: "closed" });
    await expectError(all(sourceFor(db)), 503, "unavailable");
  });
});

describe("GET /api/v1/ports with a stored real capture", () => {
  const db = seededDb(FIXTURE_AT);

  it("matches the response schema and lists the five ports in registry order", async () => {
    const res = all(sourceFor(db));
    expect(res.status).toBe(200);
    expectJsonHeaders(res);
    const body = (await res.json()) as Json;
    const parsed = PortsResponse.parse(body);
    expect(parsed.data.map((p) => p.slug)).toEqual(SLUGS);
    expect(SLUGS).toEqual(PORTS.map((p) => p.slug));

    expect(keys(body)).toEqual(ENVELOPE_KEYS);
    expect(keys(body.meta)).toEqual(META_KEYS);
    for (const port of body.data as Json[]) expectContractShape(port);
  });

  it("carries the fixture's values", async () => {
    const { data } = PortsResponse.parse(await all(sourceFor(db)).json());
    const sanYsidro = data.find((p) => p.slug === "san-ysidro")!;
    expect(sanYsidro).toMatchObject({ name: { en: "San Ysidro", es: "San Ysidro" }, status: "open", timeZone: "America/Los_Angeles" });
    expect(sanYsidro.crossings.map((c) => c.cbpPortNumber)).toEqual(["250401", "250407"]);

    const main = sanYsidro.crossings[0]!;
    expect(main).toMatchObject({
      cbpPortNumber: "250401",
      name: { en: "San Ysidro (vehicles and PedEast)", es: "San Ysidro (vehículos y PedEast)" },
      hours: "24 hrs/day",
      status: "open",
      notice: null,
    });
    expect(main.lanes.find((l) => l.mode === "passenger" && l.type === "standard")).toEqual({
      mode: "passenger",
      type: "standard",
      status: "open",
      delayMinutes: 50,
      lanesOpen: 5,
      maxLanes: 34,
      updatedAt: "2026-01-15T10:00:00-08:00",
    });
    // Only lanes CBP reports (N/A commercial lanes are omitted), in display order.
    expect(main.lanes.map((l) => `${l.mode}/${l.type}:${l.delayMinutes}/${l.lanesOpen}/${l.maxLanes}`)).toEqual([
      "passenger/standard:50/5/34",
      "passenger/ready:30/13/34",
      "passenger/sentri:20/10/34",
      "pedestrian/standard:20/17/22",
      "pedestrian/ready:5/1/22",
    ]);

    const pedWest = sanYsidro.crossings[1]!;
    expect(pedWest).toMatchObject({ hours: "6 am-2 pm", status: "open", notice: null });

    const otay = data.find((p) => p.slug === "otay-mesa")!;
    const otayPassenger = otay.crossings.find((c) => c.cbpPortNumber === "250601")!;
    expect(otayPassenger.notice).toMatch(/^Entrance to Ready Lanes is on the far left/);
    expect(otayPassenger.notice).toBe(otayPassenger.notice?.trim());
    const commercial = otay.crossings.find((c) => c.cbpPortNumber === "250602")!;
    expect(commercial.lanes).toEqual([
      { mode: "commercial", type: "standard", status: "open", delayMinutes: 40, lanesOpen: 7, maxLanes: 10, updatedAt: "2026-01-15T07:00:00-08:00" },
      { mode: "commercial", type: "fast", status: "open", delayMinutes: 15, lanesOpen: 3, maxLanes: 10, updatedAt: "2026-01-15T07:00:00-08:00" },
    ]);

    const tecate = data.find((p) => p.slug === "tecate")!;
    expect(tecate.crossings[0]).toMatchObject({ cbpPortNumber: "250501", hours: "6 am-10 pm" });
    expect(tecate.crossings[0]!.lanes.find((l) => l.mode === "passenger")).toMatchObject({ delayMinutes: 45, lanesOpen: 2, maxLanes: 4, updatedAt: "2026-01-15T09:00:00-08:00" });

    const cbx = data.find((p) => p.slug === "cross-border-xpress")!;
    expect(cbx.crossings[0]!.lanes.map((l) => [l.type, l.status, l.delayMinutes])).toEqual([
      ["standard", "open", 0],
      ["ready", "open", 0],
    ]);
  });

  it("shows Otay Mesa East as planned with no crossings", async () => {
    const { data } = PortsResponse.parse(await all(sourceFor(db)).json());
    expect(data.at(-1)).toEqual({
      slug: "otay-mesa-east",
      name: { en: "Otay Mesa East", es: "Otay Mesa East (Mesa de Otay II)" },
      status: "planned",
      timeZone: "America/Los_Angeles",
      crossings: [],
    });
  });

  it("sends CDN-friendly cache headers and an ETag, and 304 for a matching If-None-Match", async () => {
    const source = sourceFor(db);
    const first = all(source);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toContain("stale-if-error");
    expect(first.headers.get("cache-control")).toContain("public");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);

    const again = all(source, "", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expectApiHeaders(again);

    // A list of tags and the strong form of a weak tag both match (weak comparison).
    expect(all(source, "", { "if-none-match": `"nope", ${etag}` }).status).toBe(304);
    expect(all(source, "", { "if-none-match": etag!.replace(/^W\//, "") }).status).toBe(304);
    expect(all(source, "", { "if-none-match": '"something-else"' }).status).toBe(200);
    // A filtered view is a different representation.
    expect(all(source, "?mode=pedestrian", { "if-none-match": etag! }).status).toBe(200);
  });

  it("meta reports the poll time and freshness at request time", async () => {
    const source = sourceFor(db, FIXTURE_AT);
    const fresh = PortsResponse.parse(await all(source).json()).meta;
    expect(fresh).toEqual({ source: "cbp-bwt", fetchedAt: "2026-01-15T18:10:12.000Z", stale: false, staleSeconds: 0 });

    source.clock.set(FIXTURE_AT + STALE_SECONDS * 1000);
    expect(PortsResponse.parse(await all(source).json()).meta).toMatchObject({ stale: false, staleSeconds: STALE_SECONDS });

    source.clock.set(FIXTURE_AT + (STALE_SECONDS + 1) * 1000 + 500);
    const res = all(source);
    expect(res.status).toBe(200);
    const stale = PortsResponse.parse(await res.json());
    expect(stale.meta).toEqual({ source: "cbp-bwt", fetchedAt: "2026-01-15T18:10:12.000Z", stale: true, staleSeconds: STALE_SECONDS + 1 });
    // Last-known-good is still served in full.
    expect(stale.data[0]!.crossings[0]!.lanes[0]!.delayMinutes).toBe(50);

    source.clock.set(FIXTURE_AT + 3 * 86_400_000);
    expect(PortsResponse.parse(await all(source).json()).meta).toMatchObject({ stale: true, staleSeconds: 3 * 86_400 });
  });

  it("a cached fresh ETag does not revalidate once the data has turned stale", () => {
    const source = sourceFor(db, FIXTURE_AT);
    const etag = all(source).headers.get("etag")!;
    source.clock.set(FIXTURE_AT + (STALE_SECONDS + 5) * 1000);
    const later = all(source, "", { "if-none-match": etag });
    expect(later.status).toBe(200);
    expect(later.headers.get("etag")).not.toBe(etag);
  });
});

describe("successive polls", () => {
  it("change the ETag and meta.fetchedAt; failed polls change neither", async () => {
    const db = emptyDb();
    const source = sourceFor(db, FIXTURE_AT);
    saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT, snapshot: fixtureSnapshot() });
    const first = all(source);
    const etag1 = first.headers.get("etag")!;
    const oneEtag1 = one(source, "tecate").headers.get("etag")!;
    await first.text();

    recordFailedPoll(db, { at: FIXTURE_AT + 1000, code: "timeout", message: "no answer", breaker: "closed" });
    expect(all(source, "", { "if-none-match": etag1 }).status).toBe(304);

    const second = FIXTURE_AT + 300_000;
    source.clock.set(second + 1000);
    saveSuccessfulPoll(db, { fetchedAt: second, snapshot: fixtureSnapshot(FIXTURE_FILE, second) });
    const res = all(source, "", { "if-none-match": etag1 });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).not.toBe(etag1);
    const body = PortsResponse.parse(await res.json());
    expect(body.meta).toEqual({ source: "cbp-bwt", fetchedAt: new Date(second).toISOString(), stale: false, staleSeconds: 1 });
    expect(body.data[0]!.crossings[0]!.fetchedAt).toBe(new Date(second).toISOString());
    expect(one(source, "tecate", "", { "if-none-match": oneEtag1 }).status).toBe(200);
  });
});

describe("GET /api/v1/ports/{slug}", () => {
  const db = seededDb(FIXTURE_AT);

  it("returns one port object in the same envelope", async () => {
    const source = sourceFor(db);
    const res = one(source, "san-ysidro");
    expect(res.status).toBe(200);
    expectJsonHeaders(res);
    expect(res.headers.get("cache-control")).toContain("stale-if-error");
    expect(res.headers.get("etag")).toBeTruthy();
    const body = (await res.json()) as Json;
    expect(keys(body)).toEqual(ENVELOPE_KEYS);
    expect(keys(body.meta)).toEqual(META_KEYS);
    expect(Array.isArray(body.data)).toBe(false);
    expectContractShape(body.data as Json);
    const parsed = PortResponse.parse(body);
    expect(parsed.data.slug).toBe("san-ysidro");

    // The same object as in the list.
    const list = PortsResponse.parse(await all(source).json());
    expect(parsed.data).toEqual(list.data[0]);
    expect(parsed.meta).toEqual(list.meta);
  });

  it("every registry slug answers, Otay Mesa East as planned", async () => {
    const source = sourceFor(db);
    for (const slug of SLUGS) {
      const res = one(source, slug);
      expect(res.status).toBe(200);
      expect(PortResponse.parse(await res.json()).data.slug).toBe(slug);
    }
    const planned = PortResponse.parse(await one(source, "otay-mesa-east").json()).data;
    expect(planned).toMatchObject({ status: "planned", crossings: [] });
  });

  it("answers 304 to its own ETag", async () => {
    const source = sourceFor(db);
    const etag = one(source, "tecate").headers.get("etag")!;
    const again = one(source, "tecate", "", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Another port's ETag is not this port's.
    expect(one(source, "otay-mesa", "", { "if-none-match": etag }).status).toBe(200);
  });

  it("unknown slugs are 404 not_found", async () => {
    const source = sourceFor(db);
    for (const slug of ["tijuana", "san-ysidro-2", "0", "-"]) {
      const res = one(source, slug);
      await expectError(res, 404, "not_found");
      expect(res.headers.has("etag")).toBe(false);
    }
  });

  it("malformed slugs are 404, never 500", async () => {
    const source = sourceFor(db);
    const slugs = [
      "../etc",
      "../../etc/passwd",
      "a".repeat(200),
      "SAN-YSIDRO",
      "San-Ysidro",
      "",
      " ",
      "san ysidro",
      "san-ysidro/",
      "san_ysidro",
      "san-ysidro\u0000",
      "san-ysídro",
      "%2e%2e",
      "'; DROP TABLE lane_reading; --",
      "<script>alert(1)</script>",
      "__proto__",
      "constructor",
      "toString",
    ];
    for (const slug of slugs) {
      const res = handleOnePort(new Request(`${BASE}/x`), slug, source);
      await expectError(res, 404, "not_found");
    }
  });
});

describe("query validation", () => {
  const db = seededDb(FIXTURE_AT);
  const big = "x".repeat(5 * 1024);
  const bad = [
    "?mode=bogus",
    "?mode=",
    "?mode=Pedestrian",
    "?type=x",
    "?type=",
    "?foo=1",
    "?MODE=pedestrian",
    "?lang=es",
    "?mode=pedestrian&foo=1",
    "?mode=a&mode=b",
    "?mode=pedestrian&mode=pedestrian",
    "?type=ready&type=ready",
    `?mode=${big}`,
    `?foo=${big}`,
    `?${big}`,
    "?mode[]=pedestrian",
    "?__proto__=1",
  ];

  it.each(bad)("/ports%s is 400 bad_request", async (query) => {
    await expectError(all(sourceFor(db), query), 400, "bad_request");
  });

  it.each(bad)("/ports/san-ysidro%s is 400 bad_request", async (query) => {
    await expectError(one(sourceFor(db), "san-ysidro", query), 400, "bad_request");
  });

  it("?mode=pedestrian keeps only pedestrian lanes", async () => {
    const { data } = PortsResponse.parse(await all(sourceFor(db), "?mode=pedestrian").json());
    const lanes = data.flatMap((p) => p.crossings.flatMap((c) => c.lanes));
    expect(lanes.length).toBeGreaterThan(0);
    expect(lanes.every((l) => l.mode === "pedestrian")).toBe(true);
    const main = data[0]!.crossings[0]!;
    expect(main.lanes.map((l) => [l.type, l.delayMinutes])).toEqual([
      ["standard", 20],
      ["ready", 5],
    ]);
  });

  it("mode and type combine, on one port too", async () => {
    const res = one(sourceFor(db), "san-ysidro", "?mode=pedestrian&type=ready");
    expect(res.status).toBe(200);
    const { data } = PortResponse.parse(await res.json());
    expect(data.crossings.map((c) => c.lanes.map((l) => `${l.mode}/${l.type}:${l.delayMinutes}`))).toEqual([["pedestrian/ready:5"], ["pedestrian/ready:5"]]);

    const commercial = PortsResponse.parse(await all(sourceFor(db), "?mode=commercial&type=fast").json()).data;
    const lanes = commercial.flatMap((p) => p.crossings.flatMap((c) => c.lanes));
    expect(lanes).toEqual([{ mode: "commercial", type: "fast", status: "open", delayMinutes: 15, lanesOpen: 3, maxLanes: 10, updatedAt: "2026-01-15T07:00:00-08:00" }]);
  });

  it("an empty query string is the same as none", async () => {
    const res = all(sourceFor(db), "?");
    expect(res.status).toBe(200);
    expect(PortsResponse.parse(await res.json()).data).toHaveLength(5);
  });
});
