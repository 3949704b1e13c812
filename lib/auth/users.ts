/**
 * Staff accounts, setup links and recovery codes. Accounts start without a password or second
 * factor: the person sets both through a one-time link (24 h), so nobody else ever knows them and
 * there is no default password anywhere (reliability.md A11).
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { normalizeRecoveryCode, randomToken, recoveryCode, sha256 } from "@/lib/auth/tokens";

export const ROLES = ["editor", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const Role = z.enum(ROLES);

/** editor: content and alerts; admin: also people and the audit log. */
export function roleAllows(have: Role, need: Role): boolean {
  return have === "admin" || need === "editor";
}

export const INVITE_MS = 24 * 3600_000;
export const RECOVERY_CODES = 10;

export const StaffEmail = z.email().max(254).transform((e) => e.toLowerCase());
export const StaffName = z.string().trim().min(1).max(100);

const UserRow = z.object({
  id: z.int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  password_hash: z.string().nullable(),
  totp_secret: z.string().nullable(),
  totp_last_step: z.int().nullable(),
  disabled_at: z.int().nullable(),
  created_at: z.int(),
});

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** False until the setup link was used. */
  active: boolean;
  disabledAt: number | null;
  createdAt: number;
}

export interface StaffCredentials extends StaffUser {
  passwordHash: string | null;
  totpSecret: string | null;
  totpLastStep: number | null;
}

function fromRow(row: unknown): StaffCredentials {
  const r = UserRow.parse(row);
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.password_hash !== null && r.totp_secret !== null,
    disabledAt: r.disabled_at,
    createdAt: r.created_at,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    totpLastStep: r.totp_last_step,
  };
}

function publicUser(c: StaffCredentials): StaffUser {
  return { id: c.id, email: c.email, name: c.name, role: c.role, active: c.active, disabledAt: c.disabledAt, createdAt: c.createdAt };
}

export function credentialsByEmail(db: Db, email: string): StaffCredentials | null {
  const row = db.prepare("SELECT * FROM staff_users WHERE email = ?").get(email.trim());
  return row ? fromRow(row) : null;
}

export function credentialsById(db: Db, id: number): StaffCredentials | null {
  const row = db.prepare("SELECT * FROM staff_users WHERE id = ?").get(id);
  return row ? fromRow(row) : null;
}

export function userById(db: Db, id: number): StaffUser | null {
  const c = credentialsById(db, id);
  return c ? publicUser(c) : null;
}

export function listUsers(db: Db): StaffUser[] {
  return db.prepare("SELECT * FROM staff_users ORDER BY disabled_at IS NOT NULL, name COLLATE NOCASE").all().map((r) => publicUser(fromRow(r)));
}

export function countAdmins(db: Db): number {
  return db.prepare("SELECT count(*) FROM staff_users WHERE role = 'admin' AND disabled_at IS NULL").pluck().get() as number;
}

export class DuplicateEmailError extends Error {
  constructor() {
    super("a staff account with this e-mail already exists");
  }
}

/** A new account and its setup link's token. */
export function createUser(db: Db, input: { email: string; name: string; role: Role }, now: number): { id: number; setupToken: string } {
  const email = StaffEmail.parse(input.email);
  const name = StaffName.parse(input.name);
  const role = Role.parse(input.role);
  return db.transaction(() => {
    if (db.prepare("SELECT 1 FROM staff_users WHERE email = ?").get(email)) throw new DuplicateEmailError();
    const id = Number(db.prepare("INSERT INTO staff_users (email, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)").run(email, name, role, now, now).lastInsertRowid);
    return { id, setupToken: createInvite(db, id, now) };
  }).immediate();
}

/** A fresh one-time setup link for an account; earlier links for it stop working. */
export function createInvite(db: Db, userId: number, now: number): string {
  const token = randomToken();
  db.prepare("DELETE FROM staff_invites WHERE user_id = ?").run(userId);
  db.prepare("INSERT INTO staff_invites (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)").run(sha256(token), userId, now, now + INVITE_MS);
  return token;
}

/** The account a setup link belongs to, while it is unused and unexpired. */
export function inviteUser(db: Db, token: string, now: number): StaffUser | null {
  if (!token || token.length > 100) return null;
  const row = db.prepare("SELECT user_id FROM staff_invites WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?").get(sha256(token), now) as { user_id: number } | undefined;
  const user = row ? userById(db, row.user_id) : null;
  return user && user.disabledAt === null ? user : null;
}

// Transactions that read before they write start IMMEDIATE: another process (the poller, a CLI)
// holding the write lock then makes them wait (busy_timeout) instead of failing with SQLITE_BUSY.

/**
 * Sets the password and second factor through a setup link, marks the link used, ends every
 * session of the account and returns new recovery codes (shown once). Null if the link is no good.
 */
export function completeSetup(db: Db, opts: { token: string; passwordHash: string; totpSecret: string; totpStep: number; now: number }): { user: StaffUser; recoveryCodes: string[] } | null {
  return db.transaction(() => {
    const user = inviteUser(db, opts.token, opts.now);
    if (!user) return null;
    db.prepare("UPDATE staff_invites SET used_at = ? WHERE token_hash = ?").run(opts.now, sha256(opts.token));
    db.prepare("UPDATE staff_users SET password_hash = ?, totp_secret = ?, totp_last_step = ?, updated_at = ? WHERE id = ?").run(opts.passwordHash, opts.totpSecret, opts.totpStep, opts.now, user.id);
    db.prepare("DELETE FROM staff_sessions WHERE user_id = ?").run(user.id);
    return { user: { ...user, active: true }, recoveryCodes: replaceRecoveryCodes(db, user.id) };
  }).immediate();
}

export function replaceRecoveryCodes(db: Db, userId: number): string[] {
  const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
  db.prepare("DELETE FROM staff_recovery_codes WHERE user_id = ?").run(userId);
  const insert = db.prepare("INSERT INTO staff_recovery_codes (user_id, code_hash) VALUES (?, ?)");
  for (const code of codes) insert.run(userId, sha256(code));
  return codes;
}

/** Uses up a recovery code; false if it is unknown or was used. */
export function consumeRecoveryCode(db: Db, userId: number, input: string, now: number): boolean {
  return db.prepare("UPDATE staff_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL").run(now, userId, sha256(normalizeRecoveryCode(input))).changes === 1;
}

export function unusedRecoveryCodes(db: Db, userId: number): number {
  return db.prepare("SELECT count(*) FROM staff_recovery_codes WHERE user_id = ? AND used_at IS NULL").pluck().get(userId) as number;
}

/** Records the TOTP step just accepted; false if another request used it first. */
export function claimTotpStep(db: Db, userId: number, step: number): boolean {
  return db.prepare("UPDATE staff_users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)").run(step, userId, step).changes === 1;
}

export function setPassword(db: Db, userId: number, passwordHash: string, now: number): void {
  db.prepare("UPDATE staff_users SET password_hash = ?, updated_at = ? WHERE id = ?").run(passwordHash, now, userId);
}

export function setRole(db: Db, userId: number, role: Role, now: number): void {
  db.prepare("UPDATE staff_users SET role = ?, updated_at = ? WHERE id = ?").run(Role.parse(role), now, userId);
}

export function setDisabled(db: Db, userId: number, disabled: boolean, now: number): void {
  db.prepare("UPDATE staff_users SET disabled_at = ?, updated_at = ? WHERE id = ?").run(disabled ? now : null, now, userId);
  if (disabled) db.prepare("DELETE FROM staff_sessions WHERE user_id = ?").run(userId);
}

/** A reset: the old password and second factor stop working at once; a new setup link replaces them. */
export function resetCredentials(db: Db, userId: number, now: number): string {
  return db.transaction(() => {
    db.prepare("UPDATE staff_users SET password_hash = NULL, totp_secret = NULL, totp_last_step = NULL, updated_at = ? WHERE id = ?").run(now, userId);
    db.prepare("DELETE FROM staff_sessions WHERE user_id = ?").run(userId);
    db.prepare("DELETE FROM staff_recovery_codes WHERE user_id = ?").run(userId);
    return createInvite(db, userId, now);
  }).immediate();
}
