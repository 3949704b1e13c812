"use server";
/** A staff member's own account: a new password, new recovery codes. */
import { authorize, type Staff } from "@/lib/auth/guard";
import { checkThrottle, forgiveAttempt, recordFailure } from "@/lib/auth/throttle";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { createSession, deleteUserSessions, ABSOLUTE_MS, SESSION_COOKIE } from "@/lib/auth/session";
import { credentialsById, replaceRecoveryCodes, setPassword } from "@/lib/auth/users";
import { fail, type ActionState } from "@/lib/admin/result";
import { staffWrite } from "@/lib/admin/write";
import { cookies } from "next/headers";

const text = (fd: FormData, name: string): string => {
  const v = fd.get(name);
  return typeof v === "string" ? v.slice(0, 4096) : "";
};

/**
 * Checks the current password, so a stolen open session alone cannot change it, under the same
 * throttle as sign-in (the account's e-mail and the client address). Null when it is right.
 */
async function checkCurrentPassword(staff: Staff, password: string): Promise<ActionState | null> {
  const keys = { account: staff.user.email, address: staff.address };
  const gate = checkThrottle(staff.db, keys, staff.now);
  if (!gate.ok) return fail("throttled", { retryAfterS: Math.max(1, Math.ceil(gate.retryAfterMs / 1000)) });
  const attempt = recordFailure(staff.db, keys, staff.now);
  const creds = credentialsById(staff.db, staff.user.id);
  if (!creds?.passwordHash || !(await verifyPassword(creds.passwordHash, password))) return fail("invalid", { fields: { current: "wrongPassword" } });
  forgiveAttempt(staff.db, attempt);
  return null;
}

/** A new password ends every session of the account, this one included, and starts a fresh one here. */
export async function changePasswordAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("editor");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const wrong = await checkCurrentPassword(auth.staff, text(fd, "current"));
  if (wrong) return wrong;
  const next = text(fd, "password");
  const problem = passwordProblem(next, user.email);
  if (problem) return fail("invalid", { fields: { password: `password.${problem}` } });
  if (next !== text(fd, "confirm")) return fail("invalid", { fields: { confirm: "mismatch" } });
  const hash = await hashPassword(next);
  const token = staffWrite(
    db,
    () => {
      setPassword(db, user.id, hash, now);
      deleteUserSessions(db, user.id);
      return createSession(db, { userId: user.id, stage: "full", now, address });
    },
    () => ({ at: now, userId: user.id, actor: user.email, action: "account.password", address }),
  );
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: ABSOLUTE_MS / 1000 });
  return { ok: true, savedAt: now };
}

export async function newRecoveryCodesAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("editor");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const wrong = await checkCurrentPassword(auth.staff, text(fd, "current"));
  if (wrong) return wrong;
  const codes = staffWrite(
    db,
    () => replaceRecoveryCodes(db, user.id),
    () => ({ at: now, userId: user.id, actor: user.email, action: "account.recovery-codes", address }),
  );
  return { ok: true, recoveryCodes: codes, savedAt: now };
}
