import { expect, test } from "@playwright/test";
import { openApiChecker } from "../../support/openapi-check";
import { waitForFreshData } from "./support";

test.beforeAll(async ({ request }) => {
  await waitForFreshData(request);
});

// The running production server (fast path and Next route handlers alike) against the document
// it serves: every endpoint, with good and bad queries, 304s included.
test("every answer of the running server conforms to its /api/v1/openapi.json", async ({ request }) => {
  const docRes = await request.get("/api/v1/openapi.json");
  expect(docRes.status()).toBe(200);
  expect(docRes.headers()["access-control-allow-origin"]).toBe("*");
  const doc = (await docRes.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  const check = openApiChecker(doc);

  const today = new Date().toISOString().slice(0, 10);
  const calls: [template: string, url: string][] = [
    ["/api/v1/ports", "/api/v1/ports"],
    ["/api/v1/ports", "/api/v1/ports?mode=pedestrian"],
    ["/api/v1/ports", "/api/v1/ports?mode=ferry"],
    ["/api/v1/ports/{slug}", "/api/v1/ports/san-ysidro"],
    ["/api/v1/ports/{slug}", "/api/v1/ports/otay-mesa-east"],
    ["/api/v1/ports/{slug}", "/api/v1/ports/nowhere"],
    ["/api/v1/ports/{slug}/history", "/api/v1/ports/otay-mesa/history?limit=50"],
    ["/api/v1/ports/{slug}/history", `/api/v1/ports/otay-mesa/history?to=${today}&mode=commercial`],
    ["/api/v1/ports/{slug}/history", "/api/v1/ports/otay-mesa/history?from=2020-01-01"],
    ["/api/v1/ports/{slug}/typical", "/api/v1/ports/tecate/typical"],
    ["/api/v1/ports/{slug}/typical", "/api/v1/ports/tecate/typical?type=nope"],
    ["/api/v1/ports/{slug}/forecast", "/api/v1/ports/san-ysidro/forecast?mode=pedestrian"],
    ["/api/v1/ports/{slug}/forecast", "/api/v1/ports/atlantis/forecast"],
    ["/api/v1/dashboard", "/api/v1/dashboard"],
    ["/api/v1/dashboard", "/api/v1/dashboard?format=csv"],
    ["/api/v1/dashboard", "/api/v1/dashboard?format=pdf"],
    ["/api/v1/alerts", "/api/v1/alerts"],
    ["/api/v1/alerts", "/api/v1/alerts?port=tecate&kind=status"],
    ["/api/v1/alerts", "/api/v1/alerts?since=yesterday"],
    ["/api/health", "/api/health"],
  ];
  const seen = new Set<string>();
  for (const [template, url] of calls) {
    const res = await request.get(url);
    const type = res.headers()["content-type"] ?? null;
    const body = type?.startsWith("application/json") ? await res.json() : await res.text();
    expect(check(template, res.status(), type, body), url).toEqual([]);
    seen.add(`${res.status()}`);
    const etag = res.headers()["etag"];
    if (res.status() === 200 && etag) {
      const again = await request.get(url, { headers: { "if-none-match": etag } });
      expect(check(template, again.status(), null, await again.text()), `${url} revalidated`).toEqual([]);
      seen.add(`${again.status()}`);
    }
  }
  expect([...seen].sort()).toEqual(["200", "304", "400", "404"]);
  // Every documented path was called.
  expect(new Set(calls.map(([t]) => t))).toEqual(new Set(Object.keys(doc.paths).filter((p) => p !== "/api/v1/openapi.json")));
});
