import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { watchCsp } from "./support/csp";
import { resetFake, waitForFreshData } from "./support/fake";

const PAGES = ["/", "/ports/san-ysidro", "/ports/otay-mesa", "/ports/tecate", "/ports/cross-border-xpress", "/ports/otay-mesa-east", "/ports/nowhere", "/developers", "/plan", "/search", "/guides/no-such-guide"];

test.beforeAll(async ({ request }) => {
  await resetFake(request);
  await waitForFreshData(request);
});

for (const locale of ["en", "es"] as const) {
  for (const p of PAGES) {
    const url = `/${locale}${p === "/" ? "" : p}`;
    test(`axe: ${url} has no WCAG 2.2 AA violations`, async ({ page }, info) => {
      const violations = await watchCsp(page);
      await page.goto(url);
      await expect(page.locator("main")).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
      expect(violations, "CSP violations").toEqual([]);
      await page.screenshot({ path: `test-results/screens/${info.project.name}${url.replace(/\//g, "_")}.png`, fullPage: true });
    });
  }
}
