import { expect, test } from "@playwright/test";

// The e2e server trusts one proxy hop, so X-Forwarded-For makes this test a client of its own;
// the rest of the suite (pages polling the API as real visitors do) shares 127.0.0.1 under the
// default limits and would fail on any 429.
test("a burst over the API limit gets 429 with Retry-After; other clients and pages are unaffected", async ({ request }, testInfo) => {
  // A retry must not inherit the first attempt's empty bucket.
  const client = { "x-forwarded-for": `198.51.100.${10 + testInfo.retry}` };
  const first = await request.get("/api/v1/ports", { headers: client });
  expect(first.status()).toBe(200);
  const limit = Number(first.headers()["ratelimit-limit"]);
  expect(limit).toBe(300);
  expect(Number(first.headers()["ratelimit-remaining"])).toBe(limit - 1);

  // Until the first refusal (tokens come back at 5 a second while the burst runs, so on a slow
  // machine it takes a few more than the bucket), capped so a missing limiter fails rather than hangs.
  const statuses: number[] = [];
  let refused = null as Awaited<ReturnType<typeof request.get>> | null;
  while (!refused && statuses.length < limit * 3) {
    const res = await request.get("/api/v1/ports/tecate/forecast", { headers: client });
    statuses.push(res.status());
    if (res.status() === 429) refused = res;
  }
  expect(refused, `no 429 in ${statuses.length} requests`).not.toBeNull();
  expect(statuses.length).toBeGreaterThan(limit);
  expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);

  const h = refused!.headers();
  expect(Number(h["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(h["access-control-allow-origin"]).toBe("*");
  expect(h["content-type"]).toBe("application/json; charset=utf-8");
  expect(h["ratelimit-remaining"]).toBe("0");
  expect(await refused!.json()).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/300 a minute/) } });

  // Someone else, and the site's pages, still get through.
  expect((await request.get("/api/v1/ports/tecate", { headers: { "x-forwarded-for": "203.0.113.250" } })).status()).toBe(200);
  expect((await request.get("/es/ports/tecate", { headers: client })).status()).toBe(200);

  // Retry-After is honest: after waiting it, the client gets through again.
  await new Promise((r) => setTimeout(r, Number(h["retry-after"]) * 1000 + 100));
  expect((await request.get("/api/v1/ports/tecate", { headers: client })).status()).toBe(200);
});
