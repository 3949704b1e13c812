#!/usr/bin/env node
// `npm start`: builds when there is no build or the sources are newer than it, then runs the
// production server (lib/cli/serve.mjs) on $PORT (default 3107). The poller starts with it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
// public/ is served from disk at start and needs no build (except public/sw.js, built from lib/sw).
const SOURCES = ["app", "components", "lib", "messages", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "package-lock.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), 0);
}

function needsBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(path.join(root, ".next", "fast-api.mjs")) || !existsSync(path.join(root, "public", "sw.js"))) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (needsBuild()) {
  console.log("> Building the site first (no build yet, or sources changed)…");
  const built = spawnSync(process.execPath, [path.join(root, "lib/cli/build.mjs")], { stdio: "inherit", env });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const port = process.env.PORT ?? "3107";
const child = spawn(process.execPath, [path.join(root, "lib/cli/serve.mjs")], { stdio: "inherit", env: { ...env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
