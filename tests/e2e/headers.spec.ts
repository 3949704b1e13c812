import { expect, test } from "@playwright/test";
import { waitForFreshData } from "./support/fake";

test.beforeAll(async ({ request }) => {
  await waitForFreshData(request);
});

test("pages carry a nonce CSP and the security headers", async ({ request }) => {
  const res = await request.get("/en");
  expect(res.status()).toBe(200);
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(h["strict-transport-security"]).toMatch(/max-age=\d{8,}; includeSubDomains/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["x-powered-by"]).toBeUndefined();
  // Every script tag carries this response's nonce.
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  // A second request gets a different nonce.
  const again = (await request.get("/en")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
});

test("the API is CORS-open, cookie-free JSON with cache headers", async ({ request }) => {
  const res = await request.get("/api/v1/ports", { headers: { Origin: "https://partner.example" } });
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h["content-type"]).toBe("application/json; charset=utf-8");
  expect(h["access-control-allow-origin"]).toBe("*");
  expect(h["access-control-allow-credentials"]).toBeUndefined();
  expect(h["set-cookie"]).toBeUndefined();
  expect(h["cache-control"]).toContain("stale-if-error");
  expect(h["etag"]).toBeTruthy();
  expect(h["cross-origin-resource-policy"]).toBe("cross-origin");
  const again = await request.get("/api/v1/ports", { headers: { "If-None-Match": h["etag"] ?? "" } });
  expect(again.status()).toBe(304);
});

test("API errors are JSON with codes, never HTML or 500", async ({ request }) => {
  for (const [url, status, code] of [
    ["/api/v1/ports/nowhere", 404, "not_found"],
    ["/api/v1/ports?mode=boat", 400, "bad_request"],
    ["/api/v1/ports/tecate?type=x", 400, "bad_request"],
    ["/api/v1/ports/%2e%2e%2fetc", 404, "not_found"],
    ["/api/v1/nothing-here", 404, "not_found"],
    // A broken percent-escape: Next alone answers these with a bare 500.
    ["/api/v1/ports/%E0/history", 400, "bad_request"],
    ["/api/v1/ports/san-ysidro/%ZZ", 400, "bad_request"],
  ] as const) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(status);
    expect(res.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  }
});

test("a page path with a broken percent-escape is a 400 with the security headers, not a 500", async ({ request }) => {
  for (const url of ["/en/ports/%E0", "/es/dashboard/%ZZ"]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(400);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
  }
});

test("odd page paths (with a dot) still get the CSP and a localized 404", async ({ request }) => {
  const res = await request.get("/en/ports/tecate.x");
  expect(res.status()).toBe(404);
  expect(res.headers()["content-security-policy"]).toContain("'strict-dynamic'");
});

test("feeds carry the API's cross-origin headers, not the page's; near-misses of real files still get the page CSP", async ({ request }) => {
  for (const path of ["/en/feed.atom", "/es/ports/tecate/feed.rss"]) {
    const h = (await request.get(path)).headers();
    expect(h["cross-origin-resource-policy"], path).toBe("cross-origin");
    expect(h["access-control-allow-origin"], path).toBe("*");
    expect(h["x-frame-options"], path).toBeUndefined();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["set-cookie"], path).toBeUndefined();
  }
  for (const path of ["/sw.jsx", "/icons/nothing.txt", "/apple-icon.png.html"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});
