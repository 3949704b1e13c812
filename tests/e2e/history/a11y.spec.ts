import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { gotoWithRecentAccuracy, LOCALES, waitForFreshData, watchCsp } from "./support";

test.beforeAll(async ({ request }) => {
  await waitForFreshData(request);
});

for (const locale of LOCALES) {
  for (const p of ["/dashboard", "/methodology", "/ports/san-ysidro"]) {
    const url = `/${locale}${p}`;
    test(`axe: ${url} with its charts and tables opened has no WCAG 2.2 AA violations`, async ({ page }) => {
      const violations = await watchCsp(page);
      if (p === "/methodology") await gotoWithRecentAccuracy(page, url);
      else await page.goto(url);
      await expect(page.locator("main")).toBeVisible();
      if (p !== "/methodology") {
        // Every lane's charts, and the table alternatives of the first lane's charts (the other
        // lanes' tables are the same markup with other numbers: 168-row tables for each lane
        // would only slow axe down).
        // The dashboard shows one lane's charts at a time; the port page has a block per lane.
        const lanes = page.getByTestId(p === "/dashboard" ? "lane-charts" : "lane-outlook");
        expect(await lanes.count()).toBeGreaterThanOrEqual(p === "/dashboard" ? 1 : 2);
        await lanes.evaluateAll((els) => els.forEach((el) => el instanceof HTMLDetailsElement && (el.open = true)));
        const tables = lanes.first().locator("[data-testid=wait-chart] details");
        await expect(tables).toHaveCount(2);
        await tables.evaluateAll((els) => els.forEach((el) => ((el as HTMLDetailsElement).open = true)));
        await expect(lanes.last().getByTestId("wait-chart").last().getByRole("img")).toBeVisible();
        await expect(lanes.first().getByTestId("chart-table")).toHaveCount(2);
        for (const table of await lanes.first().getByTestId("chart-table").all()) await expect(table).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
      expect(violations, "CSP violations").toEqual([]);
    });
  }
}
