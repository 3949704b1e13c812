#!/usr/bin/env node
// `node tests/bench/lighthouse-offline.mjs [--shared-build] [page ...]`: Lighthouse
// (tests/bench/lighthouse.mjs) against the production site serving the offline data exactly as
// `npm run dev:offline` sets it up (redated history import of tests/fixtures/cbp-archive, a fake CBP
// replaying it, the site polling the fake), on the benchmark's own ports: PORT (default 3159),
// FAKE_CBP_PORT (default 3199), and a fresh temporary DATA_DIR.
//
// The site runs from a private temporary folder, so nobody else's `.next` is replaced and a rebuild
// by someone else during the run cannot swap chunks under the pages being measured:
//  - by default it builds the current working tree there (`lib/cli/build.mjs`, ~15 s; sources
//    copied, node_modules hard-linked, as Turbopack will not follow a node_modules symlink);
//  - with --shared-build it serves a copy of the existing `.next` instead (taken while no build is
//    writing it), for measuring exactly the build others are testing.
// Stops only the processes it started and removes its temporary folders.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { copySettledBuild, SITE_FILES } from "./site-copy.mjs";

const root = process.cwd();
const port = process.env.PORT ?? "3159";
const fakePort = process.env.FAKE_CBP_PORT ?? "3199";
const args = process.argv.slice(2);
const sharedBuild = args.includes("--shared-build");
const pages = args.filter((a) => !a.startsWith("--"));
const dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "smart-border-lighthouse-"));
const ownDataDir = !process.env.DATA_DIR;
const tsx = path.join(root, "node_modules", ".bin", "tsx");
// What the site needs to build and run (lib/cli/start.mjs's SOURCES, the content it seeds from, and the build's config files).
/** A copy of the shared .next (without its caches) next to links to everything else; waits while a build runs. */
async function copySharedBuild() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "smart-border-site-"));
  try {
    const build = await copySettledBuild(root, dir);
    for (const name of readdirSync(root)) {
      if (![".next", "data", "test-results"].includes(name)) symlinkSync(path.join(root, name), path.join(dir, name));
    }
    return { dir, build: `shared build ${build}, copied` };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The working tree's sources built in a private folder. */
function privateBuild() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "smart-border-site-"));
  for (const name of SITE_FILES) {
    if (existsSync(path.join(root, name))) cpSync(path.join(root, name), path.join(dir, name), { recursive: true, verbatimSymlinks: true });
  }
  // Hard links: no copy of the bytes, and removing the folder later only drops the extra links.
  const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")], { stdio: "inherit" });
  if (linked.status !== 0) throw new Error("could not link node_modules into the private build folder");
  const started = Date.now();
  const built = spawnSync(process.execPath, [path.join(dir, "lib/cli/build.mjs")], { cwd: dir, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) {
    console.error(built.stdout, built.stderr);
    rmSync(dir, { recursive: true, force: true });
    throw new Error("the private build failed (a source file mid-edit?); retry");
  }
  const id = readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8").trim();
  return { dir, build: `private build ${id} of the working tree at ${new Date(started).toISOString()} (${Math.round((Date.now() - started) / 1000)} s)` };
}

const imported = spawnSync(tsx, ["--conditions=react-server", "lib/cli/history-import.ts", "--redate", "tests/fixtures/cbp-archive"], {
  stdio: "inherit",
  env: { ...process.env, DATA_DIR: dataDir },
});
if (imported.status !== 0) {
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(imported.status ?? 1);
}

let site0;
try {
  site0 = sharedBuild ? await copySharedBuild() : privateBuild();
} catch (error) {
  console.error(String(error?.message ?? error));
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}
const siteDir = site0.dir;
console.log(`${site0.build}; served from ${siteDir}; site on :${port}, fake CBP on :${fakePort}, DATA_DIR ${dataDir}`);

const children = [];
const fake = spawn(tsx, ["tests/fake-cbp/server.ts", "--port", fakePort, "--replay-now", "tests/fixtures/cbp-archive"], { stdio: ["ignore", "ignore", "inherit"] });
children.push(fake);
const site = spawn(process.execPath, [path.join(siteDir, "lib/cli/serve.mjs")], {
  cwd: siteDir,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    CBP_FEED_URL: `http://127.0.0.1:${fakePort}/xml/bwt.xml`,
    CBP_POLL_SECONDS: process.env.CBP_POLL_SECONDS ?? "60",
    DATA_DIR: dataDir,
    SITE_URL: process.env.SITE_URL ?? `http://127.0.0.1:${port}`,
  },
});
children.push(site);

function stopAll() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopAll();
    rmSync(siteDir, { recursive: true, force: true });
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  });
}

const base = `http://127.0.0.1:${port}`;
let status = 1;
try {
  // Ready once the first poll of the fake has landed, so pages show live waits as in dev:offline.
  const end = Date.now() + 90_000;
  for (;;) {
    if (site.exitCode !== null) throw new Error(`the site exited with code ${site.exitCode}`);
    try {
      const health = await (await fetch(`${base}/api/health`)).json();
      if (health?.poller?.lastAttemptAt && health?.data?.stale === false) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${base}/api/health to report fresh data`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // One request per page first, so Lighthouse measures warm server caches as users would see them.
  for (const locale of ["en", "es"]) for (const p of ["", "/dashboard", "/methodology"]) await (await fetch(`${base}/${locale}${p}`)).text();
  const lh = spawnSync(process.execPath, ["tests/bench/lighthouse.mjs", base, ...pages], { stdio: "inherit" });
  status = lh.status ?? 1;
} catch (error) {
  console.error(String(error?.message ?? error));
} finally {
  stopAll();
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  // Only our own folder: the copied sources and build, and links (not what they point to).
  rmSync(siteDir, { recursive: true, force: true });
}
process.exit(status);
