#!/usr/bin/env node
// `npm run build`: the service worker (lib/sw/sw.ts → public/sw.js, generated, not committed),
// the Next.js build, then the production server's API fast path compiled from
// lib/server/fast-api.ts (the same TypeScript handlers Next uses) into .next/fast-api.mjs.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// Before `next build`, so public/ already holds it when Next lists the public files. A plain file
// under public/ is served the same way by `npm start` and `next dev` (where the page does not
// register it: see components/offline/service-worker.tsx).
await build({
  entryPoints: [path.join(root, "lib/sw/sw.ts")],
  outfile: path.join(root, "public/sw.js"),
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2020",
  minify: true,
  tsconfig: path.join(root, "tsconfig.json"),
  // serwist reads it to drop its development logging.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  logLevel: "warning",
});
console.log("✓ Compiled the service worker to public/sw.js");
const nextBuild = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env });
if (nextBuild.status !== 0) process.exit(nextBuild.status ?? 1);

await build({
  entryPoints: [path.join(root, "lib/server/fast-api.ts")],
  outfile: path.join(root, ".next/fast-api.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: path.join(root, "tsconfig.json"),
  // Native addon: loaded from node_modules at run time, like Next does.
  external: ["better-sqlite3"],
  // `server-only` guards against client bundles; this bundle is server code by construction.
  alias: { "server-only": fileURLToPath(new URL("./empty-module.mjs", import.meta.url)) },
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: "warning",
});
console.log("✓ Compiled the API fast path to .next/fast-api.mjs");
