"use server";
/** Creating, editing, publishing and restoring content items: guides, ports, meetings, initiatives, announcements, pages. */
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { SqliteError } from "better-sqlite3";
import { z } from "zod";
import { getItem, itemRevision, revisions, writeItem } from "@/lib/content/store";
import { CREATABLE_KINDS } from "@/lib/admin/templates";
import { authorize } from "@/lib/auth/guard";
import { ContentKind, languagesChanged, parseContentForm } from "@/lib/admin/forms";
import { fail, type ActionState } from "@/lib/admin/result";
import { staffWrite } from "@/lib/admin/write";
import { routing } from "@/lib/i18n/routing";

const Key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80);
const Revision = z.coerce.number().int().positive();
const LocaleField = z.enum(routing.locales).catch(routing.defaultLocale);

function isUniqueViolation(error: unknown): boolean {
  return error instanceof SqliteError && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** Saves the editor as a draft or publishes it. `new` = "1" creates the item under `key`. */
export async function saveContentAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("editor");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const kind = ContentKind.safeParse(fd.get("kind"));
  const key = Key.safeParse(fd.get("key"));
  if (!kind.success) return fail("invalid");
  if (!key.success) return fail("invalid", { fields: { key: "invalid" } });
  const isNew = fd.get("new") === "1";
  // "new" is the address of the create form, so it cannot be an item's key.
  if (isNew && (!(CREATABLE_KINDS as readonly string[]).includes(kind.data) || key.data === "new")) return fail("invalid", { fields: { key: "invalid" } });
  const existing = getItem(db, kind.data, key.data);
  if (isNew && existing) return fail("conflict", { fields: { key: "taken" } });
  if (!isNew && !existing) return fail("not-found");
  if (existing && fd.get("revision") !== String(existing.revision)) return fail("stale");
  const form = parseContentForm(fd, kind.data, key.data);
  if (!form.ok) return fail("invalid", { fields: form.fields, details: form.details });
  const lastPublished = existing ? revisions(db, existing.id).findLast((r) => r.snapshot.status === "published")?.snapshot : undefined;
  const changed = languagesChanged(lastPublished ?? null, form.value);
  if (form.value.status === "published" && changed.length === 1 && fd.get("confirm_one_sided") !== "on") return fail("one-sided", { changed });
  try {
    staffWrite(
      db,
      () => writeItem(db, form.value, { author: user.email, origin: "staff", now }),
      () => ({ at: now, userId: user.id, actor: user.email, action: isNew ? "content.create" : "content.update", target: `${kind.data}/${key.data}`, detail: { status: form.value.status, languages: changed }, address }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict", { fields: { slug_en: "slugTaken", slug_es: "slugTaken" } });
    throw error;
  }
  if (isNew) redirect(`/${LocaleField.parse(fd.get("locale"))}/admin/content/${kind.data}/${key.data}?saved=1`);
  // The page around the form shows the new revision number and state.
  refresh();
  return { ok: true, savedAt: now, savedStatus: form.value.status };
}

/** Brings back an earlier version as a new revision. */
export async function restoreContentRevision(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("editor");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const kind = ContentKind.safeParse(fd.get("kind"));
  const key = Key.safeParse(fd.get("key"));
  const revision = Revision.safeParse(fd.get("revision"));
  if (!kind.success || !key.success || !revision.success) return fail("invalid");
  const item = getItem(db, kind.data, key.data);
  const snapshot = item ? itemRevision(db, item.id, revision.data) : null;
  if (!item || !snapshot) return fail("not-found");
  try {
    staffWrite(
      db,
      // The text comes back; whether it is public stays as it is now (publishing is a separate, explicit step).
      () => writeItem(db, { ...snapshot, key: item.key, kind: item.kind, status: item.status }, { author: user.email, origin: "staff", now }),
      () => ({ at: now, userId: user.id, actor: user.email, action: "content.restore", target: `${kind.data}/${key.data}`, detail: { revision: revision.data }, address }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict");
    throw error;
  }
  redirect(`/${LocaleField.parse(fd.get("locale"))}/admin/content/${kind.data}/${key.data}?restored=${revision.data}`);
}
