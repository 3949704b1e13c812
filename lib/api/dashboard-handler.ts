/**
 * GET /api/v1/dashboard: what the dashboard shows, as JSON, or as CSV with `?format=csv`
 * (one row per lane) or `?format=csv&series=week` (the charts' hourly values).
 */
import "server-only";
import { DashboardQuery, type DashboardResponse } from "@/lib/api/dashboard-schema";
import { apiError, jsonResponse, notModified, weakEtag } from "@/lib/api/http";
import { getDb } from "@/lib/db/client";
import { buildDashboard, type Dashboard } from "@/lib/history/dashboard";
import { env } from "@/lib/env";
import type { WaitsSource } from "@/lib/waits/read";

/** RFC 4180: quote a field when it holds a comma, quote or line break. */
function csvField(v: string | number | boolean | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows: (string | number | boolean | null)[][]) => rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";

export const SUMMARY_COLUMNS = [
  "port", "crossing", "crossing_name", "mode", "lane", "status", "wait_minutes", "updated_at", "old_reading",
  "typical_median", "typical_p25", "typical_p75", "vs_typical", "lanes_open", "max_lanes", "trend_6h",
] as const;

export function summaryCsv(d: Dashboard): string {
  const rows: (string | number | boolean | null)[][] = [[...SUMMARY_COLUMNS]];
  for (const p of d.ports) {
    for (const l of p.lanes) {
      rows.push([
        p.slug, l.cbpPortNumber, l.crossingName.en, l.mode, l.type, l.status, l.wait, l.updatedAt, l.old,
        l.typical?.median ?? null, l.typical?.p25 ?? null, l.typical?.p75 ?? null, l.vsTypical, l.lanesOpen, l.maxLanes, l.trend,
      ]);
    }
  }
  return csv(rows);
}

export function weekCsv(d: Dashboard): string {
  const rows: (string | number | boolean | null)[][] = [["port", "crossing", "mode", "lane", "hour", "wait_minutes", "typical_median", "typical_p25", "typical_p75"]];
  for (const p of d.ports) {
    for (const l of p.lanes) {
      for (const h of l.week) rows.push([p.slug, l.cbpPortNumber, l.mode, l.type, h.at, h.wait, h.typical?.median ?? null, h.typical?.p25 ?? null, h.typical?.p75 ?? null]);
    }
  }
  return csv(rows);
}

export function handleDashboard(request: Request, source?: WaitsSource): Response {
  const url = new URL(request.url);
  const entries = [...url.searchParams.entries()];
  if (new Set(entries.map(([k]) => k)).size !== entries.length) return apiError("bad_request", "Each query parameter may appear only once.");
  const q = DashboardQuery.safeParse(Object.fromEntries(entries));
  if (!q.success) return apiError("bad_request", "Allowed: format (json, csv) and, for CSV, series=week.");
  if (q.data.series && q.data.format !== "csv") return apiError("bad_request", "series=week is only for format=csv; the JSON already has the 7-day series.");
  const d = buildDashboard(source ?? { db: getDb(), now: Date.now, staleSeconds: env().CBP_STALE_SECONDS });
  const stamp = d.generatedAt.slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  const cache = "public, max-age=60, stale-while-revalidate=300";
  // Like the other v1 answers: a client that has this content gets a 304 (generatedAt alone changes nothing).
  if (q.data.format === "csv") {
    const text = q.data.series === "week" ? weekCsv(d) : summaryCsv(d);
    const etag = weakEtag(q.data.series ?? "summary", text);
    const name = q.data.series === "week" ? `border-waits-7-days-${stamp}.csv` : `border-status-${stamp}.csv`;
    return (
      notModified(request, etag, cache) ??
      jsonResponse(text, { etag, cacheControl: cache, headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` } })
    );
  }
  const body: DashboardResponse = { data: d };
  const etag = weakEtag("json", JSON.stringify({ ...d, generatedAt: undefined }));
  return notModified(request, etag, cache) ?? jsonResponse(JSON.stringify(body), { etag, cacheControl: cache });
}
