"use server";
/** Creating, editing, publishing and restoring alerts (editors and admins). */
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { alertRevisions, getAlert, saveAlert } from "@/lib/alerts/store";
import { authorize } from "@/lib/auth/guard";
import { alertLanguagesChanged, parseAlertForm } from "@/lib/admin/forms";
import { fail, type ActionState } from "@/lib/admin/result";
import { staffWrite } from "@/lib/admin/write";
import { routing } from "@/lib/i18n/routing";

const Id = z.coerce.number().int().positive();
const LocaleField = z.enum(routing.locales).catch(routing.defaultLocale);

/** Saves the form as a draft or publishes it (intent = draft | publish). id "new" creates one. */
export async function saveAlertAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("editor");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const rawId = fd.get("id");
  const id = rawId === "new" ? null : Id.safeParse(rawId).data;
  if (id === undefined) return fail("invalid");
  const existing = id === null ? null : getAlert(db, id);
  if (id !== null && !existing) return fail("not-found");
  if (existing && fd.get("revision") !== String(existing.revision)) return fail("stale");
  const form = parseAlertForm(fd);
  if (!form.ok) return fail("invalid", { fields: form.fields });
  const lastPublished = id === null ? undefined : alertRevisions(db, id).findLast((r) => r.snapshot.status === "published")?.snapshot;
  const changed = alertLanguagesChanged(lastPublished ?? null, form.value);
  if (form.value.status === "published" && changed.length === 1 && fd.get("confirm_one_sided") !== "on") return fail("one-sided", { changed });
  const saved = staffWrite(
    db,
    () => saveAlert(db, id, form.value, { author: user.email, now }),
    (alertId) => (alertId === null ? null : { at: now, userId: user.id, actor: user.email, action: id === null ? "alert.create" : "alert.update", target: `alert/${alertId}`, detail: { status: form.value.status, languages: changed }, address }),
  );
  if (saved === null) return fail("not-found");
  if (id === null) redirect(`/${LocaleField.parse(fd.get("locale"))}/admin/alerts/${saved}?saved=1`);
  // The page around the form shows the new revision number and state.
  refresh();
  return { ok: true, savedAt: now, savedStatus: form.value.status };
}

/** Brings back an earlier version as a new revision (the versions in between stay in the history). */
export async function restoreAlertRevision(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("editor");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const id = Id.safeParse(fd.get("id"));
  const revision = Id.safeParse(fd.get("revision"));
  if (!id.success || !revision.success) return fail("invalid");
  const snapshot = alertRevisions(db, id.data).find((r) => r.revision === revision.data)?.snapshot;
  const current = getAlert(db, id.data);
  if (!snapshot || !current) return fail("not-found");
  staffWrite(
    db,
    // The text and times come back; whether it is public stays as it is now.
    () => saveAlert(db, id.data, { ...snapshot, status: current.status }, { author: user.email, now }),
    () => ({ at: now, userId: user.id, actor: user.email, action: "alert.restore", target: `alert/${id.data}`, detail: { revision: revision.data }, address }),
  );
  redirect(`/${LocaleField.parse(fd.get("locale"))}/admin/alerts/${id.data}?restored=${revision.data}`);
}
