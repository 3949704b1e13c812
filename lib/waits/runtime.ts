/**
 * Wires the poller to the environment and the database. The server starts it from
 * instrumentation.ts; `npm run poll` runs it once.
 */
import "server-only";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { startForecastRefresher } from "@/lib/history/refresh";
import { Poller } from "@/lib/waits/poller";

const KEY = Symbol.for("smart-border.poller");
type Holder = { [KEY]?: Poller };

export function createPoller(): Poller {
  const e = env();
  return new Poller({
    db: getDb(),
    feedUrl: e.CBP_FEED_URL,
    intervalMs: e.CBP_POLL_SECONDS * 1000,
    staleAfterMs: e.CBP_STALE_SECONDS * 1000,
    timeoutMs: e.CBP_TIMEOUT_MS,
    maxBytes: e.CBP_MAX_BYTES,
    breakerHalfOpenMs: e.CBP_BREAKER_SECONDS * 1000,
    // With fast test intervals the retry pause must stay below the interval.
    retryBaseMs: Math.min(1000, e.CBP_POLL_SECONDS * 250),
  });
}

/** Starts the process-wide poller once, however many times it is called. */
export function startServerPoller(): Poller | null {
  if (env().POLLER === "off") return null;
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const poller = createPoller();
    holder[KEY] = poller;
    poller.start();
    // The servers that poll also keep the forecast model fitted (one of them a day: see claimRefit).
    // With POLLER=off, run `npm run forecast:refit` from cron next to `npm run poll`.
    startForecastRefresher(getDb());
    // Release the polling lease on shutdown so another server can take over at once.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => poller.stop());
  }
  return holder[KEY];
}
