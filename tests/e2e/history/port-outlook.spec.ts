import { expect, test } from "@playwright/test";
import { LOCALES, msg, waitForFreshData } from "./support";

test.beforeAll(async ({ request }) => {
  await waitForFreshData(request);
});

for (const locale of LOCALES) {
  test(`port page (${locale}): today and the next 12 hours for every San Ysidro lane`, async ({ page }) => {
    const res = await page.goto(`/${locale}/ports/san-ysidro`);
    expect(res?.status()).toBe(200);
    const outlook = page.getByTestId("port-outlook");
    await expect(outlook).toBeVisible();
    await expect(outlook.getByRole("heading", { level: 2 })).toHaveText(msg(locale, "Outlook.heading"));

    const lanes = outlook.getByTestId("lane-outlook");
    await expect(lanes).toHaveCount(7);
    await expect(lanes.first()).toHaveAttribute("open", "");
    for (let i = 1; i < 7; i++) await expect(lanes.nth(i)).not.toHaveAttribute("open");

    // "Best time in the next 12 hours: 2:00 AM, about 39 min …" / "… 2:00 a.m., unos 39 min …"
    // when the forecast API names a best hour for the lane; otherwise the line says why not
    // (at night CBP rarely reports San Ysidro, and hours without a usual pattern are never "best").
    const first = lanes.first();
    const api = (await (await page.request.get("/api/v1/ports/san-ysidro/forecast?mode=passenger&type=standard")).json()) as {
      data: { cbpPortNumber: string; best: { minutes: number } | null; hours: { minutes: number; basis: string }[] }[];
    };
    const lane = api.data.find((l) => l.cbpPortNumber === "250401")!;
    const flat = lane.hours.length > 1 && lane.hours.every((h) => h.minutes === lane.hours[0]!.minutes);
    const bestTime = first.getByTestId("best-time");
    if (lane.best && !flat) {
      await expect(bestTime).toContainText(msg(locale, "Outlook.best").split("{time}")[0]!);
      await expect(bestTime).toHaveText(/\b\d{1,2}:\d{2}\b/);
    } else {
      const why =
        lane.hours.length === 0
          ? "Outlook.noForecast"
          : flat || lane.hours.every((h) => h.basis === "current")
            ? lane.hours.length < 12
              ? "Outlook.flatOpenHours"
              : "Outlook.flat"
            : "Outlook.noBest";
      await expect(bestTime).toHaveText(msg(locale, why));
    }

    const charts = first.getByTestId("wait-chart");
    await expect(charts).toHaveCount(2);
    await expect(charts.nth(0).locator("figcaption")).toHaveText(msg(locale, "Outlook.todayTitle"));
    await expect(charts.nth(1).locator("figcaption")).toHaveText(msg(locale, "Outlook.nextTitle"));
    for (let i = 0; i < 2; i++) {
      await expect(charts.nth(i).getByRole("img")).toHaveAccessibleName(/\S/);
      await charts.nth(i).getByText(msg(locale, "Charts.showTable")).click();
      await expect(charts.nth(i).getByTestId("chart-table")).toBeVisible();
    }
    // Today: one row per hour of the local day (23 or 25 on DST days).
    const today = await charts.nth(0).getByTestId("chart-table").locator("tbody tr").count();
    expect(today).toBeGreaterThanOrEqual(23);
    expect(today).toBeLessThanOrEqual(25);
    // The next 12 hours: at most 12 (an hour without a basis for a forecast is left out).
    const next = await charts.nth(1).getByTestId("chart-table").locator("tbody tr").count();
    expect(next).toBeGreaterThanOrEqual(1);
    expect(next).toBeLessThanOrEqual(12);
    await expect(charts.nth(1).getByTestId("chart-table").locator("thead th")).toContainText([msg(locale, "Charts.colForecast")]);
  });
}
