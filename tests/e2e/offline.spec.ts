/**
 * Offline and installable: the manifests and icons, the service worker's saved pages and API
 * answers, and the offline notice that keeps a saved page from passing as live.
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type Messages from "@/messages/en.json";
import { watchCsp } from "./support/csp";
import { resetFake, waitForFreshData } from "./support/fake";

// Read rather than imported: Playwright loads this ESM project's JSON only with import attributes.
const load = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as typeof Messages;
const en = load("en");
const MESSAGES = { en, es: load("es") } as const;

test.beforeAll(async ({ request }) => {
  await resetFake(request);
  await waitForFreshData(request);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}


/** Until the worker controls the page and has saved it (and the language's home page). */
async function waitUntilSaved(page: Page, paths: string[]): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect
    .poll(() => page.evaluate(async (ps) => (await Promise.all(ps.map((p) => caches.match(p, { ignoreVary: true })))).every(Boolean), paths))
    .toBe(true);
}

/** What the reader must see again offline: each lane's wait and the time of each CBP reading. */
async function waitsOnScreen(page: Page) {
  const live = page.getByTestId("live-port");
  return {
    minutes: await live.getByTestId("lane-minutes").evaluateAll((els) => els.map((e) => e.getAttribute("data-minutes"))),
    statuses: await live.getByTestId("lane").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-crossing")}/${e.getAttribute("data-mode")}/${e.getAttribute("data-type")}:${e.getAttribute("data-status")}`)),
    readingTimes: await live.locator("[data-testid=reading-time] time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime"))),
  };
}

const pageNonce = (page: Page) => page.evaluate(() => document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "");

test("the manifests are served, parse, and name the app in each language", async ({ request }) => {
  for (const [path, locale] of [["/manifest.webmanifest", "en"], ["/es/manifest.webmanifest", "es"], ["/en/manifest.webmanifest", "en"]] as const) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/manifest+json; charset=utf-8");
    const m = (await res.json()) as Record<string, unknown> & { icons: { src: string; sizes: string; type: string; purpose?: string }[] };
    expect(m.name).toBe(MESSAGES[locale].Metadata.siteName);
    expect(m.short_name).toBe(MESSAGES[locale].Offline.appShortName);
    expect(m).toMatchObject({ lang: locale, id: `/${locale}`, start_url: `/${locale}`, scope: "/", display: "standalone", theme_color: "#082f49", background_color: "#f8fafc" });
    expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
    for (const icon of m.icons) {
      const img = await request.get(icon.src);
      expect(img.status(), icon.src).toBe(200);
      expect(img.headers()["content-type"]).toBe("image/png");
      const { width, height } = pngSize(await img.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  }
  expect((await request.get("/xx/manifest.webmanifest", { maxRedirects: 0 })).status()).toBe(404);
});

test("each language links its own manifest, an apple-touch-icon and its home-screen title", async ({ page, request }) => {
  for (const locale of ["en", "es"] as const) {
    await page.goto(`/${locale}/ports/san-ysidro`);
    await expect(page.locator("link[rel=manifest]")).toHaveAttribute("href", locale === "en" ? "/manifest.webmanifest" : "/es/manifest.webmanifest");
    await expect(page.locator("meta[name=apple-mobile-web-app-title]")).toHaveAttribute("content", MESSAGES[locale].Offline.appShortName);
    await expect(page.locator("meta[name=theme-color]")).toHaveAttribute("content", "#082f49");
    const touchIcon = await page.locator("link[rel=apple-touch-icon]").getAttribute("href");
    const img = await request.get(touchIcon ?? "");
    expect(img.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await img.body())).toEqual({ width: 180, height: 180 });
  }
  const sw = await request.get("/sw.js");
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toMatch(/javascript/);
  expect(sw.headers()["cache-control"]).toBe("no-cache");
  const csp = (await request.get("/en")).headers()["content-security-policy"] ?? "";
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("manifest-src 'self'");
  expect(csp).not.toContain("'unsafe-inline'");
});

for (const locale of ["en", "es"] as const) {
  const t = MESSAGES[locale].Offline;

  test(`${locale}: a saved port page shows its last waits offline, says so, and goes live again`, async ({ page, context }, info) => {
    const csp = await watchCsp(page);
    const url = `/${locale}/ports/san-ysidro`;
    await page.goto(url);
    await waitUntilSaved(page, [url, `/${locale}`]);
    // A visit through the worker, as every later visit is: the copy it saves is this one.
    await page.reload();
    await expect(page.getByTestId("live-port")).toBeVisible();
    await expect(page.getByTestId("offline-notice")).toHaveCount(0);
    const online = await waitsOnScreen(page);
    expect(online.minutes.length).toBeGreaterThan(0);
    const onlineNonce = await pageNonce(page);

    await context.setOffline(true);
    await page.reload();
    // The same render as the last online visit (each render has its own CSP nonce): the saved copy.
    expect(await pageNonce(page)).toBe(onlineNonce);
    const notice = page.getByTestId("offline-notice");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(t.offlineTitle);
    await expect(notice).toContainText(t.lastWaits.split("{time}")[0] ?? "");
    await expect(page.getByTestId("offline-region")).toHaveAttribute("role", "status");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(await waitsOnScreen(page)).toEqual(online);
    const times = page.getByTestId("live-port").getByTestId("reading-time");
    for (const time of await times.all()) await expect(time).toBeVisible();
    // While offline the page no longer claims to update on its own.
    await expect(page.getByTestId("checked")).not.toContainText(MESSAGES[locale].Freshness.liveNote);

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
    await page.screenshot({ path: `test-results/screens/offline-${info.project.name}-${locale}-san-ysidro.png` });

    await context.setOffline(false);
    await expect(notice).toHaveCount(0);
    await expect(page.getByTestId("checked")).toContainText(MESSAGES[locale].Freshness.liveNote);
    expect(csp, "CSP violations").toEqual([]);
  });

  test(`${locale}: offline, a page never saved leads to the saved home page, or says it is not saved`, async ({ page, context }) => {
    const csp = await watchCsp(page);
    // First visit: the worker saves this page and the home page although it did not serve them.
    await page.goto(`/${locale}/ports/tecate`);
    await waitUntilSaved(page, [`/${locale}/ports/tecate`, `/${locale}`]);
    await context.setOffline(true);

    await page.reload();
    await expect(page.getByTestId("live-port")).toBeVisible();
    await expect(page.getByTestId("offline-notice")).toContainText(t.offlineTitle);

    await page.goto(`/${locale}/ports/otay-mesa`);
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    await expect(page.getByTestId("live-ports")).toBeVisible();
    await expect(page.getByTestId("offline-notice")).toContainText(t.offlineTitle);

    // The other language's home page was never saved: a plain page in both languages says so.
    const other = locale === "en" ? "es" : "en";
    await page.goto(`/${other}/ports/otay-mesa`);
    await expect(page.locator("html")).toHaveAttribute("lang", other);
    await expect(page.locator("h1")).toHaveText(MESSAGES[other].Offline.fallbackTitle);
    await expect(page.locator(`section[lang=${locale}] h2`)).toHaveText(t.fallbackTitle);
    await expect(page.getByRole("link", { name: MESSAGES[other].Offline.fallbackHome })).toHaveAttribute("href", `/${other}`);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    expect(csp, "CSP violations").toEqual([]);
    await context.setOffline(false);
  });
}

test("online but the site unreachable: the notice appears after a failed refresh and leaves with fresh data", async ({ page, context }) => {
  await page.goto("/en/ports/otay-mesa");
  await waitUntilSaved(page, ["/en/ports/otay-mesa"]);
  await expect(page.getByTestId("live-port")).toBeVisible();
  // Requests from the page and from the worker both fail as if the server had gone.
  await context.route("**/api/**", (route) => route.abort("connectionrefused"));
  const notice = page.getByTestId("offline-notice");
  await expect(notice).toContainText(en.Offline.unreachableTitle, { timeout: 30_000 });
  await expect(notice).toHaveAttribute("data-online", "true");
  await context.unroute("**/api/**");
  await expect(notice).toHaveCount(0, { timeout: 30_000 });
});

for (const locale of ["en", "es"] as const) {
  test(`online, a page loaded long after it was rendered (a saved copy) says so and offers a reload (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/ports/tecate`);
    await expect(page.getByTestId("saved-copy-notice")).toHaveCount(0);
    // The browser's clock 10 minutes ahead of the server makes any page look like an old copy:
    // the same arithmetic as a page the worker served from its cache on a slow network.
    await page.clock.install({ time: Date.now() + 10 * 60_000 });
    await page.reload();
    const notice = page.getByTestId("saved-copy-notice");
    await expect(notice).toBeVisible();
    const [before, after] = MESSAGES[locale].Offline.savedCopy.split("{time}");
    await expect(notice).toContainText(before!.trim());
    await expect(notice).toContainText(after!.trim());
    await expect(notice.getByRole("link", { name: MESSAGES[locale].Offline.reload })).toHaveAttribute("href", "");
    await expect(page.getByTestId("offline-notice")).toHaveCount(0);
  });
}
