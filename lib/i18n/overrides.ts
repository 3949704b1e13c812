/** Staff wording for the editable interface texts (lib/admin/ui-texts.ts), read per request so a change shows at once. */
import "server-only";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/routing";
import { log } from "@/lib/log";

export function readOverrides(db: Db, locale: Locale): Map<string, string> {
  const rows = db.prepare("SELECT key, value FROM ui_texts WHERE locale = ?").all(locale) as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Never lets a database problem take the page down: the defaults are always there. */
export function textOverrides(locale: Locale): Map<string, string> {
  if (process.env.NEXT_PHASE === "phase-production-build") return new Map();
  try {
    return readOverrides(getDb(), locale);
  } catch (error) {
    log.warn("ui_texts.unreadable", { message: String((error as Error).message) });
    return new Map();
  }
}
