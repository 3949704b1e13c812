"use server";
/**
 * Sign-in, second factor, first-time setup and sign-out. These are the only actions a person
 * without a session may call; each still refuses cross-site requests and checks its own proof
 * (the password, the pending session, the setup link).
 */
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { audit } from "@/lib/auth/audit";
import { clientAddress, isSameOrigin, sessionToken } from "@/lib/auth/guard";
import { hashPassword, passwordProblem, spendVerifyTime, verifyPassword } from "@/lib/auth/password";
import { ABSOLUTE_MS, createSession, deleteSession, PENDING_MS, pruneSessions, readSession, SESSION_COOKIE } from "@/lib/auth/session";
import { checkThrottle, clearAccountFailures, forgiveAttempt, recordFailure } from "@/lib/auth/throttle";
import { acceptTotp } from "@/lib/auth/totp";
import { completeSetup as completeAccountSetup, consumeRecoveryCode, credentialsByEmail, credentialsById, inviteUser, unusedRecoveryCodes, claimTotpStep } from "@/lib/auth/users";
import { fail, type ActionState } from "@/lib/admin/result";
import { safeNext } from "@/lib/admin/paths";
import { routing, type Locale } from "@/lib/i18n/routing";

const LocaleField = z.enum(routing.locales).catch(routing.defaultLocale);
const field = (fd: FormData, name: string): string => {
  const v = fd.get(name);
  return typeof v === "string" ? v : "";
};

async function setSessionCookie(token: string, maxAgeMs: number): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: Math.floor(maxAgeMs / 1000) });
}

/** Over-long fields get the same answer as wrong ones (and never reach Argon2 with a megabyte). */
const SignInForm = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) });
const CodeForm = z.object({ code: z.string().trim().max(40) });

const throttled = (retryAfterMs: number): ActionState => fail("throttled", { retryAfterS: Math.max(1, Math.ceil(retryAfterMs / 1000)) });

/** Step 1: e-mail and password. The same answer for an unknown e-mail and a wrong password. */
export async function signIn(_prev: ActionState, fd: FormData): Promise<ActionState> {
  if (!(await isSameOrigin())) return fail("cross-site");
  const locale: Locale = LocaleField.parse(field(fd, "locale"));
  const input = SignInForm.safeParse({ email: field(fd, "email"), password: field(fd, "password") });
  const email = input.success ? input.data.email : field(fd, "email").trim().slice(0, 320);
  const password = input.success ? input.data.password : "";
  const db = getDb();
  const now = Date.now();
  const address = await clientAddress();
  const keys = { account: email, address };
  const gate = checkThrottle(db, keys, now);
  if (!gate.ok) {
    // A log line, not an audit row: a flood of refused attempts must not grow the database without bound.
    log.warn("auth.throttled", { scope: gate.scope, address });
    return throttled(gate.retryAfterMs);
  }
  const user = input.success && email ? credentialsByEmail(db, email) : null;
  const usable = user?.active && user.disabledAt === null && user.passwordHash ? user : null;
  const attempt = recordFailure(db, keys, now);
  const good = usable ? await verifyPassword(usable.passwordHash!, password) : (await spendVerifyTime(password), false);
  if (!usable || !good) {
    audit(db, { at: now, userId: user?.id ?? null, actor: email || "(empty)", action: "sign-in.failed", detail: { step: "password" }, address });
    return fail("credentials");
  }
  forgiveAttempt(db, attempt);
  deleteSession(db, await sessionToken());
  pruneSessions(db, now);
  const token = createSession(db, { userId: usable.id, stage: "password", now, address, userAgent: (await headers()).get("user-agent") ?? undefined });
  await setSessionCookie(token, PENDING_MS);
  redirect(`/${locale}/admin/sign-in/verify?next=${encodeURIComponent(safeNext(field(fd, "next"), locale))}`);
}

/** Step 2: a code from the authenticator app, or one recovery code. Issues a new session token. */
export async function verifySecondFactor(_prev: ActionState, fd: FormData): Promise<ActionState> {
  if (!(await isSameOrigin())) return fail("cross-site");
  const locale: Locale = LocaleField.parse(field(fd, "locale"));
  const db = getDb();
  const now = Date.now();
  const token = await sessionToken();
  const pending = readSession(db, token, now);
  if (!pending || pending.stage !== "password") return fail("unauthenticated");
  const address = await clientAddress();
  const keys = { account: pending.user.email, address };
  const gate = checkThrottle(db, keys, now);
  if (!gate.ok) return throttled(gate.retryAfterMs);
  const creds = credentialsById(db, pending.user.id);
  const code = CodeForm.safeParse({ code: field(fd, "code") }).data?.code ?? "";
  let method: "totp" | "recovery" | null = null;
  if (creds?.totpSecret) {
    const step = acceptTotp(creds.totpSecret, code, now, creds.totpLastStep);
    if (step !== null && claimTotpStep(db, creds.id, step)) method = "totp";
    else if (consumeRecoveryCode(db, creds.id, code, now)) method = "recovery";
  }
  if (!creds || !method) {
    recordFailure(db, keys, now);
    audit(db, { at: now, userId: pending.user.id, actor: pending.user.email, action: "sign-in.failed", detail: { step: "second-factor" }, address });
    return fail("code");
  }
  deleteSession(db, token);
  clearAccountFailures(db, creds.email);
  const full = createSession(db, { userId: creds.id, stage: "full", now, address, userAgent: (await headers()).get("user-agent") ?? undefined });
  await setSessionCookie(full, ABSOLUTE_MS);
  audit(db, { at: now, userId: creds.id, actor: creds.email, action: "sign-in", detail: method === "recovery" ? { method, recoveryCodesLeft: unusedRecoveryCodes(db, creds.id) } : { method }, address });
  redirect(safeNext(field(fd, "next"), locale));
}

const SetupForm = z.object({
  token: z.string().min(1).max(100),
  secret: z.string().regex(/^[A-Z2-7]{32}$/),
  password: z.string().max(4096),
  confirm: z.string().max(4096),
  code: z.string().max(20),
});

/** First sign-in through a setup link: choose a password, pair an authenticator, get recovery codes. */
export async function completeSetup(_prev: ActionState, fd: FormData): Promise<ActionState> {
  if (!(await isSameOrigin())) return fail("cross-site");
  const input = SetupForm.safeParse(Object.fromEntries(["token", "secret", "password", "confirm", "code"].map((k) => [k, field(fd, k)])));
  if (!input.success) return fail("invalid");
  const db = getDb();
  const now = Date.now();
  const user = inviteUser(db, input.data.token, now);
  if (!user) return fail("expired-link");
  const problem = passwordProblem(input.data.password, user.email);
  if (problem) return fail("invalid", { fields: { password: `password.${problem}` } });
  if (input.data.password !== input.data.confirm) return fail("invalid", { fields: { confirm: "mismatch" } });
  const step = acceptTotp(input.data.secret, input.data.code, now, null);
  if (step === null) return fail("invalid", { fields: { code: "code" } });
  const done = completeAccountSetup(db, { token: input.data.token, passwordHash: await hashPassword(input.data.password), totpSecret: input.data.secret, totpStep: step, now });
  if (!done) return fail("expired-link");
  audit(db, { at: now, userId: user.id, actor: user.email, action: "account.setup", address: await clientAddress() });
  return { ok: true, recoveryCodes: done.recoveryCodes };
}

/** Ends the session: the row is deleted, so the old cookie is worthless even if kept. */
export async function signOut(_prev: ActionState, fd: FormData): Promise<ActionState> {
  if (!(await isSameOrigin())) return fail("cross-site");
  const locale: Locale = LocaleField.parse(field(fd, "locale"));
  const db = getDb();
  const now = Date.now();
  const token = await sessionToken();
  const session = readSession(db, token, now);
  deleteSession(db, token);
  (await cookies()).delete({ name: SESSION_COOKIE, path: "/", secure: true, httpOnly: true, sameSite: "lax" });
  if (session) audit(db, { at: now, userId: session.user.id, actor: session.user.email, action: "sign-out", address: await clientAddress() });
  redirect(`/${locale}/admin/sign-in?signedOut=1`);
}
