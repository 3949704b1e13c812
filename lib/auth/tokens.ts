/** Random secrets for cookies, setup links and recovery codes; only their SHA-256 is stored. */
import { createHash, randomBytes, randomInt } from "node:crypto";

/** 32 random bytes, URL-safe (sessions and setup links). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

// No 0/O, 1/I/L: read off paper and typed on a phone.
const CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** A recovery code like "k7m2p-x9qrt" (50 bits). */
export function recoveryCode(): string {
  const pick = () => Array.from({ length: 5 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  return `${pick()}-${pick()}`;
}

/** What people type: any case, spaces or a missing hyphen. */
export function normalizeRecoveryCode(input: string): string {
  const bare = input.toLowerCase().replace(/[\s-]/g, "");
  return bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
}
