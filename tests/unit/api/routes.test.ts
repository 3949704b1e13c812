/**
 * The app/api route modules themselves (no Next server): they wire the handlers to the process
 * database under DATA_DIR and the environment's staleness threshold.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as catchAll from "@/app/api/v1/[...rest]/route";
import * as health from "@/app/api/health/route";
import * as onePort from "@/app/api/v1/ports/[slug]/route";
import * as allPorts from "@/app/api/v1/ports/route";
import { ApiError, PortResponse, PortsResponse } from "@/lib/api/v1-schema";
import { closeAllDatabases, getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { saveSuccessfulPoll } from "@/lib/waits/store";
import { fixtureSnapshot } from "@/tests/unit/support/waits-fixtures";

const BASE = "http://localhost:3107/api/v1";
type SlugContext = Parameters<typeof onePort.GET>[1];
const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) }) as unknown as SlugContext;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sb-routes-"));
  vi.stubEnv("DATA_DIR", dir);
  vi.stubEnv("CBP_STALE_SECONDS", "120");
  resetEnvForTests();
});

afterAll(() => {
  closeAllDatabases();
  vi.unstubAllEnvs();
  resetEnvForTests();
  rmSync(dir, { recursive: true, force: true });
});

function expectApiHeaders(res: Response): void {
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.has("access-control-allow-credentials")).toBe(false);
  expect(res.headers.has("set-cookie")).toBe(false);
}

describe("app/api route modules", () => {
  it("answer 503 before the first poll, then serve the stored snapshot", async () => {
    const empty = allPorts.GET(new Request(`${BASE}/ports`));
    expect(empty.status).toBe(503);
    expect(empty.headers.get("retry-after")).toBeTruthy();
    expect(ApiError.parse(await empty.json()).error.code).toBe("unavailable");
    const emptyOne = await onePort.GET(new Request(`${BASE}/ports/tecate`), ctx("tecate"));
    expect(emptyOne.status).toBe(503);

    const fetchedAt = Date.now() - 10_000;
    saveSuccessfulPoll(getDb(), { fetchedAt, snapshot: fixtureSnapshot(undefined, fetchedAt) });

    const res = allPorts.GET(new Request(`${BASE}/ports`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expectApiHeaders(res);
    const body = PortsResponse.parse(await res.json());
    expect(body.data).toHaveLength(5);
    expect(body.meta.fetchedAt).toBe(new Date(fetchedAt).toISOString());
    expect(body.meta.stale).toBe(false);
    expect(body.meta.staleSeconds).toBeGreaterThanOrEqual(10);

    const tecate = await onePort.GET(new Request(`${BASE}/ports/tecate?mode=passenger`), ctx("tecate"));
    expect(tecate.status).toBe(200);
    expectApiHeaders(tecate);
    const port = PortResponse.parse(await tecate.json()).data;
    expect(port.slug).toBe("tecate");
    expect(port.crossings[0]!.lanes.map((l) => l.mode)).toEqual(["passenger"]);
  });

  it("uses CBP_STALE_SECONDS from the environment", async () => {
    const fetchedAt = Date.now() - 200_000;
    saveSuccessfulPoll(getDb(), { fetchedAt, snapshot: fixtureSnapshot(undefined, fetchedAt) });
    const meta = PortsResponse.parse(await allPorts.GET(new Request(`${BASE}/ports`)).json()).meta;
    expect(meta.stale).toBe(true);
    expect(meta.staleSeconds).toBeGreaterThanOrEqual(200);
  });

  it("map bad slugs and queries to 404 and 400", async () => {
    const unknown = await onePort.GET(new Request(`${BASE}/ports/nowhere`), ctx("nowhere"));
    expect(unknown.status).toBe(404);
    expect(ApiError.parse(await unknown.json()).error.code).toBe("not_found");
    const traversal = await onePort.GET(new Request(`${BASE}/ports/x`), ctx("../etc"));
    expect(traversal.status).toBe(404);
    const bad = allPorts.GET(new Request(`${BASE}/ports?mode=a&mode=b`));
    expect(bad.status).toBe(400);
    expect(ApiError.parse(await bad.json()).error.code).toBe("bad_request");
  });

  it("unknown API paths answer JSON 404 for every method", async () => {
    for (const handler of [catchAll.GET, catchAll.POST, catchAll.PUT, catchAll.PATCH, catchAll.DELETE]) {
      const res = handler();
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expectApiHeaders(res);
      expect(ApiError.parse(await res.json()).error.code).toBe("not_found");
    }
  });

  it("CORS preflight allows any origin without credentials", () => {
    for (const res of [allPorts.OPTIONS(), onePort.OPTIONS(), catchAll.OPTIONS()]) {
      expect(res.status).toBe(204);
      expectApiHeaders(res);
      expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    }
  });

  it("health reports the data age and stays 200", async () => {
    const res = health.GET();
    expect(res.status).toBe(200);
    expectApiHeaders(res);
    const body = (await res.json()) as { status: string; data: { hasData: boolean; stale: boolean; staleAfterSeconds: number } };
    expect(body.status).toBe("ok");
    expect(body.data).toMatchObject({ hasData: true, stale: true, staleAfterSeconds: 120 });
  });
});
