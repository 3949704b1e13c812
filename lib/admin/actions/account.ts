"use server";
/** A staff member's own account: a new password, new recovery codes. */
import { authorize } from "@/lib/auth/guard";
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

/** Checks the current password; a stolen open session alone cannot change it. */
async function currentPasswordOk(userId: number, password: string, db: Parameters<typeof credentialsById>[0]): Promise<boolean> {
  const creds = credentialsById(db, userId);
  return !!creds?.passwordHash && (await verifyPassword(creds.passwordHash, password));
}

/** A new password ends every session of the account, this one included, and starts a fresh one here. */
export async function changePasswordAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("editor");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  if (!(await currentPasswordOk(user.id, text(fd, "current"), db))) return fail("invalid", { fields: { current: "wrongPassword" } });
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
  if (!(await currentPasswordOk(user.id, text(fd, "current"), db))) return fail("invalid", { fields: { current: "wrongPassword" } });
  const codes = staffWrite(
    db,
    () => replaceRecoveryCodes(db, user.id),
    () => ({ at: now, userId: user.id, actor: user.email, action: "account.recovery-codes", address }),
  );
  return { ok: true, recoveryCodes: codes, savedAt: now };
}
