/**
 * SQL for alerts and status events. Parameterized statements only.
 */
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { crossingKey, diffSnapshot, stalenessEvents, type StalenessKind, type Watch } from "@/lib/alerts/events";
import { laneKey } from "@/lib/ports";
import { AlertInput, EVENT_RETENTION_MS, KEEP_ENDED_MS, Severity, StatusEventRow, type Alert, type DetectedEvent, type StatusEvent } from "@/lib/alerts/model";
import type { FeedSnapshot } from "@/lib/waits/model";

// ---- alerts ---------------------------------------------------------------------------------

/** Creates an alert (a draft unless `status: 'published'`) and returns its id. Throws a ZodError on bad input. */
export function createAlert(db: Db, input: AlertInput, now: number, author = "cli"): number {
  return saveAlert(db, null, input, { author, now })!;
}

/**
 * Creates (id null) or replaces an alert as a new revision; alert_revisions keeps every version.
 * published_at is set when it first becomes published (and again if it is republished after a
 * draft), so feeds order it by when the public first saw it. Returns the id, or null when `id` is unknown.
 */
export function saveAlert(db: Db, id: number | null, input: AlertInput, opts: { author: string; now: number }): number | null {
  const a = AlertInput.parse(input);
  const { now } = opts;
  return db
    .transaction(() => {
      let alertId: number;
      let revision: number;
      if (id === null) {
        revision = 1;
        alertId = Number(
          db
            .prepare(
              `INSERT INTO alerts (title_en, title_es, body_en, body_es, severity, starts_at, ends_at, status, published_at, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(a.titleEn, a.titleEs, a.bodyEn, a.bodyEs, a.severity, a.startsAt, a.endsAt, a.status, a.status === "published" ? now : null, now, now).lastInsertRowid,
        );
      } else {
        const old = db.prepare("SELECT status, published_at, revision FROM alerts WHERE id = ?").get(id) as { status: string; published_at: number | null; revision: number } | undefined;
        if (!old) return null;
        alertId = id;
        revision = old.revision + 1;
        const publishedAt = a.status !== "published" ? old.published_at : old.status === "published" ? old.published_at : now;
        db.prepare(
          `UPDATE alerts SET title_en = ?, title_es = ?, body_en = ?, body_es = ?, severity = ?, starts_at = ?, ends_at = ?, status = ?,
             published_at = ?, updated_at = ?, revision = ? WHERE id = ?`,
        ).run(a.titleEn, a.titleEs, a.bodyEn, a.bodyEs, a.severity, a.startsAt, a.endsAt, a.status, publishedAt, now, revision, alertId);
        db.prepare("DELETE FROM alert_ports WHERE alert_id = ?").run(alertId);
      }
      const addPort = db.prepare("INSERT INTO alert_ports (alert_id, port_slug) VALUES (?, ?)");
      for (const slug of a.ports) addPort.run(alertId, slug);
      db.prepare("INSERT INTO alert_revisions (alert_id, revision, snapshot, author, created_at) VALUES (?, ?, ?, ?, ?)").run(alertId, revision, JSON.stringify(a), opts.author, now);
      return alertId;
    })
    .immediate();
}

export interface AlertRevision {
  revision: number;
  author: string;
  createdAt: number;
  snapshot: z.output<typeof AlertInput>;
}

export function alertRevisions(db: Db, alertId: number): AlertRevision[] {
  const rows = db.prepare("SELECT revision, author, created_at, snapshot FROM alert_revisions WHERE alert_id = ? ORDER BY revision").all(alertId) as {
    revision: number;
    author: string;
    created_at: number;
    snapshot: string;
  }[];
  return rows.map((r) => ({ revision: r.revision, author: r.author, createdAt: r.created_at, snapshot: AlertInput.parse(JSON.parse(r.snapshot)) }));
}

/** Every alert, drafts and ended ones included, newest first (the staff list). */
export function listAllAlerts(db: Db): Alert[] {
  return db
    .prepare(`SELECT ${ALERT_COLUMNS} FROM alerts a ORDER BY a.starts_at DESC, a.id DESC`)
    .all()
    .map(toAlert)
    .filter((a): a is Alert => a !== null);
}

/**
 * The alerts in force now (published, started, not ended) for a port, or for the whole border when
 * `port` is undefined: what the home and port pages show above the waits. Most severe first.
 */
export function listActiveAlerts(db: Db, q: { now: number; port?: string }): Alert[] {
  const rows = db
    .prepare(
      `SELECT ${ALERT_COLUMNS} FROM alerts a
        WHERE a.status = 'published' AND a.starts_at <= @now AND (a.ends_at IS NULL OR a.ends_at > @now)
          AND ${FOR_PORT}
        ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.starts_at DESC, a.id DESC
        LIMIT 10`,
    )
    .all({ now: q.now, port: q.port ?? null });
  return rows.map(toAlert).filter((a): a is Alert => a !== null);
}

/** Publishes a draft; false when there is no such alert or it is already published. */
export function publishAlert(db: Db, id: number, now: number): boolean {
  return db.prepare("UPDATE alerts SET status = 'published', published_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'").run(now, now, id).changes === 1;
}

const AlertRow = z.object({
  id: z.int(),
  title_en: z.string(),
  title_es: z.string(),
  body_en: z.string(),
  body_es: z.string(),
  severity: Severity,
  starts_at: z.int(),
  ends_at: z.int().nullable(),
  status: z.enum(["draft", "published"]),
  published_at: z.int().nullable(),
  created_at: z.int(),
  updated_at: z.int(),
  revision: z.int(),
  ports: z.string(),
});

function toAlert(row: unknown): Alert | null {
  const r = AlertRow.safeParse(row);
  if (!r.success) {
    log.warn("alerts.bad_row", { id: (row as { id?: unknown })?.id });
    return null;
  }
  const d = r.data;
  return {
    id: d.id,
    title: { en: d.title_en, es: d.title_es },
    body: { en: d.body_en, es: d.body_es },
    severity: d.severity,
    ports: z.array(z.string()).parse(JSON.parse(d.ports)).sort(),
    startsAt: d.starts_at,
    endsAt: d.ends_at,
    status: d.status,
    publishedAt: d.published_at,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    revision: d.revision,
  };
}

const ALERT_COLUMNS = `a.*, (SELECT json_group_array(port_slug) FROM alert_ports p WHERE p.alert_id = a.id) AS ports`;
/** An alert concerns @port when it names it or names no port at all (the whole border); @port NULL: any alert. */
const FOR_PORT = `(@port IS NULL OR NOT EXISTS (SELECT 1 FROM alert_ports p WHERE p.alert_id = a.id)
               OR EXISTS (SELECT 1 FROM alert_ports p WHERE p.alert_id = a.id AND p.port_slug = @port))`;

export function getAlert(db: Db, id: number): Alert | null {
  const row = db.prepare(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = ?`).get(id);
  return row ? toAlert(row) : null;
}

export interface ItemQuery {
  now: number;
  /** Only items for this port (alerts for all ports and site-wide events included). */
  port?: string;
  /** Only items that appeared strictly after this instant (epoch ms). */
  since?: number;
  limit: number;
}

/**
 * The alerts the public sees: published, started, and not ended more than KEEP_ENDED_MS ago
 * (feed readers then still get the notice with its end date). Scheduled ones stay hidden until
 * they start. Newest first by alertAt.
 */
export function listPublicAlerts(db: Db, q: ItemQuery): Alert[] {
  const rows = db
    .prepare(
      `SELECT ${ALERT_COLUMNS} FROM alerts a
        WHERE a.status = 'published' AND a.starts_at <= @now AND (a.ends_at IS NULL OR a.ends_at > @endedAfter)
          AND ${FOR_PORT}
          AND max(a.starts_at, coalesce(a.published_at, a.starts_at)) > @since
        ORDER BY max(a.starts_at, coalesce(a.published_at, a.starts_at)) DESC, a.id DESC
        LIMIT @limit`,
    )
    .all({ now: q.now, endedAfter: q.now - KEEP_ENDED_MS, port: q.port ?? null, since: q.since ?? -1, limit: q.limit });
  return rows.map(toAlert).filter((a): a is Alert => a !== null);
}

// ---- status events --------------------------------------------------------------------------

function toEvent(row: unknown): StatusEvent | null {
  const r = StatusEventRow.safeParse(row);
  if (!r.success) return null;
  const d = r.data;
  return {
    id: d.id,
    kind: d.kind,
    at: d.at,
    portSlug: d.port_slug,
    cbpPortNumber: d.cbp_port_number,
    mode: d.mode,
    type: d.type,
    delayMinutes: d.delay_minutes,
    lanesOpen: d.lanes_open,
    lastSuccessAt: d.last_success_at,
  };
}

/** Newest first; site-wide events (port_slug NULL) belong to every port. */
export function listStatusEvents(db: Db, q: ItemQuery): StatusEvent[] {
  const rows = db
    .prepare(
      `SELECT * FROM status_events
        WHERE (@port IS NULL OR port_slug IS NULL OR port_slug = @port) AND at > @since AND at > @oldest
        ORDER BY at DESC, id DESC LIMIT @limit`,
    )
    .all({ port: q.port ?? null, since: q.since ?? -1, oldest: q.now - EVENT_RETENTION_MS, limit: q.limit });
  return rows.map(toEvent).filter((e): e is StatusEvent => e !== null);
}

function insertEvents(db: Db, events: readonly DetectedEvent[]): void {
  const stmt = db.prepare(
    `INSERT INTO status_events (kind, port_slug, cbp_port_number, mode, type, at, delay_minutes, lanes_open, last_success_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of events) stmt.run(e.kind, e.portSlug, e.cbpPortNumber, e.mode, e.type, e.at, e.delayMinutes, e.lanesOpen, e.lastSuccessAt);
}

export function readWatch(db: Db): Watch {
  const rows = db.prepare("SELECT cbp_port_number, mode, type, status FROM status_watch").all() as { cbp_port_number: string; mode: string; type: string; status: "open" | "closed" }[];
  return new Map(rows.map((r) => [r.mode === "" ? crossingKey(r.cbp_port_number) : laneKey({ cbpPortNumber: r.cbp_port_number, mode: r.mode, type: r.type }), r.status]));
}

function writeWatch(db: Db, previous: Watch, next: Watch): void {
  const upsert = db.prepare(
    `INSERT INTO status_watch (cbp_port_number, mode, type, status) VALUES (?, ?, ?, ?)
     ON CONFLICT (cbp_port_number, mode, type) DO UPDATE SET status = excluded.status`,
  );
  for (const [key, status] of next) {
    if (previous.get(key) === status) continue;
    const [cbp, mode = "", type = ""] = key.split("/");
    upsert.run(cbp, mode, type, status);
  }
}

function lastStalenessKind(db: Db): StalenessKind | null {
  return (db.prepare("SELECT kind FROM status_events WHERE kind IN ('data_stale', 'data_recovered') ORDER BY at DESC, id DESC LIMIT 1").pluck().get() as StalenessKind | undefined) ?? null;
}

export function pruneStatusEvents(db: Db, now: number): number {
  return db.prepare("DELETE FROM status_events WHERE at < ?").run(now - EVENT_RETENTION_MS).changes;
}

/**
 * After a successful poll: compares it with the last definite statuses, notes a recovery (or a
 * gap) in freshness, and prunes old events. `previousSuccessAt` is the last success before this poll.
 */
export function recordPollEvents(db: Db, input: { snapshot: FeedSnapshot; at: number; previousSuccessAt: number | null; staleAfterMs: number }): DetectedEvent[] {
  return db
    .transaction(() => {
      const previous = readWatch(db);
      const { events, next } = diffSnapshot(previous, input.snapshot, input.at);
      const staleness = stalenessEvents({ lastKind: lastStalenessKind(db), lastSuccessAt: input.previousSuccessAt, now: input.at, staleAfterMs: input.staleAfterMs, pollOk: true });
      const all = [...staleness, ...events];
      insertEvents(db, all);
      writeWatch(db, previous, next);
      pruneStatusEvents(db, input.at);
      return all;
    })
    .immediate();
}

/** After a failed poll: records the outage once when the data has just gone stale. */
export function recordFailedPollEvents(db: Db, input: { at: number; lastSuccessAt: number | null; staleAfterMs: number }): DetectedEvent[] {
  return db
    .transaction(() => {
      const events = stalenessEvents({ lastKind: lastStalenessKind(db), lastSuccessAt: input.lastSuccessAt, now: input.at, staleAfterMs: input.staleAfterMs, pollOk: false });
      insertEvents(db, events);
      return events;
    })
    .immediate();
}
