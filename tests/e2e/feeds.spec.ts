import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { resetFake, setFakeFixture, waitForFreshData } from "./support/fake";
import { projectServers } from "./support/project";

// The status test switches the shared fake upstream and both mutate the site's database: in order.
test.describe.configure({ mode: "serial" });

const TYPES = { rss: "application/rss+xml; charset=utf-8", atom: "application/atom+xml; charset=utf-8" } as const;

interface ApiItem {
  id: string;
  kind: "alert" | "status";
  title: { en: string; es: string };
  event?: { type: string; cbpPortNumber: string | null };
}

async function feedAt(request: APIRequestContext, url: string, format: keyof typeof TYPES) {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()["content-type"]).toBe(TYPES[format]);
  expect(res.headers()["set-cookie"], "cacheable by shared caches").toBeUndefined();
  expect(res.headers()["cache-control"]).toContain("stale-if-error");
  const feed = parseFeed(await res.text());
  expect(feed.meta.type).toBe(format);
  return feed;
}

async function apiItems(request: APIRequestContext, query: string): Promise<ApiItem[]> {
  const res = await request.get(`/api/v1/alerts?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: ApiItem[] }).data;
}

test.beforeAll(async ({ request }) => {
  await resetFake(request);
  await waitForFreshData(request);
});

test.afterAll(async ({ request }) => {
  await resetFake(request);
});

for (const [locale, heading, subscribe] of [
  ["en", "San Ysidro: border alerts and status changes", "Follow alerts and status changes for San Ysidro"],
  ["es", "San Ysidro: avisos y cambios en la garita", "Reciba los avisos y cambios de San Ysidro"],
] as const) {
  test(`the ${locale} port page links to its RSS and Atom feeds, which are valid feeds in ${locale}`, async ({ page, request }) => {
    await page.goto(`/${locale}/ports/san-ysidro`);
    await expect(page.getByTestId("feed-links")).toContainText(subscribe);
    for (const format of ["rss", "atom"] as const) {
      const href = `/${locale}/ports/san-ysidro/feed.${format}`;
      await expect(page.locator(`head link[rel=alternate][type="${TYPES[format].split(";")[0]}"]`)).toHaveAttribute("href", new RegExp(`${href}$`));
      await expect(page.getByTestId(`feed-${format}`)).toHaveAttribute("href", href);
      const feed = await feedAt(request, href, format);
      expect(feed.title).toBe(heading);
      expect(feed.url).toMatch(new RegExp(`/${locale}/ports/san-ysidro$`));
    }
    // Following the visible link gives the feed itself.
    const [download] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/feed.atom")), page.getByTestId("feed-atom").click()]);
    expect(download.headers()["content-type"]).toBe(TYPES.atom);
  });
}

test("a crossing that closes at CBP shows up in /api/v1/alerts and the feeds, and so does its reopening", async ({ request }) => {
  const since = new Date(Date.now() - 1000).toISOString();
  // In this capture PedWest (250407) is closed and Tecate's cargo lanes too; in the default one both are open.
  await setFakeFixture(request, path.resolve("tests/fixtures/cbp/bwtnew_2026-08-31T034144Z_otrolado.json"));
  const closedQuery = `port=san-ysidro&kind=status&since=${encodeURIComponent(since)}`;
  await expect.poll(async () => (await apiItems(request, closedQuery)).some((i) => i.event?.type === "crossing_closed" && i.event.cbpPortNumber === "250407"), { timeout: 30_000 }).toBe(true);
  const closed = (await apiItems(request, closedQuery)).find((i) => i.event?.type === "crossing_closed")!;
  expect(closed.title).toEqual({ en: "PedWest / El Chaparral: crossing closed", es: "PedWest / El Chaparral: cruce cerrado" });
  const tecate = await apiItems(request, `port=tecate&kind=status&since=${encodeURIComponent(since)}`);
  expect(tecate.map((i) => i.event?.type)).toContain("lane_closed");

  const es = await feedAt(request, "/es/ports/san-ysidro/feed.atom", "atom");
  const entry = es.items.find((i) => i.id?.endsWith(`:${closed.id}/es`));
  expect(entry?.title).toBe("PedWest / El Chaparral: cruce cerrado");
  const en = await feedAt(request, "/en/feed.rss", "rss");
  expect(en.items.find((i) => i.id?.endsWith(`:${closed.id}/en`))?.title).toBe("PedWest / El Chaparral: crossing closed");

  await resetFake(request);
  await expect.poll(async () => (await apiItems(request, closedQuery)).some((i) => i.event?.type === "crossing_reopened"), { timeout: 30_000 }).toBe(true);
  await waitForFreshData(request);
});

test("an alert published with npm run alert:add appears in /api/v1/alerts and in both languages' feeds", async ({ request }) => {
  const stamp = Date.now();
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "lib/cli/alert-add.ts", "--title-en", `Two lanes closed ${stamp}`, "--title-es", `Dos carriles cerrados ${stamp}`, "--body-en", "Road work.", "--body-es", "Obras en la vialidad.", "--severity", "warning", "--ports", "otay-mesa"], {
    env: { ...process.env, DATA_DIR: projectServers().dataDir },
    stdio: "pipe",
  });
  const alert = (await apiItems(request, "port=otay-mesa&kind=alert")).find((i) => i.title.en === `Two lanes closed ${stamp}`);
  expect(alert?.title.es).toBe(`Dos carriles cerrados ${stamp}`);
  expect((await apiItems(request, "port=tecate&kind=alert")).some((i) => i.id === alert!.id)).toBe(false);
  const es = await feedAt(request, "/es/ports/otay-mesa/feed.rss", "rss");
  // Found by title, not position: a status change detected by a concurrent poll may be newer.
  expect(es.items.map((i) => i.title)).toContain(`Advertencia: Dos carriles cerrados ${stamp}`);
  const en = await feedAt(request, "/en/ports/otay-mesa/feed.atom", "atom");
  expect(en.items.map((i) => i.title)).toContain(`Warning: Two lanes closed ${stamp}`);
});
