/**
 * Alerts and status events as one newest-first list of public items, with their text in each
 * language. Pure: the API gives both languages, a feed one. Status-event text comes from the
 * `Feeds` messages, so it reads the same as the site.
 */
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { alertAt } from "@/lib/alerts/time";
import { SEVERITY_OF_EVENT, type Alert, type Severity, type StatusEvent, type StatusEventKind } from "@/lib/alerts/model";
import type { Locale } from "@/lib/i18n/routing";
import { SITE_TIME_ZONE } from "@/lib/i18n/routing";
import { findCrossing } from "@/lib/ports";
import { formatDateTime } from "@/components/ui/format";

const MESSAGES = { en, es } as const;

export const translator = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale] });

export type PublicItem =
  | { kind: "alert"; at: number; alert: Alert }
  | { kind: "status"; at: number; event: StatusEvent };

export const itemSeverity = (item: PublicItem): Severity => (item.kind === "alert" ? item.alert.severity : SEVERITY_OF_EVENT[item.event.kind]);
export const itemPorts = (item: PublicItem): string[] => (item.kind === "alert" ? item.alert.ports : item.event.portSlug ? [item.event.portSlug] : []);
/** Stable across languages and feeds; guids and Atom ids add the language. */
export const itemId = (item: PublicItem): string => (item.kind === "alert" ? `alert-${item.alert.id}` : `status-${item.event.id}`);
/** When the item last changed in a way a reader should see again (Atom `updated`). */
export const itemUpdated = (item: PublicItem): number => (item.kind === "alert" ? Math.max(item.alert.updatedAt, item.at) : item.at);

const newestFirst = (a: PublicItem, b: PublicItem) => b.at - a.at || a.kind.localeCompare(b.kind) || itemId(b).localeCompare(itemId(a), "en", { numeric: true });

/**
 * Both lists newest first, ties broken by kind and id so the order (and the ETag) is stable.
 * Alerts still in effect at `now` are always kept: a week of routine lane closures must not push
 * a standing staff notice out of a feed.
 */
export function mergeItems(alerts: readonly Alert[], events: readonly StatusEvent[], limit: number, now: number): PublicItem[] {
  const items: PublicItem[] = [
    ...alerts.map((alert) => ({ kind: "alert" as const, at: alertAt(alert), alert })),
    ...events.map((event) => ({ kind: "status" as const, at: event.at, event })),
  ].sort(newestFirst);
  const inEffect = (i: PublicItem) => i.kind === "alert" && (i.alert.endsAt === null || i.alert.endsAt > now);
  const kept = items.filter(inEffect).slice(0, limit);
  const rest = items.filter((i) => !inEffect(i)).slice(0, limit - kept.length);
  return [...kept, ...rest].sort(newestFirst);
}

export function formatPacific(ms: number, locale: Locale): string {
  return formatDateTime(locale, ms, { timeZone: SITE_TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
}

const EVENT_KEY: Record<StatusEventKind, "crossingClosed" | "crossingReopened" | "laneClosed" | "laneReopened" | "dataStale" | "dataRecovered"> = {
  crossing_closed: "crossingClosed",
  crossing_reopened: "crossingReopened",
  lane_closed: "laneClosed",
  lane_reopened: "laneReopened",
  data_stale: "dataStale",
  data_recovered: "dataRecovered",
};

function laneName(event: StatusEvent, locale: Locale): string {
  const t = translator(locale);
  if (!event.mode || !event.type) return "";
  const type = event.mode === "commercial" && event.type === "standard" ? t("Waits.commercialStandard") : t(`Waits.lanes.${event.type}`);
  return `${t(`Waits.modes.${event.mode}`)}, ${type}`;
}

export interface ItemText {
  title: string;
  /** Plain text; paragraphs separated by a blank line. */
  body: string;
}

export function statusText(event: StatusEvent, locale: Locale): ItemText {
  const t = translator(locale);
  const key = EVENT_KEY[event.kind];
  const crossing = event.cbpPortNumber ? (findCrossing(event.cbpPortNumber)?.crossing.name[locale] ?? event.cbpPortNumber) : "";
  const title = t(`Feeds.events.${key}`, { crossing, lane: laneName(event, locale) });
  const lines: string[] = [];
  if (key === "dataStale") lines.push(t("Feeds.bodies.dataStale", { since: formatPacific(event.lastSuccessAt ?? event.at, locale) }));
  else lines.push(t(`Feeds.bodies.${key}`));
  if (key === "laneReopened" && event.delayMinutes !== null) lines.push(t("Feeds.bodies.reopenedWait", { minutes: event.delayMinutes }));
  lines.push(t("Feeds.bodies.detectedAt", { time: formatPacific(event.at, locale) }));
  return { title, body: lines.join("\n\n") };
}

export function alertText(alert: Alert, locale: Locale, now: number): ItemText {
  const t = translator(locale);
  const title = alert.severity === "info" ? alert.title[locale] : t("Feeds.alertTitle", { severity: t(`Feeds.severity.${alert.severity}`), title: alert.title[locale] });
  const start = formatPacific(alert.startsAt, locale);
  const period =
    alert.endsAt === null ? t("Feeds.inEffectFrom", { start }) : t("Feeds.inEffectFromTo", { start, end: formatPacific(alert.endsAt, locale) });
  const lines = [alert.body[locale], period];
  if (alert.endsAt !== null && alert.endsAt <= now) lines.push(t("Feeds.ended"));
  return { title, body: lines.join("\n\n") };
}

export function itemText(item: PublicItem, locale: Locale, now: number): ItemText {
  return item.kind === "alert" ? alertText(item.alert, locale, now) : statusText(item.event, locale);
}
