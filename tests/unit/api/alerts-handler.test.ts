/**
 * GET /api/v1/alerts through the Web Request/Response handler: an in-memory database with real
 * captures polled in order (so the status events are real) and staff alerts, an injected clock.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { bad, expectApiHeaders, okJson } from "./response-checks";
import { handleAlerts } from "@/lib/api/alerts-handler";
import { AlertsResponse } from "@/lib/api/alerts-schema";
import { DATA_CACHE_CONTROL } from "@/lib/api/http";
import { ApiError } from "@/lib/api/v1-schema";
import { createAlert, recordFailedPollEvents, recordPollEvents } from "@/lib/alerts/store";
import type { Db } from "@/lib/db/client";
import { emptyDb, FIXTURE_AT, fixtureSnapshot, OTROLADO_FILE } from "@/tests/unit/support/waits-fixtures";

const BASE = "http://localhost:3107/api/v1/alerts";
const MIN = 60_000;
const T0 = FIXTURE_AT;
const NOW = T0 + 60 * MIN;

let db: Db;
let alertSy: number;
let alertAll: number;

beforeAll(() => {
  db = emptyDb();
  const stale = 900_000;
  recordPollEvents(db, { snapshot: fixtureSnapshot(), at: T0, previousSuccessAt: null, staleAfterMs: stale });
  recordPollEvents(db, { snapshot: fixtureSnapshot(OTROLADO_FILE, T0), at: T0 + 10 * MIN, previousSuccessAt: T0, staleAfterMs: stale });
  recordFailedPollEvents(db, { at: T0 + 30 * MIN, lastSuccessAt: T0 + 10 * MIN, staleAfterMs: stale });
  recordPollEvents(db, { snapshot: fixtureSnapshot(), at: T0 + 40 * MIN, previousSuccessAt: T0 + 10 * MIN, staleAfterMs: stale });
  const text = { titleEn: "Four lanes closed", titleEs: "Cuatro carriles cerrados", bodyEn: "Road work.", bodyEs: "Obras en la vialidad." };
  alertSy = createAlert(db, { ...text, severity: "warning", ports: ["san-ysidro"], startsAt: T0 + 20 * MIN, status: "published" }, T0 + 5 * MIN);
  alertAll = createAlert(db, { ...text, ports: [], startsAt: T0 + 50 * MIN, endsAt: T0 + 55 * MIN, status: "published" }, T0 + 5 * MIN);
  createAlert(db, { ...text, ports: [], startsAt: T0, status: "draft" }, T0);
});

const get = (query = "", headers: Record<string, string> = {}) => handleAlerts(new Request(`${BASE}${query}`, { headers }), { db, now: () => NOW });

async function ok(query = ""): Promise<AlertsResponse> {
  const res = get(query);
  expect(res.headers.get("cache-control")).toBe(DATA_CACHE_CONTROL);
  return AlertsResponse.parse(await okJson(res));
}

describe("GET /api/v1/alerts", () => {
  it("lists alerts and status events newest first, in both languages, schema-conformant", async () => {
    const body = await ok();
    // +50 min alert, +40 recovery and two reopenings, +30 stale, +20 alert, +10 two closures.
    expect(body.data.map((i) => [i.id, i.kind === "status" ? i.event.type : i.kind])).toEqual([
      [`alert-${alertAll}`, "alert"],
      ["status-6", "lane_reopened"],
      ["status-5", "crossing_reopened"],
      ["status-4", "data_recovered"],
      ["status-3", "data_stale"],
      [`alert-${alertSy}`, "alert"],
      ["status-2", "lane_closed"],
      ["status-1", "crossing_closed"],
    ]);
    const ats = body.data.map((i) => Date.parse(i.at));
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    expect(body.meta).toEqual({ source: "smart-border", generatedAt: new Date(NOW).toISOString(), count: body.data.length });
    expect(body.data.some((i) => i.title.en === i.title.es)).toBe(false);
  });

  it("staff alerts carry their window and whether they are still in effect; drafts never appear", async () => {
    const body = await ok("?kind=alert");
    expect(body.data.map((i) => i.kind)).toEqual(["alert", "alert"]);
    const [all, sy] = body.data;
    expect(all).toMatchObject({ id: `alert-${alertAll}`, kind: "alert", ports: [], severity: "info", active: false, endsAt: new Date(T0 + 55 * MIN).toISOString() });
    expect(sy).toMatchObject({ kind: "alert", ports: ["san-ysidro"], severity: "warning", active: true, endsAt: null, title: { en: "Four lanes closed", es: "Cuatro carriles cerrados" } });
  });

  it("status events give codes and fields, plus generated titles in English and Spanish", async () => {
    const body = await ok("?kind=status&port=san-ysidro");
    const closed = body.data.find((i) => i.kind === "status" && i.event.type === "crossing_closed");
    expect(closed).toMatchObject({
      kind: "status",
      severity: "warning",
      ports: ["san-ysidro"],
      at: new Date(T0 + 10 * MIN).toISOString(),
      event: { type: "crossing_closed", cbpPortNumber: "250407", crossingName: { en: "PedWest / El Chaparral", es: "PedWest / El Chaparral" }, mode: null, laneType: null },
      title: { en: "PedWest / El Chaparral: crossing closed", es: "PedWest / El Chaparral: cruce cerrado" },
    });
    const stale = body.data.find((i) => i.kind === "status" && i.event.type === "data_stale");
    expect(stale).toMatchObject({ ports: [], event: { lastSuccessAt: new Date(T0 + 10 * MIN).toISOString() }, title: { es: "Los tiempos de espera no están al día" } });
    // Tecate's lanes are not San Ysidro's business.
    expect(body.data.some((i) => i.kind === "status" && i.event.cbpPortNumber === "250501")).toBe(false);
    const tecate = await ok("?port=tecate&kind=status");
    const reopened = tecate.data.find((i) => i.kind === "status" && i.event.type === "lane_reopened");
    expect(reopened).toMatchObject({ event: { mode: "commercial", laneType: "standard" } });
    expect(reopened?.kind === "status" && reopened.event.delayMinutes).not.toBe(null);
    expect(reopened?.title.es).toBe("Tecate (Carga, Estándar): carriles reabiertos");
  });

  it("port, since and limit narrow the list", async () => {
    const sy = await ok("?port=san-ysidro");
    expect(sy.data.every((i) => i.ports.length === 0 || i.ports.includes("san-ysidro"))).toBe(true);
    expect(sy.data.map((i) => i.id)).toContain(`alert-${alertSy}`);
    const since = await ok(`?since=${encodeURIComponent(new Date(T0 + 30 * MIN).toISOString())}`);
    expect(since.data.length).toBeGreaterThan(0);
    expect(since.data.every((i) => Date.parse(i.at) > T0 + 30 * MIN)).toBe(true);
    const offset = await ok(`?since=${encodeURIComponent("2026-01-15T10:40:12-08:00")}`);
    expect(offset.data.map((i) => i.id)).toEqual(since.data.map((i) => i.id));
    const one = await ok("?limit=1");
    expect(one.data).toHaveLength(1);
    expect(one.data[0]!.id).toBe(`alert-${alertAll}`);
    expect((await ok("?port=otay-mesa-east&kind=status")).data.every((i) => i.ports.length === 0)).toBe(true);
  });

  it("ETag and 304", async () => {
    const first = get();
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const again = get("", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expectApiHeaders(again);
    expect(again.headers.get("etag")).toBe(etag);
    expect(get("?kind=alert", { "if-none-match": etag }).status).toBe(200);
  });

  it("bad queries are 400 with a message; an unknown port is 404", async () => {
    for (const q of ["?kind=alerts", "?limit=0", "?limit=101", "?limit=1.5", "?limit=abc", "?since=yesterday", "?since=2026-01-15", "?foo=1", "?port=tecate&port=tecate", `?port=${"a".repeat(65)}`, `?kind=${"x".repeat(1100)}`]) {
      expect(await bad(get(q)), q).toMatch(/\S/);
    }
    expect(await bad(get("?port=tijuana"), 404)).toMatch(/tijuana/);
    expect(await bad(get("?port=..%2F"), 404)).toMatch(/slug/);
  });

  it("fuzzed query strings: always 200 with a valid body or a JSON 400/404, never a 500", async () => {
    const KEYS = ["port", "kind", "since", "limit"];
    const VALUES = ["san-ysidro", "tecate", "nowhere", "alert", "status", "all", "2026-01-15T18:00:00Z", "1", "100", "-1", "1e2", ""];
    const token = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 12 }));
    const pair = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), token, fc.boolean());
    const query = fc.oneof(
      fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join("&")),
      fc.string({ unit: "binary", maxLength: 40 }),
    );
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        let request: Request;
        try {
          request = new Request(`${BASE}?${q}`);
        } catch {
          return;
        }
        const res = handleAlerts(request, { db, now: () => NOW });
        statuses.add(res.status);
        expect([200, 400, 404]).toContain(res.status);
        expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
        const body: unknown = await res.json();
        if (res.status === 200) AlertsResponse.parse(body);
        else ApiError.parse(body);
      }),
      { seed: 20261205, numRuns: 300 },
    );
    expect([...statuses].sort()).toEqual([200, 400, 404]);
  });
});
