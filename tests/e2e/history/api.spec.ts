import { expect, test } from "@playwright/test";
import { daysAgoIso, waitForFreshData, watchCsp } from "./support";

test.beforeAll(async ({ request }) => {
  await waitForFreshData(request);
});

interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

interface Spread {
  median: number;
  p25: number;
  p75: number;
  n: number;
}

// The API speaks no language: one page is enough to fetch from.
test("history API fetched by a page: typical week, range limit, forecast", async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto("/es/methodology");
  // Same-origin fetches from the page, under its CSP (connect-src 'self').
  const get = (url: string) =>
    page.evaluate(async (u): Promise<Answer> => {
      const res = await fetch(u);
      return { status: res.status, contentType: res.headers.get("content-type"), body: await res.json() };
    }, url);

  // Typical: one value (or null) for each of the 7 × 24 hours of the week, per lane.
  const typical = await get("/api/v1/ports/tecate/typical");
  expect(typical.status).toBe(200);
  const t = typical.body as { data: { cbpPortNumber: string; mode: string; type: string; hours: { weekday: number; hour: number; typical: Spread | null }[] }[]; meta: { timeZone: string; weeks: number } };
  expect(t.meta.timeZone).toBe("America/Los_Angeles");
  expect(t.data.map((l) => `${l.cbpPortNumber}/${l.mode}/${l.type}`).sort()).toEqual(["250501/commercial/standard", "250501/passenger/standard", "250501/pedestrian/standard"]);
  for (const lane of t.data) {
    expect(lane.hours, lane.mode).toHaveLength(168);
    expect(new Set(lane.hours.map((h) => h.weekday * 24 + h.hour)).size).toBe(168);
    for (const h of lane.hours) {
      expect(h.weekday).toBeGreaterThanOrEqual(0);
      expect(h.weekday).toBeLessThanOrEqual(6);
      expect(h.hour).toBeGreaterThanOrEqual(0);
      expect(h.hour).toBeLessThanOrEqual(23);
      if (h.typical) {
        expect(h.typical.p25).toBeLessThanOrEqual(h.typical.median);
        expect(h.typical.median).toBeLessThanOrEqual(h.typical.p75);
      }
    }
    // Two months of history give a typical value for most hours of the week.
    expect(lane.hours.filter((h) => h.typical !== null).length, lane.mode).toBeGreaterThan(0);
  }

  // History: a 40-day range is refused with a JSON error; a week is served.
  const tooLong = await get(`/api/v1/ports/tecate/history?from=${encodeURIComponent(daysAgoIso(40))}`);
  expect(tooLong.status).toBe(400);
  expect(tooLong.contentType).toBe("application/json; charset=utf-8");
  expect((tooLong.body as { error: { code: string; message: string } }).error).toEqual({ code: "bad_request", message: expect.stringContaining("31 days") });
  const week = await get(`/api/v1/ports/tecate/history?from=${encodeURIComponent(daysAgoIso(7))}`);
  expect(week.status).toBe(200);
  expect((week.body as { data: unknown[] }).data.length).toBeGreaterThan(0);

  // Forecast: up to 12 hours ahead per lane, in order, all in the future.
  const forecast = await get("/api/v1/ports/san-ysidro/forecast");
  expect(forecast.status).toBe(200);
  const f = forecast.body as { data: { hours: { at: string; horizon: number; minutes: number; expectedError: number | null }[] }[] };
  expect(f.data).toHaveLength(7);
  const started = Date.now();
  for (const lane of f.data) {
    expect(lane.hours.length).toBeLessThanOrEqual(12);
    let previous = 0;
    for (const h of lane.hours) {
      expect(h.horizon).toBeGreaterThan(previous);
      expect(h.horizon).toBeLessThanOrEqual(12);
      previous = h.horizon;
      expect(Date.parse(h.at)).toBeGreaterThan(started - 60_000);
      expect(h.minutes).toBeGreaterThanOrEqual(0);
    }
  }
  expect(f.data.some((l) => l.hours.length > 0)).toBe(true);
  expect(csp, "CSP violations").toEqual([]);
});
