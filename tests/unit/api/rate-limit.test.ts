/**
 * Fair use of the API: token buckets with a fake clock (bursts refused, refills, real apps never
 * refused), the client key (proxies, spoofing, IPv6), and the production server's 429 answer on
 * a real loopback server, checked against the OpenAPI document.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { clientKey, RateLimiter } from "@/lib/api/rate-limit";
import { ApiError } from "@/lib/api/v1-schema";
import { resetEnvForTests } from "@/lib/env";
import { limitApi, resetRateLimiterForTests } from "@/lib/server/fast-api";
import { openApiChecker } from "@/tests/support/openapi-check";

const MINUTE = 60_000;

describe("RateLimiter", () => {
  it("allows a burst, refuses the next request with the wait until a token is back, then refills", () => {
    const rl = new RateLimiter({ perMinute: 60, burst: 10 });
    const t0 = 1_000_000;
    for (let i = 0; i < 10; i++) expect(rl.take("a", t0)).toMatchObject({ allowed: true, remaining: 9 - i, limit: 10 });
    expect(rl.take("a", t0)).toEqual({ allowed: false, limit: 10, remaining: 0, retryAfterSeconds: 1 });
    expect(rl.take("a", t0 + 500).allowed).toBe(false);
    expect(rl.take("a", t0 + 1000).allowed).toBe(true);
    // Another client has its own bucket.
    expect(rl.take("b", t0).allowed).toBe(true);
    // Idle for a long time: back to a full burst, never more.
    for (let i = 0; i < 10; i++) expect(rl.take("a", t0 + 10 * MINUTE).allowed).toBe(true);
    expect(rl.take("a", t0 + 10 * MINUTE).allowed).toBe(false);
  });

  it("says how long to wait when the rate is slow", () => {
    const rl = new RateLimiter({ perMinute: 2, burst: 1 });
    expect(rl.take("a", 0).allowed).toBe(true);
    const refused = rl.take("a", 0);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    expect(rl.take("a", 29_000).allowed).toBe(false);
    expect(rl.take("a", 30_000).allowed).toBe(true);
  });

  it("never refuses real use at the default limits (300 a minute, bursts of 300)", () => {
    const rl = new RateLimiter({ perMinute: 300, burst: 300 });
    let refused = 0;
    // A partner app refreshing 5 ports' waits and forecasts every 30 s for a whole day.
    for (let t = 0; t < 24 * 60 * MINUTE; t += 30_000) for (let i = 0; i < 10; i++) refused += rl.take("app", t + i * 50).allowed ? 0 : 1;
    // An office behind one address: 120 open tabs, each refreshing waits and health every minute at its own moment.
    for (let t = 0; t < 60 * MINUTE; t += MINUTE) for (let tab = 0; tab < 120; tab++) refused += rl.take("office", t + tab * 500).allowed && rl.take("office", t + tab * 500 + 1).allowed ? 0 : 1;
    // A developer exploring: 200 requests in 20 seconds.
    for (let i = 0; i < 200; i++) refused += rl.take("dev", i * 100).allowed ? 0 : 1;
    expect(refused).toBe(0);
  });

  it("refuses a scraper over the limit: 50 requests a second get about 5 through after the burst", () => {
    const rl = new RateLimiter({ perMinute: 300, burst: 300 });
    let allowed = 0;
    for (let i = 0; i < 50 * 60; i++) allowed += rl.take("bot", i * 20).allowed ? 1 : 0;
    // 300 at once, then 5 a second for the remaining 59.98 s.
    expect(allowed).toBeGreaterThanOrEqual(300 + 299);
    expect(allowed).toBeLessThanOrEqual(300 + 300);
  });

  it("is off at 0 a minute", () => {
    const rl = new RateLimiter({ perMinute: 0, burst: 5 });
    for (let i = 0; i < 100; i++) expect(rl.take("a", 0).allowed).toBe(true);
    expect(rl.size).toBe(0);
  });

  it("keeps memory bounded: beyond maxClients the longest-idle clients are forgotten", () => {
    const rl = new RateLimiter({ perMinute: 60, burst: 5, maxClients: 1000 });
    for (let i = 0; i < 5000; i++) rl.take(`10.0.${i >> 8}.${i & 255}`, i);
    expect(rl.size).toBeLessThanOrEqual(1000);
    // The most recent client is still tracked (its bucket is not reset to full).
    for (let i = 0; i < 4; i++) rl.take("10.0.19.135", 5000);
    expect(rl.take("10.0.19.135", 5000).allowed).toBe(false);
  });
});

describe("clientKey", () => {
  it("uses the socket address unless proxies are trusted", () => {
    expect(clientKey("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(clientKey("10.0.0.2", "198.51.100.1", 1)).toBe("198.51.100.1");
    expect(clientKey("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("reads X-Forwarded-For from the right, so a client cannot choose its bucket", () => {
    // The client sent "1.2.3.4"; our one proxy appended the real address.
    expect(clientKey("10.0.0.2", "1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientKey("10.0.0.2", ["1.2.3.4", "198.51.100.7, 10.0.0.9"], 2)).toBe("198.51.100.7");
    // Fewer entries than trusted hops: fall back to the socket.
    expect(clientKey("10.0.0.2", "198.51.100.7", 3)).toBe("10.0.0.2");
  });

  it("treats IPv4-mapped IPv6 as IPv4 and groups IPv6 by /64", () => {
    expect(clientKey("::ffff:192.0.2.5", undefined, 0)).toBe("192.0.2.5");
    expect(clientKey("2001:db8:a:b:1::1", undefined, 0)).toBe("2001:db8:a:b::/64");
    expect(clientKey("2001:0db8:000a:000b:ffff:1:2:3", undefined, 0)).toBe("2001:db8:a:b::/64");
    expect(clientKey("2001:db8::1", undefined, 0)).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1", undefined, 0)).toBe("0:0:0:0::/64");
    expect(clientKey("not:an:address::x::", undefined, 0)).toBe("not:an:address::x::");
  });
});

describe("the production server's limiter", () => {
  let server: http.Server;
  let base = "";
  const check = openApiChecker(openApiDocument("http://localhost"));

  beforeAll(async () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "60");
    vi.stubEnv("API_RATE_BURST", "5");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    resetEnvForTests();
    resetRateLimiterForTests();
    server = http.createServer((req, res) => {
      void limitApi(req, res).then((limited) => {
        if (limited) return;
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("passed");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    vi.unstubAllEnvs();
    resetEnvForTests();
    resetRateLimiterForTests();
  });

  it("answers 429 with Retry-After, the API's headers and a JSON error once a client's burst is spent", async () => {
    const me = { "x-forwarded-for": "198.51.100.20" };
    for (let i = 0; i < 5; i++) {
      const ok = await fetch(`${base}/api/v1/ports`, { headers: me });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("ratelimit-limit")).toBe("5");
      expect(ok.headers.get("ratelimit-remaining")).toBe(String(4 - i));
    }
    const res = await fetch(`${base}/api/v1/ports/tecate/forecast`, { headers: me });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBe(1);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(ApiError.parse(body).error).toMatchObject({ code: "rate_limited" });
    expect(check("/api/v1/ports/{slug}/forecast", 429, res.headers.get("content-type"), body)).toEqual([]);
    // Another client, pages, and CORS preflights are not affected.
    expect((await fetch(`${base}/api/v1/ports`, { headers: { "x-forwarded-for": "198.51.100.21" } })).status).toBe(200);
    expect((await fetch(`${base}/en`, { headers: me })).status).toBe(200);
    expect((await fetch(`${base}/api/v1/ports`, { method: "OPTIONS", headers: me })).status).toBe(200);
  });
});
