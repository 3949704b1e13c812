"use client";

import useSWR from "swr";

/** Our own API: a failed or odd answer keeps the last data on screen instead of blanking it. */
async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body: unknown = await res.json();
  if (!body || typeof body !== "object" || !("data" in body) || !("meta" in body)) throw new Error("unexpected response");
  return body as T;
}

/**
 * Polls an API v1 URL while the tab is visible (SWR pauses when hidden), starting from the
 * server-rendered snapshot so the first paint needs no request.
 */
export function useLive<T extends { data: unknown; meta: { fetchedAt: string | null } }>(url: string, fallbackData: T, refreshMs: number): T {
  const { data } = useSWR<T>(url, fetchJson, {
    fallbackData,
    refreshInterval: refreshMs,
    refreshWhenHidden: false,
    refreshWhenOffline: false,
    revalidateOnFocus: true,
    revalidateOnMount: false,
    keepPreviousData: true,
    dedupingInterval: 2000,
  });
  // After a client-side navigation SWR's cache may hold an older answer than the snapshot this
  // page was just rendered with; show whichever CBP data is newer.
  if (!data || newer(fallbackData.meta.fetchedAt, data.meta.fetchedAt)) return fallbackData;
  return data;
}

function newer(a: string | null, b: string | null): boolean {
  return a !== null && (b === null || Date.parse(a) > Date.parse(b));
}
