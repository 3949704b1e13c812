/** A4, A6 and A7: sessions live in the database, end on time, and a sign-out deletes them. */
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/lib/db/client";
import { ABSOLUTE_MS, createSession, deleteSession, deleteUserSessions, IDLE_MS, PENDING_MS, pruneSessions, readSession } from "@/lib/auth/session";
import { sha256 } from "@/lib/auth/tokens";
import { createUser, completeSetup, setDisabled } from "@/lib/auth/users";

const T0 = Date.UTC(2026, 11, 5, 16);
const MIN = 60_000;
let db: Db;
let userId: number;

beforeEach(() => {
  db = openDatabase(":memory:");
  const { id, setupToken } = createUser(db, { email: "ana@example.org", name: "Ana", role: "editor" }, T0);
  completeSetup(db, { token: setupToken, passwordHash: "$argon2id$x", totpSecret: "A".repeat(32), totpStep: 0, now: T0 });
  userId = id;
});

describe("sessions", () => {
  it("keeps only the SHA-256 of the token, and every sign-in gets a new random token", () => {
    const a = createSession(db, { userId, stage: "full", now: T0 });
    const b = createSession(db, { userId, stage: "full", now: T0 });
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(43);
    const stored = db.prepare("SELECT token_hash FROM staff_sessions").pluck().all() as string[];
    expect(stored).toContain(sha256(a));
    expect(stored).not.toContain(a);
  });

  it("ends after 30 minutes without a request (idle timeout)", () => {
    const token = createSession(db, { userId, stage: "full", now: T0 });
    expect(readSession(db, token, T0 + IDLE_MS - 1)).not.toBeNull();
    // That read counted as activity: the clock starts again from it.
    expect(readSession(db, token, T0 + 2 * IDLE_MS - 2)).not.toBeNull();
    expect(readSession(db, token, T0 + 3 * IDLE_MS + MIN)).toBeNull();
    expect(db.prepare("SELECT count(*) FROM staff_sessions").pluck().get()).toBe(0);
  });

  it("ends 8 hours after sign-in however active (absolute timeout)", () => {
    const token = createSession(db, { userId, stage: "full", now: T0 });
    for (let t = T0; t < T0 + ABSOLUTE_MS; t += 10 * MIN) expect(readSession(db, token, t), `at +${(t - T0) / MIN} min`).not.toBeNull();
    expect(readSession(db, token, T0 + ABSOLUTE_MS)).toBeNull();
    expect(ABSOLUTE_MS).toBe(8 * 3600_000);
    expect(IDLE_MS).toBe(30 * MIN);
  });

  it("a password-only session lasts 5 minutes and is never a signed-in one", () => {
    const token = createSession(db, { userId, stage: "password", now: T0 });
    expect(readSession(db, token, T0 + PENDING_MS - 1)?.stage).toBe("password");
    expect(readSession(db, token, T0 + PENDING_MS)).toBeNull();
  });

  it("sign-out deletes the row: the same token then finds nothing", () => {
    const token = createSession(db, { userId, stage: "full", now: T0 });
    deleteSession(db, token);
    expect(readSession(db, token, T0 + 1)).toBeNull();
    expect(db.prepare("SELECT count(*) FROM staff_sessions").pluck().get()).toBe(0);
  });

  it("a disabled account's sessions stop working at once; a password change can end them all", () => {
    const a = createSession(db, { userId, stage: "full", now: T0 });
    const b = createSession(db, { userId, stage: "full", now: T0 });
    expect(deleteUserSessions(db, userId)).toBe(2);
    const c = createSession(db, { userId, stage: "full", now: T0 });
    setDisabled(db, userId, true, T0 + 1);
    for (const token of [a, b, c]) expect(readSession(db, token, T0 + 2)).toBeNull();
  });

  it("refuses junk tokens without touching the database", () => {
    expect(readSession(db, undefined, T0)).toBeNull();
    expect(readSession(db, "", T0)).toBeNull();
    expect(readSession(db, "x".repeat(5000), T0)).toBeNull();
  });

  it("housekeeping removes what can no longer be used", () => {
    createSession(db, { userId, stage: "password", now: T0 });
    createSession(db, { userId, stage: "full", now: T0 });
    const fresh = createSession(db, { userId, stage: "full", now: T0 + IDLE_MS });
    expect(pruneSessions(db, T0 + IDLE_MS + 1)).toBe(2);
    expect(readSession(db, fresh, T0 + IDLE_MS + 2)).not.toBeNull();
  });
});
