/** A1 and A2 of reliability.md: how passwords are stored and which ones are accepted. */
import { describe, expect, it } from "vitest";
import { ARGON2_PARAMS, hashPassword, passwordProblem, PASSWORD_MAX, spendVerifyTime, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("stores Argon2id with OWASP's parameters (m ≥ 19456 KiB, t ≥ 2, p ≥ 1) and a random salt", async () => {
    const phc = await hashPassword("correct horse battery staple");
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
    expect(m, phc).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(m![2])).toBeGreaterThanOrEqual(2);
    expect(Number(m![3])).toBeGreaterThanOrEqual(1);
    expect(ARGON2_PARAMS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await hashPassword("correct horse battery staple")).not.toBe(phc);
  });

  it("verifies the right password in under 500 ms on this machine, and only the right one", async () => {
    const phc = await hashPassword("correct horse battery staple");
    const started = performance.now();
    expect(await verifyPassword(phc, "correct horse battery staple")).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
    expect(await verifyPassword(phc, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(phc, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("never trims, truncates or normalizes: spaces and long tails count", async () => {
    const long = `${"x".repeat(100)} tail one`;
    const phc = await hashPassword(long);
    expect(await verifyPassword(phc, `${"x".repeat(100)} tail two`)).toBe(false);
    const spaced = await hashPassword("  spaces around  ");
    expect(await verifyPassword(spaced, "spaces around")).toBe(false);
    const composed = await hashPassword("contraseña muy larga");
    expect(await verifyPassword(composed, "contrasen\u0303a muy larga")).toBe(false);
  });

  it("takes time for unknown accounts too (a dummy verification)", async () => {
    const started = performance.now();
    await spendVerifyTime("whatever");
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});

describe("password rules (no composition rules)", () => {
  it.each([
    ["1234567", "too-short"],
    ["abcdefg", "too-short"],
    ["ñandú7", "too-short"],
    ["password", "common"],
    ["PassWord", "common"],
    ["qwertyuiop", "common"],
    ["iloveyou", "common"],
    ["sunshine", "common"],
    ["smartborder", "common"],
    ["x".repeat(PASSWORD_MAX + 1), "too-long"],
  ])("%j is refused: %s", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each([
    "tortilla lunes",
    "all lowercase words here",
    "ZZZZ tt rr 19",
    "xk8#vR2!",
    "niño en la línea",
    "🙂🙃🙂🙃🙂🙃🙂🙃",
    "y".repeat(64),
    "z".repeat(PASSWORD_MAX),
  ])("%j is accepted (8 to 256 characters, any characters)", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it("counts characters, not bytes (8 emoji pass, 7 do not)", () => {
    expect(passwordProblem("🙂".repeat(7))).toBe("too-short");
    expect(passwordProblem("🙂".repeat(8))).toBeNull();
  });

  it("refuses the account's own e-mail in the password", () => {
    expect(passwordProblem("maria.lopez@example.org", "maria.lopez@example.org")).toBe("contains-email");
    expect(passwordProblem("maria.lopez2026", "maria.lopez@example.org")).toBe("contains-email");
    expect(passwordProblem("lunes de garita", "maria.lopez@example.org")).toBeNull();
  });
});
