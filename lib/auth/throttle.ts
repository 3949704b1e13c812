/**
 * Sign-in throttling (reliability.md A3; OWASP Authentication CS). Failures are counted per account
 * (the e-mail as typed, whether or not it exists, so the answer never tells) and per client address,
 * over a sliding 15-minute window:
 * - per account, from the 5th failure on, the next attempt must wait 1 s, then 2, 4 … up to 15 min;
 * - per address, 20 failures refuse further attempts from it until the window slides on.
 * Nothing is permanent: once the window passes, the right password works again, so an attacker can
 * slow a colleague down but never lock them out for good.
 */
import type { Db } from "@/lib/db/client";

export const WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FREE_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 20;
export const MAX_DELAY_MS = 15 * 60_000;

export interface ThrottleKeys {
  account: string;
  address: string;
}

export type ThrottleDecision = { ok: true } | { ok: false; scope: "account" | "address"; retryAfterMs: number };

function failures(db: Db, scope: "account" | "address", key: string, now: number): { n: number; last: number | null; first: number | null } {
  const row = db.prepare("SELECT count(*) AS n, max(at) AS last, min(at) AS first FROM auth_failures WHERE scope = ? AND key = ? AND at > ?").get(scope, key, now - WINDOW_MS) as {
    n: number;
    last: number | null;
    first: number | null;
  };
  return row;
}

/** The delay owed after `n` failures in the window. */
export function accountDelayMs(n: number): number {
  if (n < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (n - ACCOUNT_FREE_FAILURES), MAX_DELAY_MS);
}

export function checkThrottle(db: Db, keys: ThrottleKeys, now: number): ThrottleDecision {
  const address = failures(db, "address", keys.address, now);
  if (address.n >= ADDRESS_MAX_FAILURES && address.first !== null) return { ok: false, scope: "address", retryAfterMs: address.first + WINDOW_MS - now };
  const account = failures(db, "account", normalizeAccount(keys.account), now);
  const wait = account.last === null ? 0 : account.last + accountDelayMs(account.n) - now;
  return wait > 0 ? { ok: false, scope: "account", retryAfterMs: wait } : { ok: true };
}

/** Counts a failure; returns the rows written, so an attempt counted in advance can be forgiven. */
export function recordFailure(db: Db, keys: ThrottleKeys, now: number): number[] {
  return db.transaction(() => {
    db.prepare("DELETE FROM auth_failures WHERE at <= ?").run(now - WINDOW_MS);
    const insert = db.prepare("INSERT INTO auth_failures (scope, key, at) VALUES (?, ?, ?)");
    return [Number(insert.run("account", normalizeAccount(keys.account), now).lastInsertRowid), Number(insert.run("address", keys.address, now).lastInsertRowid)];
  })();
}

/**
 * Password checks take ~40 ms of Argon2 on another thread, so an attempt is counted as a failure
 * before the check and forgiven after a right answer: parallel guesses cannot all slip in under
 * the limit while the first ones are still being checked.
 */
export function forgiveAttempt(db: Db, rows: readonly number[]): void {
  const del = db.prepare("DELETE FROM auth_failures WHERE rowid = ?");
  for (const row of rows) del.run(row);
}

/** After a complete sign-in the account starts afresh (the address count stays). */
export function clearAccountFailures(db: Db, account: string): void {
  db.prepare("DELETE FROM auth_failures WHERE scope = 'account' AND key = ?").run(normalizeAccount(account));
}

function normalizeAccount(account: string): string {
  return account.trim().toLowerCase().slice(0, 320);
}
