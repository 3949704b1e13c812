"use server";
/** Staff wording for the editable interface texts; a text equal to the default removes the override. */
import { refresh } from "next/cache";
import { authorize } from "@/lib/auth/guard";
import { defaultText, EDITABLE_TEXTS, textProblem } from "@/lib/admin/ui-texts";
import { readOverrides } from "@/lib/i18n/overrides";
import { fail, type ActionState } from "@/lib/admin/result";
import { staffWrite } from "@/lib/admin/write";
import { routing, type Locale } from "@/lib/i18n/routing";

export async function saveUiTextsAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const auth = await authorize("editor");
  if (!auth.ok) return fail(auth.error);
  const { db, user, now, address } = auth.staff;
  const fields: Record<string, string> = {};
  const next: { key: string; locale: Locale; value: string | null }[] = [];
  // Per text: which languages changed. A text reworded in one language only must be confirmed.
  const changedByKey = new Map<string, Locale[]>();
  for (const locale of routing.locales) {
    const current = readOverrides(db, locale);
    for (const key of EDITABLE_TEXTS) {
      const raw = fd.get(`${key}|${locale}`);
      if (typeof raw !== "string") return fail("invalid");
      const value = raw.replace(/\r\n?/g, "\n").trim();
      const problem = textProblem(key, locale, value);
      if (problem) fields[`${key}|${locale}`] = problem;
      const stored = value === defaultText(key, locale) ? null : value;
      if (stored !== (current.get(key) ?? null)) {
        next.push({ key, locale, value: stored });
        changedByKey.set(key, [...(changedByKey.get(key) ?? []), locale]);
      }
    }
  }
  if (Object.keys(fields).length) return fail("invalid", { fields });
  const oneSided = [...changedByKey.values()].find((langs) => langs.length === 1);
  if (oneSided && fd.get("confirm_one_sided") !== "on") return fail("one-sided", { changed: oneSided });
  staffWrite(
    db,
    () => {
      for (const c of next) {
        if (c.value === null) db.prepare("DELETE FROM ui_texts WHERE key = ? AND locale = ?").run(c.key, c.locale);
        else
          db.prepare("INSERT INTO ui_texts (key, locale, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key, locale) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by").run(
            c.key,
            c.locale,
            c.value,
            now,
            user.email,
          );
      }
    },
    () => (next.length ? { at: now, userId: user.id, actor: user.email, action: "texts.update", detail: { keys: next.map((c) => `${c.key} (${c.locale})`) }, address } : null),
  );
  refresh();
  return { ok: true, savedAt: now };
}
