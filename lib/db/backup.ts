/**
 * Online backups and restores with SQLite's backup API (better-sqlite3 `db.backup`), never a file
 * copy: a copy of a live WAL database can miss committed pages or catch one half-written. The
 * backup API copies a consistent snapshot while the poller and staff keep writing (reliability.md D2, D3).
 */
import Database from "better-sqlite3";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { MIGRATIONS } from "@/lib/db/migrations";

export interface BackupCheck {
  file: string;
  bytes: number;
  integrity: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

/** Tables whose row counts a backup or restore reports, so a person can see it holds what they expect. */
const COUNTED = ["lane_reading", "content_items", "content_revisions", "alerts", "staff_users", "audit_log"] as const;

/** "smart-border-2026-12-05T07-30-00Z.db": sorts by time, safe on every file system. */
export function backupFileName(now: number): string {
  return `smart-border-${new Date(now).toISOString().slice(0, 19).replace(/:/g, "-")}Z.db`;
}

/** Opens a database file read-only and checks it: integrity, schema version, row counts. */
export function checkDatabaseFile(file: string): BackupCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    const schemaVersion = hasMigrations ? ((db.prepare("SELECT max(version) FROM schema_migrations").pluck().get() as number | null) ?? 0) : 0;
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const counts: Record<string, number> = {};
    // Table names come from the fixed list above, never from input.
    for (const t of COUNTED) if (tables.has(t)) counts[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { file, bytes: statSync(file).size, integrity, schemaVersion, counts };
  } finally {
    db.close();
  }
}

/** A consistent copy of `db` at `dest` (a file, or a folder to put a dated file in), checked afterwards. */
export async function backupDatabase(db: Db, dest: string, now: number): Promise<BackupCheck> {
  const file = dest.endsWith(".db") ? dest : path.join(dest, backupFileName(now));
  mkdirSync(path.dirname(file), { recursive: true });
  await db.backup(file);
  return checkDatabaseFile(file);
}

export class RestoreRefused extends Error {}

/**
 * Replaces the database at `liveFile` with the backup at `backupFile`, after checking the backup
 * and, unless told otherwise, saving the current database next to it first.
 */
export async function restoreDatabase(backupFile: string, liveFile: string, opts: { now: number; safetyCopy: boolean }): Promise<{ restored: BackupCheck; safetyCopy: string | null }> {
  const check = checkDatabaseFile(backupFile);
  if (check.integrity !== "ok") throw new RestoreRefused(`the backup fails PRAGMA integrity_check: ${check.integrity}`);
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  if (check.schemaVersion < 1) throw new RestoreRefused("the file is an SQLite database but not this site's (it has no schema_migrations)");
  if (check.schemaVersion > latest) throw new RestoreRefused(`the backup has schema version ${check.schemaVersion}, newer than this code (${latest}); update the code first`);
  mkdirSync(path.dirname(liveFile), { recursive: true });
  let safety: string | null = null;
  let exists = false;
  try {
    exists = statSync(liveFile).isFile();
  } catch {
    exists = false;
  }
  if (exists && opts.safetyCopy) {
    const live = new Database(liveFile, { fileMustExist: true });
    try {
      safety = path.join(path.dirname(liveFile), `before-restore-${backupFileName(opts.now)}`);
      await live.backup(safety);
    } finally {
      live.close();
    }
  }
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    // The backup API writes the pages into the live file under SQLite's locks (WAL included).
    await source.backup(liveFile);
  } finally {
    source.close();
  }
  return { restored: checkDatabaseFile(liveFile), safetyCopy: safety };
}
