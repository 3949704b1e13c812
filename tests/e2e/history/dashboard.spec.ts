import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { ACTIVE_PORTS, csvRecords, dashboardLanes, LOCALES, msg, waitForFreshData, type PageLane } from "./support";

test.beforeAll(async ({ request }) => {
  await waitForFreshData(request);
});

const VS = ["above", "below", "normal"];

interface JsonLane {
  cbpPortNumber: string;
  mode: string;
  type: string;
  crossingName: { en: string; es: string };
  wait: number | null;
  vsTypical: string | null;
}

const key = (l: { crossing: string; mode: string; type: string }) => `${l.crossing}/${l.mode}/${l.type}`;

async function hrefOf(page: Page, testId: string): Promise<string> {
  const href = await page.getByTestId(testId).getAttribute("href");
  expect(href, testId).toBeTruthy();
  return new URL(href!, page.url()).href;
}

for (const locale of LOCALES) {
  test(`dashboard (${locale}): headline, one table per port, waits against typical`, async ({ page }) => {
    const res = await page.goto(`/${locale}/dashboard`);
    expect(res?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg(locale, "Dashboard.title"));

    // Four headline figures, each with a value (replay-now gives current readings). "Ports above
    // typical" needs a typical value for this hour: the recorded history has a few night hours
    // with too few samples (e.g. Wednesday to Thursday midnight), when the page must say "–".
    const summary = (await (await page.request.get("/api/v1/dashboard")).json()) as { data: { headline: { portsCompared: number } } };
    const comparable = summary.data.headline.portsCompared > 0;
    const headline = page.getByTestId("headline");
    await expect(headline.locator("dt")).toHaveText(["statAbove", "statLanes", "statLongest", "statShortest"].map((k) => msg(locale, `Dashboard.${k}`)));
    const figures = headline.locator(":scope > div");
    await expect(figures).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      const value = figures.nth(i).locator("dd").first();
      await expect(value).toHaveText(/\S/);
      if (i === 0 && !comparable) await expect(value).toHaveText("–");
      else await expect(value).not.toHaveText("–");
    }

    // A table per active port, in registry order, each with its lanes; San Ysidro has 7.
    const tables = page.getByTestId("dashboard-table");
    await expect(tables).toHaveCount(ACTIVE_PORTS.length);
    expect(await tables.evaluateAll((ts) => ts.map((t) => (t as HTMLElement).dataset.port))).toEqual([...ACTIVE_PORTS]);
    for (const slug of ACTIVE_PORTS) expect(await page.locator(`[data-testid=dashboard-table][data-port="${slug}"] [data-testid=dashboard-lane]`).count(), slug).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=dashboard-table][data-port="san-ysidro"] [data-testid=dashboard-lane]')).toHaveCount(7);

    const lanes = await dashboardLanes(page);
    for (const l of lanes) {
      expect(l.wait, key(l)).toMatch(/^(\d+)?$/);
      expect(["", ...VS], key(l)).toContain(l.vs);
      if (l.vs !== "") expect(l.wait, `${key(l)} is compared without a wait`).not.toBe("");
    }
    const compared = lanes.filter((l) => l.wait !== "" && l.vs !== "");
    expect(compared.length > 0, "rows with a wait and a comparison with typical").toBe(comparable);

    // The comparison is written out in the page's language, next to the wait.
    for (const l of compared.slice(0, 5)) {
      const row = page.locator(`[data-testid=dashboard-lane][data-crossing="${l.crossing}"][data-mode="${l.mode}"][data-type="${l.type}"]`);
      await expect(row.locator("[data-vs]")).toContainText(msg(locale, `Dashboard.vs.${l.vs}`));
      await expect(row.locator("td").first()).toContainText(l.wait === "0" ? msg(locale, "Waits.noWait") : `${l.wait} min`);
    }
  });

  test(`dashboard (${locale}): the CSV and JSON downloads hold the numbers shown`, async ({ page }) => {
    await page.goto(`/${locale}/dashboard`);
    const csvUrl = await hrefOf(page, "download-csv");
    const jsonUrl = await hrefOf(page, "download-json");
    expect(new URL(csvUrl).pathname + new URL(csvUrl).search).toBe("/api/v1/dashboard?format=csv");
    expect(new URL(jsonUrl).pathname).toBe("/api/v1/dashboard");

    const csvRes = await page.request.get(csvUrl);
    expect(csvRes.status()).toBe(200);
    expect(csvRes.headers()["content-type"]).toMatch(/^text\/csv\b/);
    expect(csvRes.headers()["content-disposition"]).toMatch(/^attachment;\s*filename="[^"/\\]+\.csv"$/);
    const jsonRes = await page.request.get(jsonUrl);
    expect(jsonRes.status()).toBe(200);
    expect(jsonRes.headers()["content-type"]).toMatch(/^application\/json\b/);

    // A new CBP reading between loading the page and the downloads (the replay moves on each
    // hour) is the only reason to look again; a real mismatch stays a mismatch.
    let lanes: PageLane[] = [];
    await expect(async () => {
      if (lanes.length > 0) await page.reload();
      lanes = await dashboardLanes(page);
      expect(lanes.length).toBeGreaterThan(0);

      const records = csvRecords(await (await page.request.get(csvUrl)).text());
      for (const column of ["port", "crossing", "crossing_name", "mode", "lane", "wait_minutes", "vs_typical"]) expect(Object.keys(records[0] ?? {})).toContain(column);
      expect(records).toHaveLength(lanes.length);
      for (const l of lanes) {
        const rows = records.filter((r) => r.crossing === l.crossing && r.mode === l.mode && r.lane === l.type);
        expect(rows, `CSV rows for ${key(l)}`).toHaveLength(1);
        expect({ wait: rows[0]!.wait_minutes, vs: rows[0]!.vs_typical }, key(l)).toEqual({ wait: l.wait, vs: l.vs });
      }

      const json = (await (await page.request.get(jsonUrl)).json()) as { data: { ports: { slug: string; lanes: JsonLane[] }[] } };
      expect(json.data.ports.map((p) => p.slug)).toEqual([...ACTIVE_PORTS]);
      const jsonLanes = json.data.ports.flatMap((p) => p.lanes.map((l) => ({ slug: p.slug, ...l })));
      expect(jsonLanes).toHaveLength(lanes.length);
      for (const l of lanes) {
        const found = jsonLanes.filter((j) => j.cbpPortNumber === l.crossing && j.mode === l.mode && j.type === l.type);
        expect(found, `JSON lanes for ${key(l)}`).toHaveLength(1);
        expect({ wait: found[0]!.wait === null ? "" : String(found[0]!.wait), vs: found[0]!.vsTypical ?? "" }, key(l)).toEqual({ wait: l.wait, vs: l.vs });
        // The CSV names the crossing in English, quoted when it needs to be.
        expect(records.find((r) => r.crossing === l.crossing && r.mode === l.mode && r.lane === l.type)!.crossing_name).toBe(found[0]!.crossingName.en);
        expect(records.find((r) => r.crossing === l.crossing && r.mode === l.mode && r.lane === l.type)!.port).toBe(found[0]!.slug);
      }
    }).toPass({ timeout: 30_000, intervals: [2_000, 5_000] });

    // Clicking the link downloads the same table as a file (on the phone too).
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^border-status-\d{8}-\d{4}\.csv$/);
    const saved = csvRecords(await readFile(await download.path(), "utf8"));
    expect(saved.map((r) => `${r.crossing}/${r.mode}/${r.lane}`)).toEqual(lanes.map(key));
  });

  test(`dashboard (${locale}): charts with table alternatives, a port chooser and a lane chooser`, async ({ page }) => {
    await page.goto(`/${locale}/dashboard`);
    const charts = page.locator('section[aria-labelledby="charts-heading"]');
    const ports = charts.getByRole("navigation", { name: msg(locale, "Dashboard.chartsPortNav") });
    const lanes = charts.getByRole("navigation", { name: msg(locale, "Dashboard.chartsLaneNav") });
    await expect(ports.getByRole("link")).toHaveCount(ACTIVE_PORTS.length);
    await expect(ports.locator("[aria-current=page]")).toHaveCount(1);
    await expect(ports.locator("[aria-current=page]")).toHaveAttribute("href", /[?&]port=san-ysidro(&|#|$)/);
    // San Ysidro has 7 lanes; the first is shown.
    await expect(lanes.getByRole("link")).toHaveCount(7);
    await expect(lanes.locator("[aria-current=page]")).toHaveCount(1);
    await expect(lanes.getByRole("link").first()).toHaveAttribute("aria-current", "page");

    const block = charts.getByTestId("lane-charts");
    await expect(block).toHaveCount(1);
    const figures = block.getByTestId("wait-chart");
    await expect(figures).toHaveCount(2);
    for (const [i, [title, rows]] of ([["Dashboard.chart24h", 24], ["Dashboard.chart7d", 168]] as const).entries()) {
      const figure = figures.nth(i);
      const svg = figure.locator("svg[role=img]");
      await expect(svg).toBeVisible();
      await expect(figure.getByRole("img")).toHaveAccessibleName(new RegExp(`^${msg(locale, title).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+\\S`));
      const table = figure.getByTestId("chart-table");
      await expect(table).toBeHidden();
      await figure.getByText(msg(locale, "Charts.showTable")).click();
      await expect(table).toBeVisible();
      await expect(table.locator("tbody tr")).toHaveCount(rows);
      // Rows name their day when a chart spans several: the week's first and last rows (the
      // same weekday and hour a week apart) read differently.
      const labels = await table.locator("tbody th").allTextContents();
      expect(labels[0]).not.toBe(labels.at(-1));
      // A reading with no reading either side is a dot, not an invisible one-point line.
      const known = (await table.locator("tbody tr td:first-of-type").allTextContents()).map((c) => c.trim() !== "–");
      const lone = known.filter((k, j) => k && !known[j - 1] && !known[j + 1]).length;
      await expect(figure.getByTestId("lone-wait")).toHaveCount(lone);
    }

    // Another lane of the same port.
    const third = lanes.getByRole("link").nth(2);
    const thirdName = (await third.textContent())!;
    await third.click();
    await expect(page).toHaveURL(/[?&]lane=250401-passenger-sentri/);
    await expect(lanes.getByRole("link").nth(2)).toHaveAttribute("aria-current", "page");
    await expect(block.locator("h3")).toHaveText(thirdName);

    // Another port: its first lane.
    await ports.getByRole("link", { name: "Tecate" }).click();
    await expect(page).toHaveURL(/[?&]port=tecate/);
    await expect(ports.getByRole("link", { name: "Tecate" })).toHaveAttribute("aria-current", "page");
    await expect(ports.locator("[aria-current=page]")).toHaveCount(1);
    await expect(charts.locator("#charts-heading")).toContainText("Tecate");
    await expect(lanes.getByRole("link")).toHaveCount(3);
    await expect(block.locator("h3")).toContainText("Tecate");
    await expect(block.getByTestId("wait-chart")).toHaveCount(2);
  });
}
