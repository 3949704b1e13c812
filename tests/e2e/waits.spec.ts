import { expect, test, type Page } from "@playwright/test";
import { CROSSINGS_BY_PORT, DEFAULT_FIXTURE, expectedLanes, type ExpectedLane } from "./support/fixture";
import { resetFake, waitForFreshData } from "./support/fake";

test.beforeAll(async ({ request }) => {
  await resetFake(request);
  await waitForFreshData(request);
});

async function expectLanesOnPage(page: Page, lanes: ExpectedLane[]) {
  expect(lanes.length).toBeGreaterThan(0);
  for (const lane of lanes) {
    const row = page.locator(`[data-testid=lane][data-crossing="${lane.crossing}"][data-mode="${lane.mode}"][data-type="${lane.type}"]`);
    await expect(row, `${lane.crossing} ${lane.mode}/${lane.type}`).toHaveCount(1);
    await expect(row).toHaveAttribute("data-status", lane.status);
    if (lane.minutes !== null) {
      await expect(row.getByTestId("lane-minutes")).toHaveAttribute("data-minutes", String(lane.minutes));
      await expect(row.getByTestId("lane-minutes")).toHaveText(lane.minutes === 0 ? /No wait|Sin espera/ : `${lane.minutes} min`);
    }
    if (lane.lanesOpen !== null) {
      await expect(row.getByTestId("lane-open")).toHaveAttribute("data-open", String(lane.lanesOpen));
      await expect(row.getByTestId("lane-open")).toContainText(String(lane.lanesOpen));
    }
    if (lane.maxLanes !== null) await expect(row.getByTestId("lane-open")).toContainText(String(lane.maxLanes));
  }
}

for (const locale of ["en", "es"] as const) {
  test(`home (${locale}) shows every port with the fixture's numbers`, async ({ page }) => {
    const res = await page.goto(`/${locale}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "Border wait times now" : "Tiempos de espera en la línea");
    for (const slug of Object.keys(CROSSINGS_BY_PORT)) await expect(page.locator(`[data-testid=port][data-port="${slug}"]`)).toBeVisible();
    await expectLanesOnPage(page, expectedLanes(DEFAULT_FIXTURE, Object.values(CROSSINGS_BY_PORT).flat()));
    // The fixture is from January 2026: every reading is far older than 3 hours and says so.
    await expect(page.getByTestId("lane-old").first()).toBeVisible();
    await expect(page.getByTestId("stale-banner")).toHaveCount(0);
  });

  for (const [slug, crossings] of Object.entries(CROSSINGS_BY_PORT)) {
    test(`port page ${slug} (${locale})`, async ({ page }) => {
      const res = await page.goto(`/${locale}/ports/${slug}`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (crossings.length === 0) {
        // Otay Mesa East is planned: project status, never numbers.
        await expect(page.getByTestId("planned-port")).toBeVisible();
        await expect(page.getByTestId("lane")).toHaveCount(0);
        await expect(page.getByTestId("lane-minutes")).toHaveCount(0);
        return;
      }
      await expectLanesOnPage(page, expectedLanes(DEFAULT_FIXTURE, crossings));
      await expect(page.locator("[data-testid=lane]")).toHaveCount(expectedLanes(DEFAULT_FIXTURE, crossings).length);
    });
  }
}

test("the API and the page agree", async ({ page, request }) => {
  const api = await request.get("/api/v1/ports/otay-mesa");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { data: { crossings: { cbpPortNumber: string; lanes: { mode: string; type: string; delayMinutes: number | null }[] }[] } };
  await page.goto("/en/ports/otay-mesa");
  for (const c of body.data.crossings) {
    for (const l of c.lanes) {
      const row = page.locator(`[data-testid=lane][data-crossing="${c.cbpPortNumber}"][data-mode="${l.mode}"][data-type="${l.type}"]`);
      if (l.delayMinutes !== null) await expect(row.getByTestId("lane-minutes")).toHaveAttribute("data-minutes", String(l.delayMinutes));
    }
  }
});

test("readable on a 360 px wide phone: nothing scrolls sideways", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const url of ["/en", "/es", "/es/ports/san-ysidro", "/en/ports/otay-mesa", "/es/ports/otay-mesa-east", "/es/developers", "/en/developers"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
  await context.close();
});
