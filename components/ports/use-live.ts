"use client";

import { useEffect } from "react";
import useSWR from "swr";
import { useConnectivity } from "@/components/offline/connectivity";
import { SW_CACHE_HEADER } from "@/lib/sw/logic";

/** The request never reached our server (no network, DNS, connection refused). */
class NetworkError extends Error {}

interface Fetched<T> {
  body: T;
  /** The service worker answered from its cache because the network failed: not live. */
  cached: boolean;
}

/** Our own API: a failed or odd answer keeps the last data on screen instead of blanking it. */
async function fetchJson<T>(url: string): Promise<Fetched<T>> {
  const res = await fetch(url, { headers: { accept: "application/json" } }).catch((e: unknown) => {
    throw new NetworkError(String(e));
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body: unknown = await res.json();
  if (!body || typeof body !== "object" || !("data" in body) || !("meta" in body)) throw new Error("unexpected response");
  return { body: body as T, cached: res.headers.has(SW_CACHE_HEADER) };
}

/** A page shown this long after the server rendered it came from a cache: refresh at once. */
const OLD_PAGE_MS = 30_000;

/**
 * Polls an API v1 URL while the tab is visible (SWR pauses when hidden), starting from the
 * server-rendered snapshot so the first paint needs no request. Tells the offline notice when the
 * data it shows was received and whether the last refresh failed for lack of network.
 */
export function useLive<T extends { data: unknown; meta: { fetchedAt: string | null } }>(url: string, fallbackData: T, refreshMs: number): T {
  const { setLive, renderedAt } = useConnectivity();
  const { data, error, mutate } = useSWR<Fetched<T>>(url, fetchJson, {
    fallbackData: { body: fallbackData, cached: false },
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
  const shown = !data || newer(fallbackData.meta.fetchedAt, data.body.meta.fetchedAt) ? fallbackData : data.body;
  const failed = error instanceof NetworkError || data?.cached === true;
  const fetchedAt = shown.meta.fetchedAt;

  useEffect(() => {
    // A page from the service worker's cache (or restored much later) must not wait a whole
    // poll interval to find out whether it is live.
    if (Date.now() - renderedAt > OLD_PAGE_MS) void mutate();
  }, [mutate, renderedAt]);

  useEffect(() => {
    setLive({ fetchedAt, failed });
  }, [setLive, fetchedAt, failed]);
  useEffect(() => () => setLive(null), [setLive]);

  return shown;
}

function newer(a: string | null, b: string | null): boolean {
  return a !== null && (b === null || Date.parse(a) > Date.parse(b));
}
