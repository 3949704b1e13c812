/**
 * Staff edits are few and precious: they are written with synchronous=FULL, so a power cut right
 * after "Saved" cannot lose them (reliability.md D1); the poller's frequent writes keep NORMAL.
 * The change and its audit entry commit together.
 */
import type { Db } from "@/lib/db/client";
import { audit, type AuditInput } from "@/lib/auth/audit";

export function staffWrite<T>(db: Db, change: () => T, entry: (result: T) => AuditInput | null): T {
  db.pragma("synchronous = FULL");
  try {
    return db.transaction(() => {
      const result = change();
      const e = entry(result);
      if (e) audit(db, e);
      return result;
    }).immediate();
  } finally {
    db.pragma("synchronous = NORMAL");
  }
}
