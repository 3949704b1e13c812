/**
 * The OpenAPI document: valid OpenAPI 3.1 by the official schema, one path per public route
 * module, and every answer the handlers give (200, 304, 400, 404, 503) conforms to it. Data: a
 * real capture as the live snapshot plus the real October 2025 archive as history.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { createAlert, recordFailedPollEvents, recordPollEvents } from "@/lib/alerts/store";
import { handleAlerts } from "@/lib/api/alerts-handler";
import { handleDashboard } from "@/lib/api/dashboard-handler";
import { handleForecast, handleHistory, handleTypical } from "@/lib/api/history-handler";
import { openApiDocument, PATHS } from "@/lib/api/openapi";
import { handleAllPorts, handleOnePort } from "@/lib/api/ports-handler";
import { closeAllDatabases, type Db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { importHistory } from "@/lib/history/import";
import { PORTS } from "@/lib/ports";
import { openApiChecker } from "@/tests/support/openapi-check";
import { emptyDb, FIXTURE_AT, fixtureSnapshot, seededDb, OTROLADO_FILE } from "@/tests/unit/support/waits-fixtures";

const ORIGIN = "http://localhost:3107";
const ARCHIVE = path.resolve(import.meta.dirname, "../../fixtures/cbp-archive/bwt-sd_2025-10.tar.gz");
/** Inside the archive's month, so typical values and forecasts have history behind them. */
const HISTORY_NOW = Date.parse("2025-10-29T18:30:00Z");
const doc = openApiDocument(ORIGIN);
const check = openApiChecker(doc);

let db: Db;
let dir: string;

beforeAll(async () => {
  db = seededDb(FIXTURE_AT);
  await importHistory(db, [ARCHIVE]);
  dir = mkdtempSync(path.join(tmpdir(), "sb-openapi-"));
  vi.stubEnv("DATA_DIR", dir);
  resetEnvForTests();
}, 60_000);

afterAll(() => {
  closeAllDatabases();
  vi.unstubAllEnvs();
  resetEnvForTests();
  rmSync(dir, { recursive: true, force: true });
});

async function conforms(template: string, res: Response): Promise<number> {
  const type = res.headers.get("content-type");
  const text = await res.text();
  const body = type?.startsWith("application/json") ? JSON.parse(text) : text;
  expect(check(template, res.status, type, res.status === 304 ? text : body), `${template} → ${res.status}`).toEqual([]);
  return res.status;
}

/** Every route.ts under app/api, as the document spells its path ([slug] → {slug}); catch-alls answer 404s only. */
function routeTemplates(dirPath = path.resolve(import.meta.dirname, "../../../app/api"), prefix = "/api"): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dirPath)) {
    const full = path.join(dirPath, name);
    if (statSync(full).isDirectory()) {
      if (name.startsWith("[...")) continue;
      out.push(...routeTemplates(full, `${prefix}/${name.replace(/^\[(\w+)\]$/, "{$1}")}`));
    } else if (name === "route.ts" && prefix !== "/api/v1") {
      out.push(prefix);
    }
  }
  return out.sort();
}

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 according to the official schema", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes exactly the public routes in app/api", () => {
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(routeTemplates());
  });

  it("names each slug the registry knows, and each operation has an id, a summary and a 200", () => {
    for (const [p, op] of Object.entries(PATHS)) {
      expect(op.operationId, p).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary, p).toBeTruthy();
      expect(op.responses["200"], p).toBeTruthy();
    }
    const slugParam = JSON.stringify(doc.paths?.["/api/v1/ports/{slug}"]?.get?.parameters);
    for (const p of PORTS) expect(slugParam).toContain(`"${p.slug}"`);
  });

  it("catches a body that does not match (the check can fail)", async () => {
    const real = (await handleAllPorts(new Request(`${ORIGIN}/api/v1/ports`), { db, now: () => FIXTURE_AT, staleSeconds: 900 }).json()) as {
      data: { crossings: { lanes: { delayMinutes: unknown }[] }[] }[];
    };
    expect(check("/api/v1/ports", 200, "application/json", real)).toEqual([]);
    real.data[0]!.crossings[0]!.lanes[0]!.delayMinutes = "45";
    expect(check("/api/v1/ports", 200, "application/json", real).join()).toMatch(/delayMinutes/);
    expect(check("/api/v1/ports", 200, "application/json", { data: [{ slug: 3 }], meta: {} }).length).toBeGreaterThan(0);
    expect(check("/api/v1/ports", 418, "application/json", {})).toHaveLength(1);
    expect(check("/api/v1/nowhere", 200, "application/json", {})).toHaveLength(1);
  });

  it("is served at /api/v1/openapi.json with the API's headers", async () => {
    const res = openapiRoute.GET();
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const body = (await res.clone().json()) as typeof doc;
    expect(body.paths).toEqual(JSON.parse(JSON.stringify(doc.paths)));
    expect(await conforms("/api/v1/openapi.json", res)).toBe(200);
  });
});

describe("every answer conforms to the document", () => {
  const live = () => ({ db, now: () => FIXTURE_AT + 60_000, staleSeconds: 900 });
  const past = () => ({ db, now: () => HISTORY_NOW });
  const req = (p: string, headers: Record<string, string> = {}) => new Request(`${ORIGIN}${p}`, { headers });

  it("/api/v1/ports and /api/v1/ports/{slug}: 200 for each filter, 304, 400, 404, 503", async () => {
    const statuses = new Set<number>();
    for (const q of ["", "?mode=passenger", "?mode=pedestrian&type=ready", "?type=fast", "?mode=bike", "?x=1", "?mode=a&mode=b"]) {
      statuses.add(await conforms("/api/v1/ports", handleAllPorts(req(`/api/v1/ports${q}`), live())));
      for (const p of PORTS) statuses.add(await conforms("/api/v1/ports/{slug}", handleOnePort(req(`/api/v1/ports/${p.slug}${q}`), p.slug, live())));
    }
    statuses.add(await conforms("/api/v1/ports/{slug}", handleOnePort(req("/api/v1/ports/nowhere"), "nowhere", live())));
    const etag = handleAllPorts(req("/api/v1/ports"), live()).headers.get("etag")!;
    statuses.add(await conforms("/api/v1/ports", handleAllPorts(req("/api/v1/ports", { "if-none-match": etag }), live())));
    const none = { db: emptyDb(), now: () => FIXTURE_AT, staleSeconds: 900 };
    statuses.add(await conforms("/api/v1/ports", handleAllPorts(req("/api/v1/ports"), none)));
    statuses.add(await conforms("/api/v1/ports/{slug}", handleOnePort(req("/api/v1/ports/tecate"), "tecate", none)));
    expect([...statuses].sort()).toEqual([200, 304, 400, 404, 503]);
  });

  it("history, typical and forecast: 200 for every port, pages, 304, 400, 404", async () => {
    const statuses = new Set<number>();
    for (const p of PORTS) {
      for (const q of ["", "?mode=pedestrian", "?type=sentri"]) {
        statuses.add(await conforms("/api/v1/ports/{slug}/typical", handleTypical(req(`/x${q}`), p.slug, past())));
        statuses.add(await conforms("/api/v1/ports/{slug}/forecast", handleForecast(req(`/x${q}`), p.slug, past())));
      }
      for (const q of ["", "?from=2025-10-20&to=2025-10-21", "?from=2025-10-01&limit=3", "?crossing=250407&from=2025-10-01"]) {
        statuses.add(await conforms("/api/v1/ports/{slug}/history", handleHistory(req(`/api/v1/ports/${p.slug}/history${q}`), p.slug, past())));
      }
    }
    const first = (await handleHistory(req("/api/v1/ports/san-ysidro/history?from=2025-10-01&limit=5"), "san-ysidro", past()).json()) as { meta: { next: string } };
    expect(first.meta.next).toMatch(/cursor=/);
    statuses.add(await conforms("/api/v1/ports/{slug}/history", handleHistory(req(first.meta.next), "san-ysidro", past())));
    for (const bad of ["?from=2025-01-01&to=2025-10-01", "?to=nope", "?limit=0", "?cursor=zzz", "?mode=boat", "?q=1"]) {
      statuses.add(await conforms("/api/v1/ports/{slug}/history", handleHistory(req(`/x${bad}`), "tecate", past())));
    }
    statuses.add(await conforms("/api/v1/ports/{slug}/typical", handleTypical(req("/x?type=wide"), "tecate", past())));
    statuses.add(await conforms("/api/v1/ports/{slug}/forecast", handleForecast(req("/x"), "atlantis", past())));
    const etag = handleTypical(req("/x"), "tecate", past()).headers.get("etag")!;
    statuses.add(await conforms("/api/v1/ports/{slug}/typical", handleTypical(req("/x", { "if-none-match": etag }), "tecate", past())));
    expect([...statuses].sort()).toEqual([200, 304, 400, 404]);
  });

  it("dashboard: JSON, both CSVs, 304s and 400s", async () => {
    const source = { db, now: () => HISTORY_NOW, staleSeconds: 900 };
    const statuses = new Set<number>();
    for (const q of ["", "?format=json", "?format=csv", "?format=csv&series=week", "?series=week", "?format=xml", "?format=csv&format=csv"]) {
      const first = handleDashboard(req(`/api/v1/dashboard${q}`), source);
      const etag = first.headers.get("etag");
      statuses.add(await conforms("/api/v1/dashboard", first));
      if (etag) statuses.add(await conforms("/api/v1/dashboard", handleDashboard(req(`/api/v1/dashboard${q}`, { "if-none-match": etag }), source)));
    }
    expect([...statuses].sort()).toEqual([200, 304, 400]);
  });

  it("alerts: staff alerts and every kind of status event, filters, 304, 400, 404", async () => {
    const adb = emptyDb();
    const T0 = FIXTURE_AT;
    const stale = 900_000;
    recordPollEvents(adb, { snapshot: fixtureSnapshot(), at: T0, previousSuccessAt: null, staleAfterMs: stale });
    recordPollEvents(adb, { snapshot: fixtureSnapshot(OTROLADO_FILE, T0), at: T0 + 60_000, previousSuccessAt: T0, staleAfterMs: stale });
    recordFailedPollEvents(adb, { at: T0 + 30 * 60_000, lastSuccessAt: T0 + 60_000, staleAfterMs: stale });
    recordPollEvents(adb, { snapshot: fixtureSnapshot(), at: T0 + 40 * 60_000, previousSuccessAt: T0 + 60_000, staleAfterMs: stale });
    const text = { titleEn: "Lanes closed", titleEs: "Carriles cerrados", bodyEn: "Road work.", bodyEs: "Obras." };
    createAlert(adb, { ...text, severity: "critical", ports: ["tecate"], startsAt: T0, endsAt: T0 + 3_600_000, status: "published" }, T0);
    createAlert(adb, { ...text, ports: [], startsAt: T0, status: "published" }, T0);
    const source = { db: adb, now: () => T0 + 45 * 60_000 };
    const statuses = new Set<number>();
    const all = (await handleAlerts(req("/api/v1/alerts"), source).clone().json()) as { data: { kind: string; event?: { type: string } }[] };
    expect([...new Set(all.data.map((i) => i.event?.type ?? i.kind))].sort()).toEqual(
      ["alert", "crossing_closed", "crossing_reopened", "data_recovered", "data_stale", "lane_closed", "lane_reopened"],
    );
    for (const q of ["", "?port=tecate", "?kind=alert", "?kind=status&limit=2", `?since=${new Date(T0 + 20 * 60_000).toISOString()}`, "?kind=none", "?limit=1000", "?port=atlantis"]) {
      statuses.add(await conforms("/api/v1/alerts", handleAlerts(req(`/api/v1/alerts${q}`), source)));
    }
    const etag = handleAlerts(req("/api/v1/alerts"), source).headers.get("etag")!;
    statuses.add(await conforms("/api/v1/alerts", handleAlerts(req("/api/v1/alerts", { "if-none-match": etag }), source)));
    expect([...statuses].sort()).toEqual([200, 304, 400, 404]);
  });

  it("health", async () => {
    expect(await conforms("/api/health", healthRoute.GET())).toBe(200);
  });
});
