/** A10: the second factor. RFC 6238 codes, one step of drift, each code once. */
import { describe, expect, it } from "vitest";
import { acceptTotp, newTotpSecret, totpCode, totpUri, TOTP_PERIOD_S } from "@/lib/auth/totp";

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", as base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const STEP = TOTP_PERIOD_S * 1000;

describe("TOTP", () => {
  it("matches RFC 6238's SHA-1 test vectors (last 6 digits)", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe("005924");
    expect(totpCode(RFC_SECRET, 20_000_000_000_000)).toBe("353130");
  });

  it("accepts the current code and one step either side, nothing further", () => {
    const now = 1_800_000_000_000;
    const secret = newTotpSecret();
    expect(acceptTotp(secret, totpCode(secret, now), now, null)).toBe(Math.floor(now / STEP));
    expect(acceptTotp(secret, totpCode(secret, now - STEP), now, null)).not.toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now + STEP), now, null)).not.toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now - 3 * STEP), now, null)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now + 3 * STEP), now, null)).toBeNull();
  });

  it("a code works once: its step, and any earlier one, is refused after use", () => {
    const now = 1_800_000_000_000;
    const secret = newTotpSecret();
    const step = acceptTotp(secret, totpCode(secret, now), now, null)!;
    expect(acceptTotp(secret, totpCode(secret, now), now + 1000, step)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now - STEP), now + 1000, step)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now + STEP), now + STEP, step)).toBe(step + 1);
  });

  it("ignores spaces and refuses anything but six digits", () => {
    const now = 1_800_000_000_000;
    const secret = newTotpSecret();
    const code = totpCode(secret, now);
    expect(acceptTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).not.toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}0`]) expect(acceptTotp(secret, bad, now, null)).toBeNull();
  });

  it("new secrets are 160 random bits, and the otpauth address names the site and the account", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    expect(totpUri(a, "ana@example.org")).toMatch(/^otpauth:\/\/totp\/Smart%20Border%20SD-TJ:ana%40example\.org\?.*secret=/);
  });
});
