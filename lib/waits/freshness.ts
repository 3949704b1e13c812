/**
 * The one staleness rule, shared by the API meta, /api/health and the page banner: data is stale
 * when our last successful poll is older than CBP_STALE_SECONDS (or there never was one).
 */
export interface Freshness {
  hasData: boolean;
  fetchedAt: string | null;
  ageSeconds: number | null;
  stale: boolean;
}

export function freshness(lastSuccessAt: number | null, now: number, staleAfterSeconds: number): Freshness {
  if (lastSuccessAt === null) return { hasData: false, fetchedAt: null, ageSeconds: null, stale: true };
  const ageSeconds = Math.max(0, Math.floor((now - lastSuccessAt) / 1000));
  return { hasData: true, fetchedAt: new Date(lastSuccessAt).toISOString(), ageSeconds, stale: ageSeconds > staleAfterSeconds };
}
