/**
 * `npm run admin:create -- --email … --name … [--locale es]`: the first admin account (there are
 * no default accounts). Prints a one-time setup link (24 h) where that person chooses a password
 * and links an authenticator app. Once an admin exists, people are added on the People page.
 * `--reset <email>`: a new setup link for an existing account (the last admin lost their phone).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeAllDatabases, getDb } from "@/lib/db/client";
import { audit } from "@/lib/auth/audit";
import { countAdmins, createUser, credentialsByEmail, resetCredentials, StaffEmail, StaffName } from "@/lib/auth/users";
import { setupLink } from "@/lib/admin/links";
import { routing } from "@/lib/i18n/routing";

const USAGE = `Usage: npm run admin:create -- --email EMAIL --name "NAME" [--locale en|es]
       npm run admin:create -- --reset EMAIL [--locale en|es]`;

const Args = z.union([
  z.object({ email: StaffEmail, name: StaffName, locale: z.enum(routing.locales).default("en") }).strict(),
  z.object({ reset: StaffEmail, locale: z.enum(routing.locales).default("en") }).strict(),
]);

function main(): number {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { email: { type: "string" }, name: { type: "string" }, locale: { type: "string" }, reset: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const args = Args.safeParse({ ...values });
  if (!args.success) {
    console.error(USAGE);
    return 2;
  }
  const db = getDb();
  const now = Date.now();
  if ("reset" in args.data) {
    const user = credentialsByEmail(db, args.data.reset);
    if (!user) {
      console.error(`No staff account has the e-mail ${args.data.reset}.`);
      return 1;
    }
    const token = db.transaction(() => {
      const t = resetCredentials(db, user.id, now);
      audit(db, { at: now, userId: null, actor: "admin:create (command line)", action: "user.reset", target: `user/${user.id}`, detail: { email: user.email } });
      return t;
    }).immediate();
    console.log(`${user.email}'s password and second factor no longer work. Setup link (one use, 24 hours):\n${setupLink(args.data.locale, token)}`);
    return 0;
  }
  if (countAdmins(db) > 0) {
    console.error("An admin already exists: add people on the admin's People page (/en/admin/users). To recover a locked-out admin, use --reset EMAIL.");
    return 1;
  }
  const { email, name, locale } = args.data;
  const created = db.transaction(() => {
    const c = createUser(db, { email, name, role: "admin" }, now);
    audit(db, { at: now, userId: null, actor: "admin:create (command line)", action: "user.create", target: `user/${c.id}`, detail: { email, role: "admin" } });
    return c;
  }).immediate();
  console.log(`Admin account created for ${email}. Open this setup link (one use, 24 hours) to choose a password and link an authenticator app:\n${setupLink(locale, created.setupToken)}`);
  return 0;
}

try {
  process.exitCode = main();
} finally {
  closeAllDatabases();
}
