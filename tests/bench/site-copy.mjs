// A private copy of the site for the benchmark scripts (lighthouse-offline.mjs, observatory.mjs), so
// a rebuild in the project during a run cannot swap chunks under the pages being measured.
import { cpSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/** What the server reads besides `.next`: serve.mjs itself, the content it seeds from at start, and the config files. */
export const SITE_FILES = ["app", "components", "content", "lib", "messages", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "next-env.d.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

/** The build's identity in `root`, or null while there is no complete build (none yet, or one in progress). */
export function buildSignature(root) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const fastApi = path.join(root, ".next", "fast-api.mjs");
  if (!existsSync(buildId) || !existsSync(fastApi)) return null;
  const built = statSync(buildId).mtimeMs;
  // lib/cli/build.mjs writes fast-api.mjs after `next build` has written BUILD_ID.
  if (statSync(fastApi).mtimeMs < built || Date.now() - built < 5_000) return null;
  return `${readFileSync(buildId, "utf8").trim()} of ${new Date(built).toISOString()}`;
}

/**
 * Copies `root`'s `.next` (without its caches) into `dir`, retried while a build is writing it
 * (up to 30 attempts 10 s apart). Returns the signature of the build copied.
 */
export async function copySettledBuild(root, dir) {
  for (let attempt = 1; attempt <= 30; attempt++) {
    const before = buildSignature(root);
    if (before) {
      try {
        cpSync(path.join(root, ".next"), path.join(dir, ".next"), {
          recursive: true,
          verbatimSymlinks: true,
          filter: (src) => !["cache", "dev"].some((skip) => src === path.join(root, ".next", skip)),
        });
        if (buildSignature(root) === before) return before;
      } catch {
        /* files vanished mid-copy: a build started */
      }
      rmSync(path.join(dir, ".next"), { recursive: true, force: true });
    }
    console.log(`Waiting for the build in .next to settle (attempt ${attempt})…`);
    await new Promise((r) => setTimeout(r, 10_000));
  }
  throw new Error("No complete production build in .next: run `npm run build` (or wait for the running build) and retry.");
}
