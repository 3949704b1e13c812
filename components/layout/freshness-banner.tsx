"use client";

import { useTranslations } from "next-intl";
import useSWR from "swr";
import { useDateTime } from "@/components/ui/use-date-time";
import { SITE_TIME_ZONE } from "@/lib/i18n/routing";

export interface HealthSnapshot {
  hasData: boolean;
  fetchedAt: string | null;
  stale: boolean;
}

export async function fetchHealth(url: string): Promise<HealthSnapshot> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { data?: HealthSnapshot };
  if (!body.data || typeof body.data.stale !== "boolean") throw new Error("unexpected response");
  return body.data;
}

/**
 * The site-wide "data is old / missing" banner. Rendered on the server from the database and kept
 * current on the client, because layouts are not re-rendered on client-side navigation.
 */
export function FreshnessBanner({ initial, refreshMs }: { initial: HealthSnapshot; refreshMs: number }) {
  const t = useTranslations("Freshness");
  const dateTime = useDateTime();
  const { data } = useSWR("/api/health", fetchHealth, {
    fallbackData: initial,
    refreshInterval: refreshMs,
    refreshWhenHidden: false,
    // Layouts outlive client navigations; ask again on each mount so the banner is never behind.
    revalidateOnMount: true,
    keepPreviousData: true,
  });
  const s = data ?? initial;
  if (!s.hasData) {
    return (
      <div role="status" className="border-b-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950" data-testid="no-data-banner">
        <div className="mx-auto max-w-3xl">
          <p className="font-bold">{t("noDataTitle")}</p>
          <p>{t("noDataBody")}</p>
        </div>
      </div>
    );
  }
  if (!s.stale || !s.fetchedAt) return null;
  const fetched = Date.parse(s.fetchedAt);
  const time = dateTime(fetched, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: SITE_TIME_ZONE });
  return (
    <div role="status" className="border-b-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950" data-testid="stale-banner">
      <div className="mx-auto max-w-3xl">
        <p className="font-bold">
          <span aria-hidden="true">⚠ </span>
          {t("staleTitle")}
        </p>
        <p>
          {t("staleBody", { time })}
        </p>
      </div>
    </div>
  );
}
