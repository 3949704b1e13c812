/**
 * The one place that reads the staff session from a request (the data-access layer the Next.js
 * data-security guide asks for). Every admin page and every server action calls it itself;
 * proxy.ts does nothing for authorization.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb, type Db } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { readSession, SESSION_COOKIE, type Session } from "@/lib/auth/session";
import { roleAllows, type Role, type StaffUser } from "@/lib/auth/users";
import type { Locale } from "@/lib/i18n/routing";

export interface Staff {
  db: Db;
  user: StaffUser;
  session: Session;
  address: string;
  now: number;
}

export type AuthError = "unauthenticated" | "forbidden" | "cross-site";
export type Authorized = { ok: true; staff: Staff } | { ok: false; error: AuthError };

export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/**
 * Refuses requests another site made the browser send (ASVS 3.5; reliability.md A9). Next.js also
 * compares Origin with Host for server actions; this check stands on its own so it holds even if
 * that one changes, and also refuses same-site (sibling subdomain) requests.
 */
export async function isSameOrigin(): Promise<boolean> {
  const h = await headers();
  const site = h.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = h.get("origin");
  if (origin === null) return site === "same-origin";
  const host = h.get("x-forwarded-host") ?? h.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The signed-in staff member (both factors), or null. */
export async function currentStaff(now = Date.now()): Promise<Staff | null> {
  const db = getDb();
  const session = readSession(db, await sessionToken(), now);
  if (!session || session.stage !== "full") return null;
  return { db, user: session.user, session, address: await clientAddress(), now };
}

/** For server actions: checks origin, session and role, in that order, and never throws. */
export async function authorize(need: Role): Promise<Authorized> {
  if (!(await isSameOrigin())) return { ok: false, error: "cross-site" };
  const staff = await currentStaff();
  if (!staff) return { ok: false, error: "unauthenticated" };
  if (!roleAllows(staff.user.role, need)) return { ok: false, error: "forbidden" };
  return { ok: true, staff };
}

/** For admin pages: no session → the sign-in page (back here afterwards); too low a role → 403. */
export async function requireStaff(need: Role, locale: Locale, path: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/${locale}/admin/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`);
  if (!roleAllows(staff.user.role, need)) forbidden();
  return staff;
}
