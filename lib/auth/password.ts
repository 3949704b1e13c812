/**
 * Staff passwords: Argon2id with OWASP's parameters (reliability.md A1) and the length and
 * breached-list rules of ASVS 6.2 / NIST 800-63B (A2). No composition rules; the password is
 * never trimmed, truncated or otherwise changed.
 */
import { hash, verify } from "@node-rs/argon2";
import common from "@zxcvbn-ts/language-common/src/passwords.json" with { type: "json" };

/** OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1. */
// 2 is Algorithm.Argon2id; the package's const enum cannot be imported under isolatedModules.
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
/** Well above ASVS's 64; the bound only keeps a megabyte "password" from costing a hash. */
export const PASSWORD_MAX = 256;

/**
 * About 49,000 passwords seen most often in breaches (zxcvbn-ts's list, which includes every
 * top-3000 list we know of), plus words anyone guessing at this site would try first.
 */
const SITE_WORDS = ["smartborder", "smart border", "sanysidro", "san ysidro", "otaymesa", "tijuana", "sandiego", "garita", "frontera", "border123", "password1!"];
const COMMON = new Set<string>([...(common as string[]), ...SITE_WORDS].map((p) => p.toLowerCase()));

export type PasswordProblem = "too-short" | "too-long" | "common" | "contains-email";

/** What is wrong with a new password, or null. Length counts characters (code points), not bytes. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "too-short";
  if (length > PASSWORD_MAX) return "too-long";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "common";
  const local = email?.split("@")[0]?.toLowerCase();
  if (email && (lower === email.toLowerCase() || (local && local.length >= 4 && lower.includes(local)))) return "contains-email";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash, so that an unknown e-mail costs the same time as a wrong
 * password and the answer's timing does not tell which accounts exist.
 */
export async function spendVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword(`no such account ${Math.random()}`);
  await verifyPassword(await dummy, password);
}
