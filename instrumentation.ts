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
  const message = error instanceof Error ? error.message : String(error);
  console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", event: "request.error", path: request.path, method: request.method, message }));
}
