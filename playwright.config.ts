import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Ports of our own (not 3000/3100): other work may run on this machine.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3137);
export const FAKE_CBP_PORT = Number(process.env.FAKE_CBP_PORT ?? 3187);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
// A fresh database per run, so "numbers equal the fixture" never reads an old run's data.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `smart-border-e2e-${Date.now()}`);
process.env.E2E_DATA_DIR = dataDir;

// The history features (dashboard, charts, forecasts, methodology) run against a second pair of
// servers: a fake CBP replaying the recorded captures re-dated to now, and a site whose fresh
// database first receives seven months of captures moved forward to end now (all of them, so the
// 8-week typical window is full: with two months, some night hours had too few samples to compare).
export const E2E_HISTORY_PORT = Number(process.env.E2E_HISTORY_PORT ?? 3167);
export const E2E_HISTORY_FAKE_PORT = Number(process.env.E2E_HISTORY_FAKE_PORT ?? 3177);
const historyURL = `http://127.0.0.1:${E2E_HISTORY_PORT}`;
const historyDataDir = process.env.E2E_HISTORY_DATA_DIR ?? path.join(os.tmpdir(), `smart-border-e2e-history-${Date.now()}`);
process.env.E2E_HISTORY_DATA_DIR = historyDataDir;
const HISTORY_SPECS = /[\\/]history[\\/][^\\/]+\.spec\.ts$/;

const chromium = {
  // Debian's chromium; Playwright cannot download its own browser here.
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1, // 2 cores, and the resilience tests switch the shared fake upstream
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 900 } }, testIgnore: [HISTORY_SPECS] },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions: chromium },
      // Upstream failures, the empty-database server, the rate limit, the XSS corpus and the first-admin setup are exercised once, by the desktop project.
      testIgnore: [/resilience\.spec/, /no-data\.spec/, /rate-limit\.spec/, /xss\.spec/, /admin-setup\.spec/, HISTORY_SPECS],
    },
    {
      name: "history-desktop",
      testMatch: HISTORY_SPECS,
      use: { baseURL: historyURL, viewport: { width: 1280, height: 900 } },
    },
    {
      name: "history-phone",
      testMatch: HISTORY_SPECS,
      use: { ...devices["Pixel 7"], baseURL: historyURL, viewport: { width: 390, height: 844 }, launchOptions: chromium },
    },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx tests/fake-cbp/server.ts --port ${FAKE_CBP_PORT} --exit-after-minutes 60`,
      url: `http://127.0.0.1:${FAKE_CBP_PORT}/__control/state`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The production server; `npm run build` runs first (see the test script).
      command: `node lib/cli/serve.mjs`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(E2E_PORT),
        CBP_FEED_URL: `http://127.0.0.1:${FAKE_CBP_PORT}/xml/bwt.xml`,
        // A compressed clock: a 15-minute outage takes seconds here.
        CBP_POLL_SECONDS: "1",
        CBP_STALE_SECONDS: "4",
        CBP_BREAKER_SECONDS: "1",
        CBP_TIMEOUT_MS: "1500",
        DATA_DIR: dataDir,
        // The rate-limit spec sends X-Forwarded-For to be a client of its own; every other test
        // shares the loopback address under the default limits, as real users would.
        TRUSTED_PROXY_HOPS: "1",
      },
    },
    {
      command: `node_modules/.bin/tsx tests/fake-cbp/server.ts --port ${E2E_HISTORY_FAKE_PORT} --replay-now tests/fixtures/cbp-archive --exit-after-minutes 60`,
      url: `http://127.0.0.1:${E2E_HISTORY_FAKE_PORT}/__control/state`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Import the re-dated history into the fresh database, then serve; the server refits the
      // forecast and measures its recent accuracy about 2 s after it starts (lib/history/refresh.ts).
      command:
        "node_modules/.bin/tsx --conditions=react-server lib/cli/history-import.ts --redate tests/fixtures/cbp-archive tests/fixtures/cbp-archive-more && node lib/cli/serve.mjs",
      url: `${historyURL}/api/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(E2E_HISTORY_PORT),
        CBP_FEED_URL: `http://127.0.0.1:${E2E_HISTORY_FAKE_PORT}/xml/bwt.xml`,
        CBP_POLL_SECONDS: "5",
        DATA_DIR: historyDataDir,
      },
    },
  ],
});
