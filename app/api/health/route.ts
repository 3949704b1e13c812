import { jsonResponse } from "@/lib/api/http";
import { defaultSource } from "@/lib/waits/read";
import { readPollState } from "@/lib/waits/store";

export const dynamic = "force-dynamic";

/**
 * Process up (always 200 while the server answers) and how old the data is. Monitors should
 * alert on `data.stale`, since the site deliberately stays up when CBP is down.
 */
export function GET() {
  const source = defaultSource();
  const s = readPollState(source.db);
  const now = source.now();
  const ageSeconds = s.lastSuccessAt === null ? null : Math.max(0, Math.floor((now - s.lastSuccessAt) / 1000));
  const body = {
    status: "ok",
    data: {
      hasData: s.lastSuccessAt !== null,
      fetchedAt: s.lastSuccessAt === null ? null : new Date(s.lastSuccessAt).toISOString(),
      ageSeconds,
      stale: ageSeconds === null || ageSeconds > source.staleSeconds,
      staleAfterSeconds: source.staleSeconds,
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
