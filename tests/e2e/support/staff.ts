/**
 * Staff accounts for the admin specs, written straight into the e2e server's database with the same
 * code the setup page uses (the setup page itself is exercised once in admin.spec). Each call makes
 * a new person, so the desktop and phone projects never share a TOTP step or a session.
 */
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { newTotpSecret, totpCode, TOTP_PERIOD_S } from "@/lib/auth/totp";
import { completeSetup, createUser, type Role } from "@/lib/auth/users";
import { sha256, randomToken } from "@/lib/auth/tokens";
import { projectServers } from "./project";

export interface TestStaff {
  email: string;
  name: string;
  password: string;
  secret: string;
  recoveryCodes: string[];
  role: Role;
}

/** The database of the site the test's project runs against. */
export function e2eDb(): Database.Database {
  const db = new Database(path.join(projectServers().dataDir, "smart-border.db"));
  db.pragma("busy_timeout = 5000");
  return db;
}

export async function createStaff(role: Role, name = role === "admin" ? "Ana Admin" : "Eddie Editor"): Promise<TestStaff> {
  const db = e2eDb();
  try {
    const email = `${role}-${randomUUID().slice(0, 8)}@example.org`;
    const password = `a long test phrase ${randomUUID()}`;
    const secret = newTotpSecret();
    const now = Date.now();
    const { setupToken } = createUser(db, { email, name, role }, now);
    const done = completeSetup(db, { token: setupToken, passwordHash: await hashPassword(password), totpSecret: secret, totpStep: Math.floor(now / 1000 / TOTP_PERIOD_S) - 2, now });
    return { email, name, password, secret, role, recoveryCodes: done!.recoveryCodes };
  } finally {
    db.close();
  }
}

/** A code an authenticator would show; `ahead` steps later (the server accepts one step of drift). */
export function codeFor(staff: Pick<TestStaff, "secret">, ahead = 0): string {
  return totpCode(staff.secret, Date.now() + ahead * TOTP_PERIOD_S * 1000);
}

/** Signs in through both steps of the real form. `code` defaults to the current TOTP code. */
export async function signIn(page: Page, staff: TestStaff, opts: { locale?: "en" | "es"; code?: string } = {}): Promise<void> {
  const locale = opts.locale ?? "en";
  await page.goto(`/${locale}/admin/sign-in`);
  await page.getByTestId("sign-in-form").locator("#email").fill(staff.email);
  await page.getByTestId("sign-in-form").locator("#password").fill(staff.password);
  await page.getByTestId("sign-in-form").locator("button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/sign-in/verify`));
  await page.locator("#code").fill(opts.code ?? codeFor(staff));
  await page.getByTestId("verify-form").locator("button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin(?:\\?|$)`));
}

/** A session row whose age puts it past the absolute limit, and the cookie value that names it. */
export function expiredSessionToken(userEmail: string): string {
  const db = e2eDb();
  try {
    const user = db.prepare("SELECT id FROM staff_users WHERE email = ?").get(userEmail) as { id: number };
    const token = randomToken();
    const old = Date.now() - 9 * 3600_000;
    db.prepare("INSERT INTO staff_sessions (token_hash, user_id, stage, created_at, last_seen_at) VALUES (?, ?, 'full', ?, ?)").run(sha256(token), user.id, old, Date.now() - 60_000);
    return token;
  } finally {
    db.close();
  }
}
