/** The audit log: who did what, when and from where. Written in the same transaction as the change where there is one. */
import { z } from "zod";
import type { Db } from "@/lib/db/client";

export interface AuditEntry {
  id: number;
  at: number;
  userId: number | null;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  address: string | null;
}

export interface AuditInput {
  at: number;
  userId: number | null;
  /** The e-mail of the person, or what was typed at a failed sign-in. */
  actor: string;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  address?: string | null;
}

export function audit(db: Db, e: AuditInput): void {
  db.prepare("INSERT INTO audit_log (at, user_id, actor, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
    e.at,
    e.userId,
    e.actor.slice(0, 320),
    e.action,
    e.target ?? null,
    e.detail ? JSON.stringify(e.detail) : null,
    e.address ?? null,
  );
}

const Row = z.object({
  id: z.int(),
  at: z.int(),
  user_id: z.int().nullable(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.string().nullable(),
  address: z.string().nullable(),
});

/** Newest first; `before` pages back by id. */
export function listAudit(db: Db, opts: { limit: number; before?: number; actor?: string }): AuditEntry[] {
  const rows = db
    .prepare("SELECT * FROM audit_log WHERE (@before IS NULL OR id < @before) AND (@actor IS NULL OR actor = @actor) ORDER BY id DESC LIMIT @limit")
    .all({ before: opts.before ?? null, actor: opts.actor ?? null, limit: opts.limit });
  return rows.map((row) => {
    const r = Row.parse(row);
    return { id: r.id, at: r.at, userId: r.user_id, actor: r.actor, action: r.action, target: r.target, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null, address: r.address };
  });
}
