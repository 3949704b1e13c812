import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEFAULT_FIXTURE, expectedLanes } from "./support/fixture";
import { resetFake, setFakeFixture, setFakeMode, waitForFreshData } from "./support/fake";

// These tests switch the one shared fake upstream, so they run once (desktop project only, see
// playwright.config.ts), in order.
test.describe.configure({ mode: "serial" });

const SY = expectedLanes(DEFAULT_FIXTURE, ["250401"]).find((l) => l.mode === "passenger" && l.type === "standard");

test.beforeEach(async ({ request }) => {
  await resetFake(request);
  await waitForFreshData(request);
});

test.afterAll(async ({ request }) => {
  await resetFake(request);
});

const MODES = ["500", "refused", "hang", "html", "iis", "bad", "truncated", "empty", "huge", "entities"] as const;

for (const mode of MODES) {
  test(`upstream '${mode}': pages stay up with the last good numbers, then say the data is stale`, async ({ page, request }) => {
    await setFakeMode(request, mode);
    // CBP_STALE_SECONDS is 4 in this run: wait until the site itself reports staleness.
    await expect
      .poll(async () => ((await (await request.get("/api/health")).json()) as { data: { stale: boolean } }).data.stale, { timeout: 30_000 })
      .toBe(true);

    for (const url of ["/en", "/es/ports/san-ysidro"]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await expect(page.getByTestId("stale-banner")).toBeVisible();
      await expect(page.getByTestId("stale-banner")).toContainText(url.startsWith("/es") ? "podrían no estar al día" : "may be out of date");
      const row = page.locator('[data-testid=lane][data-crossing="250401"][data-mode=passenger][data-type=standard]');
      await expect(row.getByTestId("lane-minutes")).toHaveAttribute("data-minutes", String(SY?.minutes));
      await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(/); // never a stack trace
    }
    const api = await request.get("/api/v1/ports/san-ysidro");
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { meta: { stale: boolean; staleSeconds: number } };
    expect(body.meta.stale).toBe(true);
    expect(body.meta.staleSeconds).toBeGreaterThan(4);
  });
}

test("the stale banner goes away by itself when CBP recovers", async ({ page, request }) => {
  await setFakeMode(request, "500");
  await page.goto("/en");
  await expect(page.getByTestId("stale-banner")).toBeVisible({ timeout: 30_000 });
  await setFakeMode(request, "ok");
  // No reload: the live banner polls /api/health.
  await expect(page.getByTestId("stale-banner")).toHaveCount(0, { timeout: 30_000 });
});

test("numbers update on an open page without reloading", async ({ page, request }) => {
  await page.goto("/en/ports/san-ysidro");
  const row = page.locator('[data-testid=lane][data-crossing="250401"][data-mode=passenger][data-type=standard]');
  await expect(row.getByTestId("lane-minutes")).toHaveAttribute("data-minutes", String(SY?.minutes));
  const other = path.resolve("tests/fixtures/cbp/bwtnew_2026-08-31T034144Z_otrolado.json");
  await setFakeFixture(request, other);
  // In that capture San Ysidro general vehicles read 120 min.
  await expect(row.getByTestId("lane-minutes")).toHaveAttribute("data-minutes", "120", { timeout: 30_000 });
  // PedWest is closed in that capture but keeps its 1 pm reading: the page says what those numbers are.
  await expect(page.locator('[data-testid=crossing][data-crossing="250407"]').getByTestId("closed-last-readings")).toBeVisible();
  await expect(page.locator('[data-testid=crossing][data-crossing="250407"]').getByTestId("status")).toHaveText(/Closed now/);
});

test("a wait CBP obviously mistyped is shown with a warning, not as a plain number", async ({ page, request }) => {
  // San Ysidro general vehicles read 1,120 minutes in this real capture (cbp-feed.md §5.2).
  await setFakeFixture(request, path.resolve("tests/fixtures/cbp/bwt-sd_2025-10-15T131315Z.xml"));
  await page.goto("/es/ports/san-ysidro");
  const row = page.locator('[data-testid=lane][data-crossing="250401"][data-mode=passenger][data-type=standard]');
  await expect(row.getByTestId("lane-minutes")).toHaveAttribute("data-minutes", "1120", { timeout: 30_000 });
  await expect(row.getByTestId("lane-suspect")).toContainText("capturado mal");
  const normal = page.locator('[data-testid=lane][data-crossing="250401"][data-mode=passenger][data-type=sentri]');
  await expect(normal.getByTestId("lane-suspect")).toHaveCount(0);
});

test("live updates pause while the tab is hidden and resume when it is shown", async ({ page }) => {
  const calls: number[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/v1/ports/tecate") calls.push(Date.now());
  });
  await page.goto("/en/ports/tecate");
  // The refresh interval is 5 s in this run (the poll interval, clamped to 5–60 s).
  await expect.poll(() => calls.length, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.waitForTimeout(1_000); // let a request already in flight finish
  const whileHidden = calls.length;
  await page.waitForTimeout(11_000);
  expect(calls.length).toBe(whileHidden);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    document.dispatchEvent(new Event("visibilitychange"));
    window.dispatchEvent(new Event("focus"));
  });
  await expect.poll(() => calls.length, { timeout: 15_000 }).toBeGreaterThan(whileHidden);
});
