/**
 * Seeds the content and starts the CBP poller with the server (Node runtime only), and logs
 * request errors.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Content first, and fatal: a server whose content files are missing or invalid would answer
    // every guide and coalition page with an error, so it had better not start at all.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { contentDb } = await import("@/lib/content/read");
      try {
        contentDb();
      } catch (error) {
        const { log } = await import("@/lib/log");
        log.error("content.seed_failed", { message: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      }
    }
    const { startServerPoller } = await import("@/lib/waits/runtime");
    startServerPoller();
  }
}

export async function onRequestError(error: unknown, request: { path: string; method: string }) {
  const { log } = await import("@/lib/log");
  log.error("request.error", { path: request.path, method: request.method, message: error instanceof Error ? error.message : String(error) });
}
