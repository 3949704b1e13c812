import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";

/**
 * A production server of a spec's own (fresh database, an upstream that refuses connections
 * unless `env` says otherwise), started once the health check answers. Call stop() in afterAll.
 */
export async function startOwnServer(port: number, env: Record<string, string> = {}): Promise<{ stop: () => void }> {
  const server: ChildProcess = spawn(process.execPath, ["lib/cli/serve.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "smart-border-own-")),
      CBP_FEED_URL: "http://127.0.0.1:9/xml/bwt.xml",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: "ignore",
  });
  await expect
    .poll(async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
      } catch {
        return 0;
      }
    }, { timeout: 30_000 })
    .toBe(200);
  return { stop: () => server.kill("SIGTERM") };
}
