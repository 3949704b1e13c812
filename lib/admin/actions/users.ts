"use server";
/** People (admins only): invite, change role, disable or re-enable, reset a lost password or phone. */
import { refresh } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth/guard";
import { createUser, DuplicateEmailError, resetCredentials, Role, setDisabled, setRole, StaffEmail, StaffName, userById } from "@/lib/auth/users";
import { fail, type ActionState } from "@/lib/admin/result";
import { staffWrite } from "@/lib/admin/write";
import { setupLink } from "@/lib/admin/links";
import { routing } from "@/lib/i18n/routing";

const LocaleField = z.enum(routing.locales).catch(routing.defaultLocale);
const NewUser = z.object({ email: StaffEmail, name: StaffName, role: Role });

export async function createUserAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("admin");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const input = NewUser.safeParse({ email: fd.get("email"), name: fd.get("name"), role: fd.get("role") });
  if (!input.success) return fail("invalid", { fields: Object.fromEntries(input.error.issues.map((i) => [String(i.path[0]), "invalid"])) });
  try {
    const created = staffWrite(
      db,
      () => createUser(db, input.data, now),
      (c) => ({ at: now, userId: user.id, actor: user.email, action: "user.create", target: `user/${c.id}`, detail: { email: input.data.email, role: input.data.role }, address }),
    );
    refresh();
    return { ok: true, setupLink: setupLink(LocaleField.parse(fd.get("locale")), created.setupToken), savedAt: now };
  } catch (error) {
    if (error instanceof DuplicateEmailError) return fail("conflict", { fields: { email: "taken" } });
    throw error;
  }
}

const Change = z.discriminatedUnion("op", [
  z.object({ op: z.literal("role"), id: z.coerce.number().int().positive(), role: Role }),
  z.object({ op: z.enum(["disable", "enable", "reset"]), id: z.coerce.number().int().positive() }),
]);

export async function updateUserAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("admin");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const change = Change.safeParse({ op: fd.get("op"), id: fd.get("id"), role: fd.get("role") ?? undefined });
  if (!change.success) return fail("invalid");
  const target = userById(db, change.data.id);
  if (!target) return fail("not-found");
  // Nobody removes their own access. That also keeps an admin on the site: whoever changes another
  // admin is one, and stays one.
  if (target.id === user.id && change.data.op !== "reset") return fail("self");
  const entry = { at: now, userId: user.id, actor: user.email, action: `user.${change.data.op}`, target: `user/${target.id}`, detail: { email: target.email, ...(change.data.op === "role" ? { role: change.data.role } : {}) }, address };
  const data = change.data;
  if (data.op === "reset") {
    const token = staffWrite(db, () => resetCredentials(db, target.id, now), () => entry);
    refresh();
    return { ok: true, setupLink: setupLink(LocaleField.parse(fd.get("locale")), token), savedAt: now };
  }
  staffWrite(
    db,
    () => (data.op === "role" ? setRole(db, target.id, data.role, now) : setDisabled(db, target.id, data.op === "disable", now)),
    () => entry,
  );
  refresh();
  return { ok: true, savedAt: now };
}
