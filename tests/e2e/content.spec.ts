import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { parseFeed } from "@rowanmanning/feed-parser";
import { watchCsp } from "./support/csp";
import { resetFake, waitForFreshData } from "./support/fake";

// Guides, the trip planner, the coalition's pages, search, feeds, calendars and what search
// engines read, in both languages, on phone and desktop; axe and CSP at zero on every page.

const LOCALES = ["en", "es"] as const;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectAccessible(page: Page, cspViolations: string[]) {
  // After a client-side navigation Next streams the new <title> in; axe must see the finished page.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  expect(cspViolations, "CSP violations").toEqual([]);
}

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b) as Record<string, unknown>);
}

test.beforeAll(async ({ request }) => {
  await resetFake(request);
  await waitForFreshData(request);
});

for (const locale of LOCALES) {
  test(`${locale}: every guide opens from the list, with its date, sources and no accessibility or CSP problems`, async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto(`/${locale}/guides`);
    await expectAccessible(page, csp);
    const links = page.getByTestId("guide-card").getByRole("link");
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThanOrEqual(7);
    for (const href of hrefs) {
      expect(href).toMatch(new RegExp(`^/${locale}/guides/[a-z0-9-]+$`));
      await page.goto(href);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.getByTestId("verified")).toContainText(locale === "en" ? "Last checked against these sources on" : "Revisado con estas fuentes el");
      expect(await page.getByTestId("sources").getByRole("link").count()).toBeGreaterThan(0);
      // Every table-of-contents link lands on a heading of the page.
      for (const anchor of await page.getByTestId("toc").getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))
        await expect(page.locator(`[id="${decodeURIComponent(anchor.slice(1))}"]`)).toHaveCount(1);
      await expect(page.locator(`link[rel=alternate][hreflang="${locale === "en" ? "es" : "en"}"]`)).toHaveCount(1);
      await expectAccessible(page, csp);
    }
  });
}

test("switching language on a guide leads to the same guide at its address in the other language", async ({ page }) => {
  await page.goto("/en/guides/into-the-us-by-car");
  const es = await page.locator('link[rel=alternate][hreflang="es"]').getAttribute("href");
  expect(es).toMatch(/\/es\/guides\/en-auto-a-estados-unidos$/);
  await page.getByTestId("locale-switch").click();
  await expect(page).toHaveURL(/\/es\/guides\/en-auto-a-estados-unidos$/);
  await expect(page.locator("h1")).toContainText("En auto a Estados Unidos");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});

test("the question-and-answer guide is FAQPage structured data; the others are articles", async ({ page }) => {
  await page.goto("/es/guides/que-declarar");
  const [faq] = await jsonLd(page);
  expect(faq?.["@type"]).toBe("FAQPage");
  const questions = faq?.mainEntity as { name: string; acceptedAnswer: { text: string } }[];
  expect(questions.length).toBeGreaterThan(2);
  for (const q of questions) {
    expect(q.name).toMatch(/^¿.*\?$/);
    expect(q.acceptedAnswer.text.length).toBeGreaterThan(20);
  }
  await page.goto("/en/guides/into-mexico");
  expect((await jsonLd(page))[0]?.["@type"]).toBe("Article");
});

test.describe("trip planner", () => {
  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    for (const locale of LOCALES)
      test(`${locale}: the form gives a checklist, lanes and live waits, at a shareable address`, async ({ page }) => {
        await page.goto(`/${locale}/plan`);
        await expect(page.getByTestId("plan-result")).toHaveCount(0);
        await page.locator('input[name="dir"][value="north"]').check();
        await page.locator('input[name="mode"][value="car"]').check();
        await page.locator('select[name="us"]').selectOption("2");
        await page.locator('input[name="usDocs"][value="passport"]').check();
        await page.locator('select[name="mx"]').selectOption("1");
        await page.locator('input[name="mxDocs"][value="bcc"]').check();
        await page.locator('button[type="submit"]').click();
        await expect(page).toHaveURL(/[?&]dir=north/);
        await expect(page).toHaveURL(/usDocs=passport/);
        const result = page.getByTestId("plan-result");
        await expect(result.locator('[data-need="usAdult"]')).toHaveAttribute("data-status", "ok");
        await expect(result.locator('[data-need="mxNorth"]')).toHaveAttribute("data-status", "ok");
        // A passport book is not a Ready Lane card.
        await expect(result.getByTestId("plan-lanes").locator('[data-type="ready"]')).toHaveAttribute("data-usable", "false");
        await expect(result.getByTestId("plan-lanes").locator('[data-type="standard"]')).toHaveAttribute("data-usable", "true");
        await expect(result.locator('[data-port="san-ysidro"] [data-testid="lane-minutes"]').first()).toBeVisible();
        // The same address opened again (shared) gives the same plan, form filled in.
        const url = page.url();
        await page.goto("about:blank");
        await page.goto(url);
        await expect(page.locator('select[name="us"]')).toHaveValue("2");
        await expect(page.locator('input[name="mxDocs"][value="bcc"]')).toBeChecked();
        await expect(page.getByTestId("plan-result").locator('[data-need="mxNorth"]')).toHaveAttribute("data-status", "ok");
      });
  });

  for (const locale of LOCALES)
    test(`${locale}: with JavaScript the plan follows each change without a submit`, async ({ page }) => {
      const csp = await watchCsp(page);
      await page.goto(`/${locale}/plan?dir=south&mode=car&us=1&usDocs=passport-card`);
      await expect(page.locator("form[data-live=true]")).toHaveCount(1);
      await expect(page.getByTestId("plan-result").locator('[data-need="insurance"]')).toBeVisible();
      await page.locator('select[name="usMinor"]').selectOption("1");
      await expect(page).toHaveURL(/usMinor=1/);
      await expect(page.getByTestId("plan-result").locator('[data-need="passportSouthMinor"]')).toHaveAttribute("data-status", "missing");
      await page.locator('input[name="usMinorDocs"][value="passport"]').check();
      await expect(page.getByTestId("plan-result").locator('[data-need="passportSouthMinor"]')).toHaveAttribute("data-status", "ok");
      await expect(page.getByTestId("plan-summary")).toContainText(locale === "en" ? "every document you need is on your list" : "no falta ningún documento");
      await expectAccessible(page, csp);
    });
});

for (const locale of LOCALES) {
  test(`${locale}: a port page has its hours with dates, directions, programs, guides and Place data`, async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto(`/${locale}/ports/san-ysidro`);
    const hours = page.getByTestId("port-hours");
    expect(await hours.locator("li").count()).toBeGreaterThan(3);
    await expect(hours).toContainText("PedWest");
    await expect(page.getByTestId("directions-google")).toHaveAttribute("href", /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=32\.54/);
    await expect(page.getByTestId("directions-apple")).toHaveAttribute("href", /^https:\/\/maps\.apple\.com\/\?daddr=32\.54/);
    await expect(page.getByTestId("directions-osm")).toHaveAttribute("href", /^https:\/\/www\.openstreetmap\.org\/directions/);
    await expect(page.getByTestId("getting-there").locator("h3")).toHaveCount(3);
    await expect(page.getByTestId("port-programs")).toContainText("SENTRI");
    const place = (await jsonLd(page)).find((d) => d["@type"] === "GovernmentBuilding");
    expect(place?.geo).toMatchObject({ latitude: 32.5423, longitude: -117.0296 });
    await expectAccessible(page, csp);
  });

  test(`${locale}: About, initiatives and announcements read well and pass axe`, async ({ page, request }) => {
    const csp = await watchCsp(page);
    await page.goto(`/${locale}/about`);
    expect((await jsonLd(page))[0]?.["@type"]).toBe("Organization");
    await expectAccessible(page, csp);

    await page.goto(`/${locale}/initiatives`);
    await expect(page.getByTestId("initiative-card")).toHaveCount(3);
    await expectAccessible(page, csp);
    for (const href of await page.getByTestId("initiative-card").getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      await page.goto(href);
      for (const part of ["problem", "solution", "enablers", "timeline"]) await expect(page.getByTestId(`initiative-${part}`)).toBeVisible();
      const dates = await page.getByTestId("initiative-timeline").locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")!));
      expect(dates.length).toBeGreaterThan(2);
      expect([...dates].sort()).toEqual(dates);
      await expectAccessible(page, csp);
    }

    await page.goto(`/${locale}/announcements`);
    expect(await page.getByTestId("announcement").count()).toBeGreaterThan(0);
    await expectAccessible(page, csp);
    for (const format of ["rss", "atom"] as const) {
      const res = await request.get(`/${locale}/announcements/feed.${format}`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe(`application/${format}+xml; charset=utf-8`);
      const xml = await res.text();
      const feed = parseFeed(xml);
      expect(feed.meta.type).toBe(format);
      if (format === "rss") expect(xml).toContain(`<language>${locale}</language>`);
      // Feed readers have no base URL: links inside the entries must be absolute.
      expect(xml).not.toMatch(/href=(&quot;|"|&#34;)\//);
      expect(feed.items.length).toBe(await page.getByTestId("announcement").count());
      for (const item of feed.items) expect(item.url).toMatch(new RegExp(`/${locale}/announcements#`));
    }
  });

  test(`${locale}: meetings, upcoming and past, each with an .ics that calendars can read, and a calendar to subscribe to`, async ({ page, request }) => {
    const csp = await watchCsp(page);
    await page.goto(`/${locale}/meetings`);
    const upcoming = page.getByTestId("upcoming").getByTestId("meeting");
    const past = page.getByTestId("past").getByTestId("meeting");
    // The seeded schedule ends in 2027: later, every meeting is past, and the test must still hold.
    expect((await upcoming.count()) + (await past.count())).toBeGreaterThan(0);
    await expectAccessible(page, csp);
    const events = (await jsonLd(page))[0]?.["@graph"] as { "@type": string; name: string; endDate: string }[];
    expect(events.every((e) => e["@type"] === "Event")).toBe(true);
    const endOf = (title: string | null) => Date.parse(events.find((e) => e.name === title)!.endDate);
    for (const title of await upcoming.locator("h3").allTextContents()) expect(endOf(title)).toBeGreaterThanOrEqual(Date.now() - 60_000);
    for (const title of await past.locator("h3").allTextContents()) expect(endOf(title)).toBeLessThan(Date.now() + 60_000);

    // Download a meeting's file the way a reader would.
    const meeting = (await upcoming.count()) ? upcoming.first() : past.first();
    const [download] = await Promise.all([page.waitForEvent("download"), meeting.getByTestId("meeting-ics").click()]);
    const path = await download.path();
    const text = await (await import("node:fs/promises")).readFile(path, "utf8");
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(1);
    const title = await meeting.locator("h3").textContent();
    expect(vevents[0]!.summary).toBe(title);
    expect(vevents[0]!.endDate.toJSDate().getTime()).toBe(endOf(title));

    const href = await page.getByTestId("calendar-feed").getAttribute("href");
    const res = await request.get(href!);
    expect(res.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const all = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents("vevent");
    expect(all.length).toBe((await upcoming.count()) + (await past.count()));
    expect((await request.get(`/${locale}/meetings/no-such-meeting.ics`)).status()).toBe(404);
  });

  test(`${locale}: search finds words with and without accents and capitals`, async ({ page }) => {
    const csp = await watchCsp(page);
    const titles = async (q: string) => {
      await page.goto(`/${locale}/search?q=${encodeURIComponent(q)}`);
      // Results in the page's language only (not the other language's, listed apart).
      return page.locator('[data-testid="search-results"] > ul > [data-testid="search-hit"]').getByRole("link").allTextContents();
    };
    const [plain, accented, upper] = locale === "es" ? ["garita", "garitá", "GARITA"] : ["mexico", "México", "MEXICO"];
    const found = await titles(plain);
    expect(found.length).toBeGreaterThan(0);
    expect(await titles(accented)).toEqual(found);
    expect(await titles(upper)).toEqual(found);
    await expect(page.getByTestId("search-hit").locator("mark").first()).toBeVisible();
    await expectAccessible(page, csp);
    if (locale === "es") expect(await titles("aduana")).toContain("Cómo entrar a México por tierra");
    // A Spanish word on the English site is found in the Spanish pages.
    if (locale === "en") {
      expect(await titles("viajero")).toEqual([]);
      await expect(page.getByTestId("other-language-results").getByTestId("search-hit").first()).toBeVisible();
    }
    // The search box works from the header's Search link, without typing a URL.
    await page.goto(`/${locale}/guides`);
    await page.locator("header nav").getByRole("link", { name: locale === "en" ? "Search" : "Buscar" }).click();
    await page.getByRole("searchbox").fill("SENTRI");
    await page.getByRole("searchbox").press("Enter");
    await expect(page.getByTestId("search-hit").first()).toBeVisible();
  });
}

test("sitemap.xml lists every page in both languages with alternates; robots.txt points to it", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const path of ["/en/guides/into-the-us-by-car", "/es/guides/en-auto-a-estados-unidos", "/es/initiatives/garita-otay-mesa-este", "/en/meetings", "/es/plan", "/en/ports/tecate"])
    expect(sitemap).toContain(`${path}</loc>`);
  expect(sitemap).toContain('hreflang="es"');
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
  expect(robots).toContain("Disallow: /api/");
});

test("shared links get an Open Graph image of the page, in its language", async ({ page, request }) => {
  for (const [url, alt] of [
    ["/en/guides/into-mexico", /Entering Mexico by land, on Smart Border/],
    ["/es/initiatives/garita-otay-mesa-este", /, en Smart Border Tijuana–San Diego$/],
    ["/es/ports/tecate", /^Tecate, en Smart Border/],
    ["/en/meetings", /live border wait times/],
  ] as const) {
    await page.goto(url);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute("content", alt);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
    const res = await request.get(new URL(image!).pathname + new URL(image!).search);
    expect(res.status(), image!).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    const png = await res.body();
    // PNG signature, then IHDR width and height.
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }
});
