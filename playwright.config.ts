import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import type { ProjectServers } from "./tests/e2e/support/project";

// Ports of our own (not 3000/3100): other work may run on this machine.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3137);
export const FAKE_CBP_PORT = Number(process.env.FAKE_CBP_PORT ?? 3187);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
// A fresh database per run, so "numbers equal the fixture" never reads an old run's data. The
// environment carries it to the worker processes, which load this file again.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `smart-border-e2e-${Date.now()}`);
process.env.E2E_DATA_DIR = dataDir;

// The phone project has a site and a fake CBP of its own, so it can run next to the desktop
// project (two workers on two cores) while the resilience tests switch the desktop's upstream.
export const E2E_PHONE_PORT = Number(process.env.E2E_PHONE_PORT ?? 3138);
export const FAKE_CBP_PHONE_PORT = Number(process.env.FAKE_CBP_PHONE_PORT ?? 3188);
const phoneURL = `http://127.0.0.1:${E2E_PHONE_PORT}`;
const phoneDataDir = process.env.E2E_PHONE_DATA_DIR ?? path.join(os.tmpdir(), `smart-border-e2e-phone-${Date.now()}`);
process.env.E2E_PHONE_DATA_DIR = phoneDataDir;

// The history features (dashboard, charts, forecasts, methodology) run against a third pair of
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

/** The production site on its own port, polling its own fake CBP every second, on its own database. */
function siteServer(port: number, fakePort: number, dir: string) {
  return {
    // The production server; `npm run build` runs first (see the test script).
    command: `node lib/cli/serve.mjs`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      CBP_FEED_URL: `http://127.0.0.1:${fakePort}/xml/bwt.xml`,
      // A compressed clock: a 15-minute outage takes seconds here.
      CBP_POLL_SECONDS: "1",
      CBP_STALE_SECONDS: "4",
      CBP_BREAKER_SECONDS: "1",
      CBP_TIMEOUT_MS: "1500",
      DATA_DIR: dir,
      // The rate-limit spec sends X-Forwarded-For to be a client of its own; every other test
      // shares the loopback address under the default limits, as real users would.
      TRUSTED_PROXY_HOPS: "1",
    },
  };
}

function fakeCbp(port: number, extra = "") {
  return {
    command: `node_modules/.bin/tsx tests/fake-cbp/server.ts --port ${port}${extra} --exit-after-minutes 60`,
    url: `http://127.0.0.1:${port}/__control/state`,
    reuseExistingServer: false,
    timeout: 30_000,
  };
}

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two at a time on two cores, never two of one project: each project's tests share its server's
  // state (the fake upstream's mode, alerts staff publish), so they run one after another.
  workers: 2,
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
    {
      name: "desktop",
      workers: 1,
      use: { viewport: { width: 1280, height: 900 } },
      metadata: { fakeCbp: `http://127.0.0.1:${FAKE_CBP_PORT}`, dataDir } satisfies ProjectServers,
      testIgnore: [HISTORY_SPECS],
    },
    {
      name: "phone",
      workers: 1,
      use: { ...devices["Pixel 7"], baseURL: phoneURL, viewport: { width: 390, height: 844 }, launchOptions: chromium },
      metadata: { fakeCbp: `http://127.0.0.1:${FAKE_CBP_PHONE_PORT}`, dataDir: phoneDataDir } satisfies ProjectServers,
      // Upstream failures, the empty-database server, the rate limit, the XSS corpus and the first-admin setup are exercised once, by the desktop project.
      testIgnore: [/resilience\.spec/, /no-data\.spec/, /rate-limit\.spec/, /xss\.spec/, /admin-setup\.spec/, HISTORY_SPECS],
    },
    // The history server is only read, so its two projects may run beside each other.
    {
      name: "history-desktop",
      workers: 1,
      testMatch: HISTORY_SPECS,
      use: { baseURL: historyURL, viewport: { width: 1280, height: 900 } },
      metadata: { fakeCbp: `http://127.0.0.1:${E2E_HISTORY_FAKE_PORT}`, dataDir: historyDataDir } satisfies ProjectServers,
    },
    {
      name: "history-phone",
      workers: 1,
      testMatch: HISTORY_SPECS,
      use: { ...devices["Pixel 7"], baseURL: historyURL, viewport: { width: 390, height: 844 }, launchOptions: chromium },
      metadata: { fakeCbp: `http://127.0.0.1:${E2E_HISTORY_FAKE_PORT}`, dataDir: historyDataDir } satisfies ProjectServers,
    },
  ],
  webServer: [
    fakeCbp(FAKE_CBP_PORT),
    siteServer(E2E_PORT, FAKE_CBP_PORT, dataDir),
    fakeCbp(FAKE_CBP_PHONE_PORT),
    siteServer(E2E_PHONE_PORT, FAKE_CBP_PHONE_PORT, phoneDataDir),
    fakeCbp(E2E_HISTORY_FAKE_PORT, " --replay-now tests/fixtures/cbp-archive"),
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
