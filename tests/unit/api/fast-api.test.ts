/**
 * The production fast path must answer exactly like the route handlers: it adapts Node's
 * request/response to the same Web handlers, and this checks the adapter (status, headers,
 * body, HEAD, OPTIONS, 304) on a real loopback server.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAllPorts, handleOnePort } from "@/lib/api/ports-handler";
import { closeAllDatabases, getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { refuseMalformedPath, tryFastApi } from "@/lib/server/fast-api";
import { saveSuccessfulPoll } from "@/lib/waits/store";
import { FIXTURE_AT, fixtureSnapshot } from "@/tests/unit/support/waits-fixtures";

let server: http.Server;
let base = "";
let passedThrough: string[] = [];

beforeAll(async () => {
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "sb-fast-api-"));
  resetEnvForTests();
  saveSuccessfulPoll(getDb(), { fetchedAt: FIXTURE_AT, snapshot: fixtureSnapshot() });
  server = http.createServer((req, res) => {
    // As lib/cli/serve.mjs chains them.
    void refuseMalformedPath(req, res).then(async (refused) => {
      const handled = refused || (await tryFastApi(req, res));
      if (handled) return;
      passedThrough.push(`${req.method} ${req.url}`);
      res.writeHead(418).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  closeAllDatabases();
  delete process.env.DATA_DIR;
  resetEnvForTests();
});

function direct(url: string, headers: Record<string, string> = {}): Response {
  const request = new Request(`http://localhost${url}`, { headers });
  const slug = /^\/api\/v1\/ports\/([^/?]+)/.exec(url)?.[1];
  return slug ? handleOnePort(request, decodeURIComponent(slug)) : handleAllPorts(request);
}

async function headersOf(res: Response): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (!["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(k)) out[k] = v;
  });
  return out;
}

describe("paths with a broken percent-escape", () => {
  it("are a JSON 400 with the API's headers under /api/, never Next's bare 500", async () => {
    for (const url of ["/api/v1/ports/%E0/history", "/api/v1/ports/%ZZ", "/api/v1/ports/san-ysidro/%E0?mode=passenger", "/api/v1/%C3%28"]) {
      const res = await fetch(base + url);
      expect(res.status, url).toBe(400);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await res.json()).toEqual({ error: { code: "bad_request", message: expect.stringContaining("malformed percent-escape") } });
    }
  });

  it("are a short bilingual 400 with the page security headers elsewhere", async () => {
    for (const url of ["/en/ports/%E0", "/es/dashboard/%ZZ", "/%E0"]) {
      const res = await fetch(base + url);
      expect(res.status, url).toBe(400);
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(await res.text()).toMatch(/malformed.*mal formada/);
    }
  });

  it("let well-formed escapes and query strings through untouched", async () => {
    passedThrough = [];
    expect((await fetch(`${base}/en/search?q=%E0`)).status).toBe(418);
    expect((await fetch(`${base}/es/gu%C3%ADas`)).status).toBe(418);
    expect(passedThrough).toEqual(["GET /en/search?q=%E0", "GET /es/gu%C3%ADas"]);
  });
});

describe("fast path = route handlers", () => {
  for (const url of [
    "/api/v1/ports",
    "/api/v1/ports?mode=pedestrian",
    "/api/v1/ports/tecate",
    "/api/v1/ports/otay-mesa-east",
    "/api/v1/ports/nowhere",
    "/api/v1/ports/..%2Fetc",
    "/api/v1/ports/TECATE",
    "/api/v1/ports?mode=boat",
    "/api/v1/ports?foo=1&foo=2",
  ]) {
    it(`GET ${url}`, async () => {
      const viaServer = await fetch(base + url);
      const expected = direct(url);
      expect(viaServer.status).toBe(expected.status);
      expect(await headersOf(viaServer)).toEqual(await headersOf(expected));
      expect(await viaServer.text()).toBe(await expected.text());
    });
  }

  it("answers 304 to a matching If-None-Match, and HEAD without a body", async () => {
    const first = await fetch(`${base}/api/v1/ports`);
    const etag = first.headers.get("etag") ?? "";
    const again = await fetch(`${base}/api/v1/ports`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const head = await fetch(`${base}/api/v1/ports/tecate`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await head.text()).toBe("");
  });

  it("answers CORS preflight", async () => {
    const res = await fetch(`${base}/api/v1/ports`, { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("leaves everything else to Next: other paths, methods and trailing slashes", async () => {
    passedThrough = [];
    for (const [method, url] of [
      ["GET", "/en"],
      ["GET", "/api/health"],
      ["GET", "/api/v1/ports/"],
      ["GET", "/api/v1/portsx"],
      ["POST", "/api/v1/ports"],
    ] as const) {
      expect((await fetch(base + url, { method })).status, `${method} ${url}`).toBe(418);
    }
    expect(passedThrough).toHaveLength(5);
  });
});
