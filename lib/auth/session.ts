/**
 * Server-side staff sessions (reliability.md A4–A7). The cookie carries a random token; the
 * database keeps only its SHA-256, so a leaked backup or log holds no usable session.
 * Every function takes `now`, so lifetimes are tested with a fake clock.
 */
import type { Db } from "@/lib/db/client";
import { randomToken, sha256 } from "@/lib/auth/tokens";
import { type StaffUser, userById } from "@/lib/auth/users";

export const SESSION_COOKIE = "__Host-sb-session";
/** No request for this long ends a session (OWASP Session Management CS, ASVS 7.3.1). */
export const IDLE_MS = 30 * 60_000;
/** However active, a session ends this long after sign-in (ASVS 7.3.2). */
export const ABSOLUTE_MS = 8 * 3600_000;
/** Between a right password and the second factor. */
export const PENDING_MS = 5 * 60_000;
/** last_seen_at is rewritten at most this often: pages read far more often than idle time matters. */
const TOUCH_MS = 60_000;

export type SessionStage = "password" | "full";

export interface Session {
  tokenHash: string;
  user: StaffUser;
  stage: SessionStage;
  createdAt: number;
  lastSeenAt: number;
  /** When it ends if nothing else happens: the idle or the absolute limit, whichever is first. */
  expiresAt: number;
}

interface Row {
  token_hash: string;
  user_id: number;
  stage: SessionStage;
  created_at: number;
  last_seen_at: number;
}

function expiryOf(row: Pick<Row, "stage" | "created_at" | "last_seen_at">): number {
  return row.stage === "password" ? row.created_at + PENDING_MS : Math.min(row.created_at + ABSOLUTE_MS, row.last_seen_at + IDLE_MS);
}

/** A new session with a new token (never a token the browser brought: ASVS 7.2.4). Returns the token for the cookie. */
export function createSession(db: Db, opts: { userId: number; stage: SessionStage; now: number; address?: string; userAgent?: string }): string {
  const token = randomToken();
  db.prepare("INSERT INTO staff_sessions (token_hash, user_id, stage, created_at, last_seen_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
    sha256(token),
    opts.userId,
    opts.stage,
    opts.now,
    opts.now,
    opts.address ?? null,
    opts.userAgent?.slice(0, 300) ?? null,
  );
  return token;
}

/** The live session for a cookie token, or null; an expired one is deleted on sight. */
export function readSession(db: Db, token: string | undefined, now: number): Session | null {
  if (!token || token.length > 100) return null;
  const hash = sha256(token);
  const row = db.prepare("SELECT token_hash, user_id, stage, created_at, last_seen_at FROM staff_sessions WHERE token_hash = ?").get(hash) as Row | undefined;
  if (!row) return null;
  const user = userById(db, row.user_id);
  if (now >= expiryOf(row) || !user || user.disabledAt !== null) {
    db.prepare("DELETE FROM staff_sessions WHERE token_hash = ?").run(hash);
    return null;
  }
  let lastSeenAt = row.last_seen_at;
  if (row.stage === "full" && now - lastSeenAt >= TOUCH_MS) {
    db.prepare("UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?").run(now, hash);
    lastSeenAt = now;
  }
  return { tokenHash: hash, user, stage: row.stage, createdAt: row.created_at, lastSeenAt, expiresAt: expiryOf({ ...row, last_seen_at: lastSeenAt }) };
}

export function deleteSession(db: Db, token: string | undefined): void {
  if (token) db.prepare("DELETE FROM staff_sessions WHERE token_hash = ?").run(sha256(token));
}

/** Signs a person out everywhere (a password change, a reset, a disabled account). */
export function deleteUserSessions(db: Db, userId: number): number {
  return db.prepare("DELETE FROM staff_sessions WHERE user_id = ?").run(userId).changes;
}

/** Removes sessions nobody can use any more (every sign-in does this housekeeping first). */
export function pruneSessions(db: Db, now: number): number {
  return db
    .prepare("DELETE FROM staff_sessions WHERE (stage = 'password' AND created_at <= ?) OR created_at <= ? OR last_seen_at <= ?")
    .run(now - PENDING_MS, now - ABSOLUTE_MS, now - IDLE_MS).changes;
}
