#!/usr/bin/env node
// `npm run dev:offline`: the whole site with no internet. A fake CBP upstream replays the recorded
// captures in tests/fixtures/cbp-archive as if they were current, and the site polls it. The same
// captures, moved forward to end today, give the dashboard and forecasts a history to work from.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const fakePort = process.env.FAKE_CBP_PORT ?? "3197";
const dataDir = process.env.DATA_DIR ?? "./data/offline";
// The demo history is redated to end today; kept from an earlier day it would be a second copy.
if (!process.env.DATA_DIR) for (const f of ["smart-border.db", "smart-border.db-wal", "smart-border.db-shm"]) rmSync(path.join(dataDir, f), { force: true });
const imported = spawnSync(
  path.join(root, "node_modules", ".bin", "tsx"),
  ["--conditions=react-server", "lib/cli/history-import.ts", "--redate", "tests/fixtures/cbp-archive"],
  { stdio: "inherit", env: { ...process.env, DATA_DIR: dataDir } },
);
if (imported.status !== 0) process.exit(imported.status ?? 1);
const fake = spawn(
  path.join(root, "node_modules", ".bin", "tsx"),
  ["tests/fake-cbp/server.ts", "--port", fakePort, "--replay-now", "tests/fixtures/cbp-archive"],
  { stdio: "inherit" },
);

const site = spawn(process.execPath, ["lib/cli/start.mjs"], {
  stdio: "inherit",
  env: {
    ...process.env,
    CBP_FEED_URL: `http://127.0.0.1:${fakePort}/xml/bwt.xml`,
    CBP_POLL_SECONDS: process.env.CBP_POLL_SECONDS ?? "60",
    DATA_DIR: dataDir,
  },
});

function stop(code) {
  fake.kill("SIGTERM");
  site.kill("SIGTERM");
  process.exitCode = code;
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
site.on("exit", (code) => stop(code ?? 0));
fake.on("exit", (code) => {
  if (code) stop(code);
});
