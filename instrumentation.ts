/**
 * Starts the CBP poller with the server (Node runtime only) and logs request errors.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerPoller } = await import("@/lib/waits/runtime");
    startServerPoller();
  }
}

export async function onRequestError(error: unknown, request: { path: string; method: string }) {
  const { log } = await import("@/lib/log");
  log.error("request.error", { path: request.path, method: request.method, message: error instanceof Error ? error.message : String(error) });
}
