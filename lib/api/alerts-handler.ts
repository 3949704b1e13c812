/**
 * GET /api/v1/alerts: published staff alerts and detected status events, newest first, with
 * their text in both languages. Reads the database only.
 */
import "server-only";
import { AlertsQuery, type AlertsItem, type AlertsResponse } from "@/lib/api/alerts-schema";
import { apiError } from "@/lib/api/http";
import { readQuery, respond } from "@/lib/api/query";
import { itemId, itemPorts, itemSeverity, mergeItems, statusText, type PublicItem } from "@/lib/alerts/items";
import { listPublicAlerts, listStatusEvents } from "@/lib/alerts/store";
import { getDb, type Db } from "@/lib/db/client";
import { findCrossing, getPort } from "@/lib/ports";

export interface AlertsSource {
  db: Db;
  now: () => number;
}

const defaultSource = (): AlertsSource => ({ db: getDb(), now: Date.now });
const SLUG = /^[a-z0-9-]{1,64}$/;
const iso = (ms: number) => new Date(ms).toISOString();

/** The items for a port (or all), as the API and the feeds select them. */
export function readItems(db: Db, q: { now: number; port?: string; kind?: "alert" | "status" | "all"; since?: number; limit: number }): PublicItem[] {
  const kind = q.kind ?? "all";
  const alerts = kind === "status" ? [] : listPublicAlerts(db, q);
  const events = kind === "alert" ? [] : listStatusEvents(db, q);
  return mergeItems(alerts, events, q.limit, q.now);
}

export function toApiItem(item: PublicItem, now: number): AlertsItem {
  const common = { id: itemId(item), severity: itemSeverity(item), ports: itemPorts(item), at: iso(item.at) };
  if (item.kind === "alert") {
    const a = item.alert;
    return {
      ...common,
      kind: "alert",
      title: a.title,
      body: a.body,
      startsAt: iso(a.startsAt),
      endsAt: a.endsAt === null ? null : iso(a.endsAt),
      active: a.endsAt === null || a.endsAt > now,
      updatedAt: iso(a.updatedAt),
    };
  }
  const e = item.event;
  const en = statusText(e, "en");
  const es = statusText(e, "es");
  const crossing = e.cbpPortNumber ? findCrossing(e.cbpPortNumber)?.crossing : undefined;
  return {
    ...common,
    kind: "status",
    title: { en: en.title, es: es.title },
    body: { en: en.body, es: es.body },
    event: {
      type: e.kind,
      cbpPortNumber: e.cbpPortNumber,
      crossingName: crossing ? { en: crossing.name.en, es: crossing.name.es } : null,
      mode: e.mode,
      laneType: e.type,
      delayMinutes: e.delayMinutes,
      lanesOpen: e.lanesOpen,
      lastSuccessAt: e.lastSuccessAt === null ? null : iso(e.lastSuccessAt),
    },
  };
}

export function handleAlerts(request: Request, source: AlertsSource = defaultSource()): Response {
  const q = readQuery(new URL(request.url), AlertsQuery);
  if (!q.ok) return q.response;
  const { port, kind, since, limit } = q.value;
  if (port !== undefined && !(SLUG.test(port) && getPort(port))) {
    return apiError("not_found", `No port has the slug '${port.slice(0, 64)}'. See /api/v1/ports for the list.`);
  }
  const now = source.now();
  const items = readItems(source.db, { now, port, kind, since: since === undefined ? undefined : Date.parse(since), limit });
  const body: AlertsResponse = {
    data: items.map((i) => toApiItem(i, now)),
    meta: { source: "smart-border", generatedAt: iso(now), count: items.length },
  };
  return respond(request, body);
}
