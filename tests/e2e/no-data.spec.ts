import { expect, test } from "@playwright/test";
import { startOwnServer } from "./support/own-server";

// A second server with an empty database and an upstream that refuses connections:
// before any data ever arrived, pages say so (200) and the API answers 503.
const PORT = Number(process.env.E2E_NODATA_PORT ?? 3147);
let server: { stop: () => void } | undefined;

test.beforeAll(async () => {
  server = await startOwnServer(PORT, { CBP_POLL_SECONDS: "1", CBP_TIMEOUT_MS: "500" });
});

test.afterAll(() => {
  server?.stop();
});

test("with no data yet, pages are 200 and say so; the API is 503", async ({ page, request }) => {
  for (const [url, text] of [
    [`http://127.0.0.1:${PORT}/en`, "No wait times yet"],
    [`http://127.0.0.1:${PORT}/es/ports/tecate`, "Todavía no hay tiempos de espera"],
  ] as const) {
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("no-data-banner")).toContainText(text);
    await expect(page.getByTestId("lane-minutes")).toHaveCount(0);
  }
  const api = await request.get(`http://127.0.0.1:${PORT}/api/v1/ports`);
  expect(api.status()).toBe(503);
  expect(api.headers()["retry-after"]).toBeTruthy();
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  const one = await request.get(`http://127.0.0.1:${PORT}/api/v1/ports/tecate`);
  expect(one.status()).toBe(503);
});
