/** A3: failed sign-ins slow down per account and stop per address, without a permanent lockout. */
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/lib/db/client";
import { accountDelayMs, ADDRESS_MAX_FAILURES, checkThrottle, clearAccountFailures, MAX_DELAY_MS, recordFailure, WINDOW_MS } from "@/lib/auth/throttle";

const T0 = Date.UTC(2026, 11, 5, 16);
let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
});

describe("per account", () => {
  it("four failures cost nothing; from the fifth, the wait doubles from 1 s up to 15 minutes", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 14, 15, 50].map(accountDelayMs)).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 512_000, MAX_DELAY_MS, MAX_DELAY_MS]);
    expect(MAX_DELAY_MS).toBe(15 * 60_000);
  });

  it("50 wrong passwords against one account: each attempt must wait its turn; the account works again after the window", () => {
    const keys = { account: "ana@example.org", address: "203.0.113.5" };
    let t = T0;
    let refused = 0;
    for (let attempt = 0; attempt < 50; attempt++) {
      const gate = checkThrottle(db, { ...keys, address: `198.51.100.${attempt}` }, t);
      if (!gate.ok) {
        refused++;
        expect(gate.scope).toBe("account");
        t += gate.retryAfterMs;
        continue;
      }
      recordFailure(db, { ...keys, address: `198.51.100.${attempt}` }, t);
      t += 100;
    }
    expect(refused).toBeGreaterThan(0);
    // Right after the last failure the owner must wait too, but never more than 15 minutes…
    const gate = checkThrottle(db, keys, t);
    expect(gate.ok ? 0 : gate.retryAfterMs).toBeLessThanOrEqual(MAX_DELAY_MS);
    // …and once the window has passed, the right password is checked again.
    expect(checkThrottle(db, keys, t + WINDOW_MS + 1)).toEqual({ ok: true });
  });

  it("unknown and existing e-mails are throttled alike (the answer tells nothing), ignoring case", () => {
    for (let i = 0; i < 5; i++) recordFailure(db, { account: "Nobody@Example.org", address: "a" }, T0 + i);
    expect(checkThrottle(db, { account: "nobody@example.org", address: "b" }, T0 + 10)).toMatchObject({ ok: false, scope: "account" });
  });

  it("a complete sign-in clears the account's count", () => {
    for (let i = 0; i < 6; i++) recordFailure(db, { account: "ana@example.org", address: "a" }, T0 + i);
    clearAccountFailures(db, "ANA@example.org");
    expect(checkThrottle(db, { account: "ana@example.org", address: "c" }, T0 + 10)).toEqual({ ok: true });
  });
});

describe("per address", () => {
  it("20 failures from one address across 10 accounts refuse that address for the rest of the window, not others", () => {
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) recordFailure(db, { account: `user${i % 10}@example.org`, address: "203.0.113.9" }, T0 + i * 1000);
    const now = T0 + ADDRESS_MAX_FAILURES * 1000;
    const gate = checkThrottle(db, { account: "fresh@example.org", address: "203.0.113.9" }, now);
    expect(gate).toMatchObject({ ok: false, scope: "address" });
    expect(!gate.ok && gate.retryAfterMs).toBeLessThanOrEqual(WINDOW_MS);
    expect(checkThrottle(db, { account: "fresh@example.org", address: "198.51.100.1" }, now)).toEqual({ ok: true });
    expect(checkThrottle(db, { account: "fresh@example.org", address: "203.0.113.9" }, T0 + WINDOW_MS + 1)).toEqual({ ok: true });
  });

  it("old failures are pruned as new ones arrive (the table does not grow without bound)", () => {
    for (let i = 0; i < 30; i++) recordFailure(db, { account: "a", address: "b" }, T0 + i);
    recordFailure(db, { account: "a", address: "b" }, T0 + WINDOW_MS + 100);
    expect(db.prepare("SELECT count(*) FROM auth_failures").pluck().get()).toBe(2);
  });
});
