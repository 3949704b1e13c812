/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s), the staff second factor.
 * Any authenticator app reads the otpauth:// address from the QR code on the setup page.
 */
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_S = 30;
const ISSUER = "Smart Border SD-TJ";

function totp(secret: string, email: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: email, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_S });
}

/** A new shared secret, 160 bits (RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The code an authenticator shows at `now` (tests and the setup drill). */
export function totpCode(secret: string, now: number): string {
  return totp(secret, "x").generate({ timestamp: now });
}

/**
 * The time step the code belongs to, or null. One step of clock drift either way is accepted;
 * a step at or before `lastStep` is refused, so each code works once (ASVS 6.5.1).
 */
export function acceptTotp(secret: string, code: string, now: number, lastStep: number | null): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, "x").validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD_S) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}
