/**
 * The SQLite connection (better-sqlite3, WAL). One per process and file, created and migrated on first use.
 */
import "server-only";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { MIGRATIONS } from "@/lib/db/migrations";

export type Db = Database.Database;

export const DB_FILE_NAME = "smart-border.db";

const connections = new Map<string, Db>();

/** Opens (or reuses) the database under `DATA_DIR`. */
export function getDb(): Db {
  const file = path.resolve(env().DATA_DIR, DB_FILE_NAME);
  let db = connections.get(file);
  if (!db) {
    db = openDatabase(file);
    connections.set(file, db);
  }
  return db;
}

export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // NORMAL is crash-safe for application crashes in WAL mode; a power cut may lose the last poll.
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      // Another process may have applied it between our read above and taking the write lock.
      if (db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(m.version)) return;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}

/** Closes every connection; tests and CLI commands call it before exiting. */
export function closeAllDatabases(): void {
  for (const db of connections.values()) db.close();
  connections.clear();
}
