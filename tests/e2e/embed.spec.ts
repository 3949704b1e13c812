/**
 * The embeddable widget as partners use it: framed by a page on another origin. Also that no other
 * page can be framed, and the developers page's snippet builder with and without JavaScript.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Frame, type Page } from "@playwright/test";
import { watchCsp } from "./support/csp";
import { resetFake, waitForFreshData } from "./support/fake";
import { siteUrl } from "./support/project";

/** The project's site, and the "partner" page's own server: a different port is a different origin. */
let SITE = "";
let HOST = "";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface ApiLane {
  type: string;
  status: "open" | "closed" | "pending";
  delayMinutes: number | null;
  lanesOpen: number | null;
  maxLanes: number | null;
}
interface ApiPortBody {
  data: { crossings: { cbpPortNumber: string; lanes: ApiLane[] }[] };
}

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

let server: http.Server;

test.beforeAll(async ({ request }) => {
  await resetFake(request);
  await waitForFreshData(request);
  SITE = siteUrl();
  server = http.createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://partner.invalid").searchParams.get("src") ?? "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head>` +
        `<body><main><h1>Partner page</h1><iframe src="${attr(src)}" width="300" height="250" title="Border wait times" style="border:0"></iframe></main></body></html>`,
    );
  });
  // Any free port: the desktop and phone projects may run this file at the same time.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  HOST = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});


async function framePartner(page: Page, src: string): Promise<void> {
  await page.goto(`${HOST}/?src=${encodeURIComponent(src)}`);
}

function embedFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(`${SITE}/embed/`));
  if (!frame) throw new Error("widget frame not found");
  return frame;
}

for (const lang of ["es", "en"] as const) {
  test(`another origin frames the widget (${lang}): same numbers as the API, link back, fits 300×250, accessible`, async ({ page, request }, info) => {
    const csp = await watchCsp(page);
    await framePartner(page, `${SITE}/embed/san-ysidro?lang=${lang}&mode=pedestrian`);
    const frame = page.frameLocator("iframe");
    await expect(frame.locator("h1")).toHaveText(lang === "es" ? "San Ysidro · Cruce peatonal" : "San Ysidro · Pedestrians");
    const f = embedFrame(page);
    expect(await f.evaluate(() => document.documentElement.lang)).toBe(lang);

    const api = (await (await request.get("/api/v1/ports/san-ysidro?mode=pedestrian")).json()) as ApiPortBody;
    let lanes = 0;
    for (const c of api.data.crossings) {
      for (const l of c.lanes) {
        lanes += 1;
        const row = frame.locator(`tbody[data-crossing="${c.cbpPortNumber}"] tr[data-type="${l.type}"]`);
        await expect(row).toHaveAttribute("data-status", l.status);
        if (l.status !== "open") continue;
        await expect(row.locator("b")).toHaveAttribute("data-minutes", String(l.delayMinutes));
        await expect(row.locator("b")).toHaveText(l.delayMinutes === 0 ? (lang === "es" ? "Sin espera" : "No wait") : `${l.delayMinutes} min`);
        await expect(row.locator("td.r")).toHaveAttribute("data-open", String(l.lanesOpen));
        await expect(row.locator("td.r")).toHaveText(l.maxLanes === null ? String(l.lanesOpen) : lang === "es" ? `${l.lanesOpen} de ${l.maxLanes}` : `${l.lanesOpen} of ${l.maxLanes}`);
      }
    }
    expect(lanes).toBeGreaterThan(0);
    await expect(frame.locator("tr[data-status]")).toHaveCount(lanes);

    const link = frame.getByRole("link");
    await expect(link).toHaveAttribute("href", `/${lang}/ports/san-ysidro`);
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener");
    expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${SITE}/${lang}/ports/san-ysidro`);

    const size = await f.evaluate(() => {
      const d = document.documentElement;
      return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, scrollHeight: d.scrollHeight, clientHeight: d.clientHeight };
    });
    expect(size.clientWidth).toBe(300);
    expect(size.scrollWidth, "no horizontal scroll").toBeLessThanOrEqual(size.clientWidth);
    expect(size.scrollHeight, "everything visible without scrolling").toBeLessThanOrEqual(250);

    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
    expect(csp, "CSP violations").toEqual([]);
    await page.locator("iframe").screenshot({ path: `test-results/screens/${info.project.name}_embed_san-ysidro_${lang}.png` });
  });
}

test("the widget refreshes itself in place, within its CSP", async ({ page }) => {
  const csp = await watchCsp(page);
  await page.clock.install();
  await framePartner(page, `${SITE}/embed/tecate?lang=en`);
  await expect(page.frameLocator("iframe").locator("h1")).toContainText("Tecate");
  const f = embedFrame(page);
  // What a minute-old copy would look like: the script swaps the body only when the server's differs.
  await f.evaluate(() => {
    const h1 = document.querySelector("h1");
    if (h1) h1.textContent = "Old copy";
  });
  await expect(page.frameLocator("iframe").locator("h1")).toHaveText("Old copy");
  await page.clock.runFor(61_000);
  await expect(page.frameLocator("iframe").locator("h1")).toContainText("Tecate");
  expect(csp, "CSP violations").toEqual([]);
});

test("when a refresh fails, the widget says it is not updating instead of passing for live", async ({ page }) => {
  await page.clock.install();
  await framePartner(page, `${SITE}/embed/tecate?lang=es`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("h1")).toContainText("Tecate");
  await expect(frame.locator("#x")).toBeHidden();
  await page.route("**/embed/tecate**", (route) => route.abort("internetdisconnected"));
  await page.clock.runFor(61_000);
  await expect(frame.locator("#x")).toBeVisible();
  await expect(frame.locator("#x")).toContainText("No se está actualizando");
  // Back online: the next refresh brings a fresh body, the warning hidden again.
  await page.unroute("**/embed/tecate**");
  await page.clock.runFor(61_000);
  await expect(frame.locator("#x")).toBeHidden();
});

test("the planned port says so, and its widget is accessible", async ({ page }) => {
  await framePartner(page, `${SITE}/embed/otay-mesa-east?lang=es`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("[data-planned]")).toHaveText("En proyecto");
  await expect(frame.locator("table")).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("ordinary pages cannot be framed by another origin", async ({ page, request }) => {
  const res = await request.get("/en");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/frame-ancestors/.test(m.text())) refused.push(m.text());
  });
  await framePartner(page, `${SITE}/en`);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  // The frame holds the browser's error page, none of ours.
  const child = page.frames().find((f) => f !== page.mainFrame());
  expect(child?.url().startsWith(SITE)).toBe(false);
  await expect(page.frameLocator("iframe").locator("header, main h1")).toHaveCount(0);
});

test("the widget's own headers, and the unknown-port 404", async ({ request }) => {
  const ok = await request.get("/embed/san-ysidro?lang=es&mode=pedestrian");
  expect(ok.status()).toBe(200);
  const h = ok.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors *");
  expect(h["content-security-policy"]).not.toContain("unsafe-inline");
  expect(h["x-frame-options"]).toBeUndefined();
  expect(h["cross-origin-resource-policy"]).toBe("cross-origin");
  expect(h["cross-origin-opener-policy"]).toBeUndefined();
  expect(h["x-robots-tag"]).toBe("noindex");
  expect(h["cache-control"]).toBe("public, max-age=30, stale-while-revalidate=60");
  const again = await request.get("/embed/san-ysidro?lang=es&mode=pedestrian", { headers: { "If-None-Match": h["etag"] ?? "" } });
  expect([200, 304]).toContain(again.status()); // 200 only if the minute turned in between

  const missing = await request.get("/embed/nowhere?lang=es");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(missing.headers()["content-security-policy"]).toContain("frame-ancestors *");
  const body = await missing.text();
  expect(body).toContain("Garita no encontrada");
  expect(body).toContain("Port not found");
  expect(Buffer.byteLength(body)).toBeLessThan(4096);

  // Deeper paths are ordinary pages again: localized, not framable.
  const deeper = await request.get("/embed/san-ysidro/x", { maxRedirects: 0 });
  expect(deeper.headers()["x-frame-options"]).toBe("DENY");
});

test.describe("snippet builder", () => {
  test("works without JavaScript: the GET form's choices make the code", async ({ browser }, info) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: info.project.use.viewport ?? undefined });
    const page = await context.newPage();
    await page.goto("/es/developers?port=cross-border-xpress&lang=en&mode=commercial");
    const code = page.getByTestId("snippet-code");
    await expect(code).toContainText(`/embed/cross-border-xpress?lang=en&amp;mode=pedestrian" width="300" height="250" title="Border wait times at Cross Border Xpress" loading="lazy" style="border:0"></iframe>`);
    await expect(page.getByTestId("snippet-mode-fallback")).toBeVisible();
    await expect(page.getByTestId("snippet-copy")).toHaveCount(0);
    await page.getByLabel("Garita", { exact: true }).selectOption("otay-mesa");
    await page.getByLabel("Tipo de cruce", { exact: true }).selectOption("commercial");
    await page.getByRole("button", { name: "Mostrar el código" }).click();
    await expect(page).toHaveURL(/port=otay-mesa&lang=en&mode=commercial/);
    await expect(code).toContainText("/embed/otay-mesa?lang=en&amp;mode=commercial");
    await expect(page.getByTestId("snippet-preview")).toHaveAttribute("src", "/embed/otay-mesa?lang=en&mode=commercial");
    await context.close();
  });

  for (const lang of ["en", "es"] as const) {
    test(`updates live and copies with JavaScript (${lang}); accessible`, async ({ page, context }, info) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: SITE });
      const csp = await watchCsp(page);
      await page.goto(`/${lang}/developers`);
      const code = page.getByTestId("snippet-code");
      await expect(code).toContainText(`/embed/san-ysidro?lang=${lang}&amp;mode=passenger"`);
      await expect(page.getByTestId("snippet-copy")).toBeVisible();
      await page.locator("#snippet-lang").selectOption(lang === "en" ? "es" : "en");
      await page.locator("#snippet-mode").selectOption("pedestrian");
      const other = lang === "en" ? "es" : "en";
      await expect(code).toContainText(`/embed/san-ysidro?lang=${other}&amp;mode=pedestrian"`);
      await expect(page).toHaveURL(new RegExp(`/${lang}/developers$`)); // no reload
      await expect(page.getByTestId("snippet-preview")).toHaveAttribute("src", `/embed/san-ysidro?lang=${other}&mode=pedestrian`);
      await page.getByTestId("snippet-copy").click();
      await expect(page.getByTestId("snippet-copy-status")).toHaveText(lang === "es" ? "Copiado al portapapeles" : "Copied to the clipboard");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.textContent());
      await page.locator("#snippet-port").selectOption("otay-mesa-east");
      await expect(page.getByTestId("snippet-planned")).toBeVisible();
      await expect(code).toContainText(`/embed/otay-mesa-east?lang=${other}"`);
      await page.locator("#snippet-port").selectOption("san-ysidro");
      await expect(page.frameLocator("[data-testid=snippet-preview]").locator("h1")).toContainText("San Ysidro");
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
      expect(csp, "CSP violations").toEqual([]);
      await page.screenshot({ path: `test-results/screens/${info.project.name}_developers_${lang}.png`, fullPage: true });
    });
  }
});
