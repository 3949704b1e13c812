import { jsonResponse } from "@/lib/api/http";
import type { HealthResponse } from "@/lib/api/v1-schema";
import { FEED_FROZEN_MS } from "@/lib/waits/poller";
import { defaultSource } from "@/lib/waits/read";
import { freshness } from "@/lib/waits/freshness";
import { readFeedGeneratedAt, readPollState } from "@/lib/waits/store";

export const dynamic = "force-dynamic";

/**
 * Process up (always 200 while the server answers) and how old the data is. Monitors should
 * alert on `data.stale` and `data.feedFrozen`, since the site deliberately stays up when CBP is down.
 */
export function GET() {
  const source = defaultSource();
  const s = readPollState(source.db);
  const f = freshness(s.lastSuccessAt, source.now(), source.staleSeconds);
  const feedGeneratedAt = readFeedGeneratedAt(source.db);
  const body: HealthResponse = {
    status: "ok",
    data: {
      ...f,
      staleAfterSeconds: source.staleSeconds,
      // CBP's own timestamp: a feed that is served but no longer regenerated (cbp-feed.md §7.12).
      feedGeneratedAt,
      feedFrozen: feedGeneratedAt !== null && s.lastSuccessAt !== null && s.lastSuccessAt - Date.parse(feedGeneratedAt) > FEED_FROZEN_MS,
    },
    poller: {
      lastAttemptAt: s.lastAttemptAt === null ? null : new Date(s.lastAttemptAt).toISOString(),
      lastErrorCode: s.lastErrorCode,
      consecutiveFailures: s.consecutiveFailures,
      breaker: s.breaker,
    },
  };
  return jsonResponse(JSON.stringify(body), { cacheControl: "no-store" });
}
