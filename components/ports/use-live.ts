"use client";

import useSWR from "swr";

/** Our own API: a failed or odd answer keeps the last data on screen instead of blanking it. */
async function fetchJson<T extends { data: unknown; meta: unknown }>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as T;
  if (!body || typeof body !== "object" || !("data" in body) || !("meta" in body)) throw new Error("unexpected response");
  return body;
}

/**
 * Polls an API v1 URL while the tab is visible (SWR pauses when hidden), starting from the
 * server-rendered snapshot so the first paint needs no request.
 */
export function useLive<T extends { data: unknown; meta: unknown }>(url: string, fallbackData: T, refreshMs: number): T {
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
  return data ?? fallbackData;
}
