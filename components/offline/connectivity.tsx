"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import useSWR from "swr";
import { fetchHealth } from "@/components/layout/freshness-banner";
import { useOnline } from "@/components/offline/use-online";

/** What a live wait list on the page tells the notice: when its data was received, and whether its last refresh failed. */
export interface LiveReport {
  fetchedAt: string | null;
  failed: boolean;
}

interface Connectivity {
  /** No network according to the browser, or our server did not answer. */
  offline: boolean;
  /** `navigator.onLine`: decides which words the notice uses. */
  online: boolean;
  live: LiveReport | null;
  setLive: (report: LiveReport | null) => void;
  /** When the server rendered this page (ms); a page much older than that came from a cache. */
  renderedAt: number;
}

const ConnectivityContext = createContext<Connectivity | null>(null);

/**
 * Whether the page in front of the reader is live. Three signals, any of which is enough: the
 * browser says it is offline; the health check the freshness banner already makes every poll
 * interval failed (the service worker never answers it from a cache, so it is a true reachability
 * test); or a live wait list's last refresh failed or was answered from the worker's cache.
 */
export function ConnectivityProvider({ renderedAt, children }: { renderedAt: string; children: ReactNode }) {
  const online = useOnline();
  const [live, setLive] = useState<LiveReport | null>(null);
  // Same key as the freshness banner: SWR shares one request and its error state between them.
  const { error } = useSWR("/api/health", fetchHealth, { revalidateOnMount: false, revalidateIfStale: false });
  const value = useMemo<Connectivity>(
    () => ({ offline: !online || Boolean(error) || Boolean(live?.failed), online, live, setLive, renderedAt: Date.parse(renderedAt) }),
    [online, error, live, renderedAt],
  );
  return <ConnectivityContext.Provider value={value}>{children}</ConnectivityContext.Provider>;
}

export function useConnectivity(): Connectivity {
  const c = useContext(ConnectivityContext);
  if (!c) throw new Error("useConnectivity needs a ConnectivityProvider (app/[locale]/layout.tsx)");
  return c;
}
