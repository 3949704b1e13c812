/**
 * The staff admin's server actions, called the way Next.js calls them (request headers and cookies
 * through next/headers) against a real database:
 * - the manifest check (reliability.md A8, A9): every "use server" export, admin page and admin route
 *   handler is listed in tests/support/admin-manifest.ts, and every protected action refuses no
 *   session, an expired one, one without its second factor, too low a role and a cross-site request,
 *   with no change to the database, while the same call with the right session goes through;
 * - what the actions do when allowed: sign-in in two steps, publishing, one-sided edits, restore.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));

vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (opts: string | { name: string }) => void request.cookies.delete(typeof opts === "string" ? opts : opts.name),
  }),
}));

class Interrupt extends Error {
  constructor(
    readonly kind: "redirect" | "forbidden" | "notFound",
    readonly url?: string,
  ) {
    super(`${kind} ${url ?? ""}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Interrupt("redirect", url);
  },
  forbidden: () => {
    throw new Interrupt("forbidden");
  },
  notFound: () => {
    throw new Interrupt("notFound");
  },
}));
vi.mock("next/cache", () => ({ refresh: () => undefined }));

import { ADMIN_PAGES, ADMIN_ROUTES, SERVER_ACTIONS } from "@/tests/support/admin-manifest";
import { getDb, type Db } from "@/lib/db/client";
import { INITIAL_STATE, type ActionState } from "@/lib/admin/result";
import { hashPassword } from "@/lib/auth/password";
import { createSession, SESSION_COOKIE } from "@/lib/auth/session";
import { newTotpSecret, totpCode, TOTP_PERIOD_S } from "@/lib/auth/totp";
import { completeSetup, countAdmins, createInvite, createUser, roleAllows } from "@/lib/auth/users";
import { readSeedFiles } from "@/lib/content/seed-files";
import { getItem, writeItem } from "@/lib/content/store";
import { getAlert, listActiveAlerts, saveAlert } from "@/lib/alerts/store";
import { listAudit } from "@/lib/auth/audit";
import { dataToYaml, instantToPacific } from "@/lib/admin/forms";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { defaultText, EDITABLE_TEXTS } from "@/lib/admin/ui-texts";

import { resetEnvForTests } from "@/lib/env";

// The actions open the database under DATA_DIR on first use: a fresh one for this file.
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "sb-actions-"));
resetEnvForTests();

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

const ROOT = process.cwd();
const ORIGIN = "https://border.example";
const PASSWORD = "a long and private phrase";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [path.relative(ROOT, full)] : [];
  });
}
const CODE = ["app", "lib", "components"].flatMap((d) => sourceFiles(path.join(ROOT, d)));

async function discoverActions(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  for (const file of CODE.filter((f) => /["']use server["']/.test(readFileSync(f, "utf8")))) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.set(`${file}#${name}`, value as Action);
  }
  return found;
}

// ---- a database with people and things to act on -----------------------------------------------

let db: Db;
const people = {} as Record<"admin" | "editor" | "other", { id: number; email: string; secret: string }>;
let alertId: number;
const SEED = readSeedFiles(path.join(ROOT, "content"));
const guide = SEED.find((i) => i.kind === "guide")!;

async function makePerson(role: "admin" | "editor", email: string) {
  const { id, setupToken } = createUser(db, { email, name: email.split("@")[0]!, role }, Date.now());
  const secret = newTotpSecret();
  completeSetup(db, { token: setupToken, passwordHash: await hashPassword(PASSWORD), totpSecret: secret, totpStep: 0, now: Date.now() });
  return { id, email, secret };
}

beforeAll(async () => {
  db = getDb();
  people.admin = await makePerson("admin", "admin@example.org");
  people.editor = await makePerson("editor", "editor@example.org");
  people.other = await makePerson("editor", "other@example.org");
  writeItem(db, guide, { author: "seed", origin: "seed", now: Date.now() });
  writeItem(db, { ...guide, title: { ...guide.title, en: `${guide.title.en} (2)` } }, { author: "seed", origin: "seed", now: Date.now() });
  alertId = saveAlert(db, null, { titleEn: "Lane closed", titleEs: "Carril cerrado", bodyEn: "Until noon.", bodyEs: "Hasta el mediodía.", startsAt: Date.now(), status: "published" }, { author: "cli", now: Date.now() })!;
  saveAlert(db, alertId, { titleEn: "Lane closed again", titleEs: "Carril cerrado otra vez", bodyEn: "Until noon.", bodyEs: "Hasta el mediodía.", startsAt: Date.now(), status: "published" }, { author: "cli", now: Date.now() });
});

type Who = "none" | "expired" | "password-only" | "editor" | "admin";

function asRequest(who: Who, opts: { crossSite?: boolean } = {}): void {
  request.cookies.clear();
  request.headers = new Headers({ host: "border.example", origin: opts.crossSite ? "https://evil.example" : ORIGIN, "sec-fetch-site": opts.crossSite ? "cross-site" : "same-origin", [CLIENT_ADDRESS_HEADER]: "203.0.113.7" });
  const now = Date.now();
  const session = (userId: number, stage: "password" | "full", createdAt: number) => createSession(db, { userId, stage, now: createdAt });
  if (who === "expired") request.cookies.set(SESSION_COOKIE, session(people.admin.id, "full", now - 9 * 3600_000));
  if (who === "password-only") request.cookies.set(SESSION_COOKIE, session(people.admin.id, "password", now));
  if (who === "editor") request.cookies.set(SESSION_COOKIE, session(people.editor.id, "full", now));
  if (who === "admin") request.cookies.set(SESSION_COOKIE, session(people.admin.id, "full", now));
}

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
}

/** Inputs that would succeed for an allowed caller, so a refusal can only come from the checks. */
function validForm(key: string): FormData {
  const starts = instantToPacific(Date.now());
  switch (key.split("#")[1]) {
    case "saveAlertAction":
      return form({ id: String(alertId), revision: String(getAlert(db, alertId)!.revision), locale: "en", title_en: "Edited", title_es: "Editado", body_en: "Body", body_es: "Texto", severity: "warning", starts, ends: "", intent: "publish" });
    case "restoreAlertRevision":
      return form({ id: String(alertId), revision: "1", locale: "en" });
    case "saveContentAction": {
      const g = getItem(db, guide.kind, guide.key)!;
      return form({ kind: g.kind, key: g.key, revision: String(g.revision), locale: "en", intent: "publish", title_en: "T en", title_es: "T es", summary_en: g.summary.en, summary_es: g.summary.es, slug_en: g.slug.en, slug_es: g.slug.es, body_en: g.body.en, body_es: g.body.es, data: dataToYaml(g.data) });
    }
    case "restoreContentRevision":
      return form({ kind: guide.kind, key: guide.key, revision: "1", locale: "en" });
    case "saveUiTextsAction":
      return form({
        ...Object.fromEntries(EDITABLE_TEXTS.flatMap((k) => (["en", "es"] as const).map((l) => [`${k}|${l}`, defaultText(k, l)]))),
        "Home.title|en": `Border waits right now ${Math.random()}`,
        "Home.title|es": `La línea ahorita ${Math.random()}`,
      });
    case "changePasswordAction":
      // The same password again (allowed): the other tests keep signing in with it.
      return form({ current: PASSWORD, password: PASSWORD, confirm: PASSWORD });
    case "newRecoveryCodesAction":
      return form({ current: PASSWORD });
    case "createUserAction":
      return form({ email: `new-${Math.random()}@example.org`, name: "New Person", role: "editor", locale: "en" });
    case "updateUserAction":
      return form({ op: "role", id: String(people.other.id), role: "admin", locale: "en" });
    default:
      throw new Error(`no valid form for ${key}`);
  }
}

/** Everything that matters in the database, except sessions (reading an expired one deletes it). */
function snapshot(): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'content_search%' AND name <> 'staff_sessions'").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

async function call(action: Action, fd: FormData): Promise<ActionState | Interrupt> {
  try {
    return await action(INITIAL_STATE, fd);
  } catch (error) {
    if (error instanceof Interrupt) return error;
    throw error;
  }
}

// ---- the manifest -------------------------------------------------------------------------------

describe("manifest of server actions, admin pages and admin routes", () => {
  it("lists every server action in the code, and nothing that no longer exists", async () => {
    const found = [...(await discoverActions()).keys()].sort();
    expect(found).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });

  it("lists every admin page, and each protected page checks the role it is listed with", () => {
    const pages = CODE.filter((f) => /^app\/\[locale\]\/admin\/.*page\.tsx$|^app\/\[locale\]\/admin\/page\.tsx$/.test(f)).sort();
    expect(pages).toEqual(Object.keys(ADMIN_PAGES).sort());
    for (const [file, page] of Object.entries(ADMIN_PAGES)) {
      const source = readFileSync(file, "utf8");
      if (page.access === "public") expect(source, file).not.toMatch(/requireStaff\(/);
      else expect(source, file).toMatch(new RegExp(`requireStaff\\("${page.access}"`));
    }
  });

  it("lists every route handler under an admin path (there are none: changes go through server actions)", () => {
    const routes = CODE.filter((f) => /\/admin\//.test(f) && /\/route\.tsx?$/.test(f)).sort();
    expect(routes).toEqual(Object.keys(ADMIN_ROUTES).sort());
  });
});

describe("every protected action refuses what it must, and changes nothing", () => {
  const protectedActions = Object.entries(SERVER_ACTIONS).filter(([, v]) => v.access !== "public") as [string, { access: "editor" | "admin" }][];
  let actions: Map<string, Action>;
  beforeAll(async () => {
    actions = await discoverActions();
  });

  it.each(protectedActions)("%s", async (key, { access }) => {
    const action = actions.get(key)!;
    const refusals: [string, Who, { crossSite?: boolean }, string][] = [
      ["no session", "none", {}, "unauthenticated"],
      ["expired session", "expired", {}, "unauthenticated"],
      ["password but no second factor", "password-only", {}, "unauthenticated"],
      ["cross-site request with a valid admin session", "admin", { crossSite: true }, "cross-site"],
    ];
    if (access === "admin") refusals.push(["an editor's session", "editor", {}, "forbidden"]);
    for (const [label, who, opts, error] of refusals) {
      asRequest(who, opts);
      const before = snapshot();
      const result = await call(action, validForm(key));
      expect(result, `${key}: ${label}`).toEqual({ ok: false, error });
      expect(snapshot(), `${key}: ${label} changed the database`).toBe(before);
    }
    // The control: the same call by someone allowed goes through (a saved state or a redirect).
    asRequest(access);
    const before = snapshot();
    const result = await call(action, validForm(key));
    if (!(result instanceof Interrupt)) expect(result, key).toMatchObject({ ok: true });
    else expect(result.kind).toBe("redirect");
    expect(snapshot()).not.toBe(before);
  });
});

describe("roles", () => {
  it("editors edit; admins also manage people", () => {
    expect(roleAllows("editor", "editor")).toBe(true);
    expect(roleAllows("editor", "admin")).toBe(false);
    expect(roleAllows("admin", "editor")).toBe(true);
    expect(roleAllows("admin", "admin")).toBe(true);
  });
});

// ---- the public actions -------------------------------------------------------------------------

describe("sign-in", () => {
  let actions: Map<string, Action>;
  beforeAll(async () => {
    actions = await discoverActions();
  });
  const signIn = () => actions.get("lib/admin/actions/auth.ts#signIn")!;
  const verify = () => actions.get("lib/admin/actions/auth.ts#verifySecondFactor")!;
  beforeEach(() => db.prepare("DELETE FROM auth_failures").run());

  it("gives the same answer for an unknown e-mail and a wrong password, and opens no session", async () => {
    asRequest("none");
    const unknown = await call(signIn(), form({ email: "nobody@example.org", password: PASSWORD, locale: "en" }));
    const wrong = await call(signIn(), form({ email: people.editor.email, password: "not the password", locale: "en" }));
    expect(unknown).toEqual({ ok: false, error: "credentials" });
    expect(wrong).toEqual(unknown);
    expect(request.cookies.size).toBe(0);
  });

  it("a right password alone opens only the second step; the code then replaces the session with a new one", async () => {
    asRequest("none");
    request.cookies.set(SESSION_COOKIE, "planted-by-someone-else");
    const first = await call(signIn(), form({ email: people.editor.email.toUpperCase(), password: PASSWORD, locale: "es" }));
    expect(first).toMatchObject({ kind: "redirect", url: "/es/admin/sign-in/verify?next=%2Fes%2Fadmin" });
    const pending = request.cookies.get(SESSION_COOKIE)!;
    expect(pending).not.toBe("planted-by-someone-else");
    // The pending session is not a signed-in one: protected actions still refuse it.
    const refused = await call(actions.get("lib/admin/actions/alerts.ts#saveAlertAction")!, validForm("x#saveAlertAction"));
    expect(refused).toEqual({ ok: false, error: "unauthenticated" });
    const code = totpCode(people.editor.secret, Date.now() + TOTP_PERIOD_S * 1000);
    const second = await call(verify(), form({ code, locale: "es", next: "/es/admin/alerts" }));
    expect(second).toMatchObject({ kind: "redirect", url: "/es/admin/alerts" });
    const full = request.cookies.get(SESSION_COOKIE)!;
    expect(full).not.toBe(pending);
    // The same code does not work twice.
    await call(signIn(), form({ email: people.editor.email, password: PASSWORD, locale: "en" }));
    expect(await call(verify(), form({ code, locale: "en" }))).toEqual({ ok: false, error: "code" });
  });

  it("a recovery code works once instead of the app", async () => {
    const { setupToken } = createUser(db, { email: "codes@example.org", name: "Codes", role: "editor" }, Date.now());
    const done = completeSetup(db, { token: setupToken, passwordHash: await hashPassword(PASSWORD), totpSecret: newTotpSecret(), totpStep: 0, now: Date.now() })!;
    for (const expected of ["redirect", "code"]) {
      asRequest("none");
      await call(signIn(), form({ email: "codes@example.org", password: PASSWORD, locale: "en" }));
      const result = await call(verify(), form({ code: done.recoveryCodes[0]!.toUpperCase().replace("-", " "), locale: "en" }));
      expect(result instanceof Interrupt ? result.kind : (result as ActionState).error).toBe(expected);
    }
    expect(listAudit(db, { limit: 5, actor: "codes@example.org" }).map((e) => e.action)).toContain("sign-in");
  });

  it("refuses the next attempt after five failures, even with the right password, then lets it through after the wait", async () => {
    asRequest("none");
    for (let i = 0; i < 5; i++) await call(signIn(), form({ email: people.other.email, password: `wrong ${i}`, locale: "en" }));
    const throttled = await call(signIn(), form({ email: people.other.email, password: PASSWORD, locale: "en" }));
    expect(throttled).toMatchObject({ ok: false, error: "throttled" });
    expect((throttled as ActionState).retryAfterS).toBeGreaterThanOrEqual(1);
    db.prepare("UPDATE auth_failures SET at = at - 2000").run();
    expect(await call(signIn(), form({ email: people.other.email, password: PASSWORD, locale: "en" }))).toMatchObject({ kind: "redirect" });
  });

  it("never sends anyone off the site after sign-in", async () => {
    for (const next of ["https://evil.example/", "//evil.example", "/en/admin/../../x", "/en/admin/sign-in", "javascript:alert(1)"]) {
      asRequest("none");
      await call(signIn(), form({ email: people.editor.email, password: PASSWORD, locale: "en" }));
      db.prepare("UPDATE staff_users SET totp_last_step = 0").run();
      const result = await call(verify(), form({ code: totpCode(people.editor.secret, Date.now()), locale: "en", next }));
      expect(result, next).toMatchObject({ kind: "redirect", url: "/en/admin" });
    }
  });

  it("sign-out deletes the session; a cross-site sign-out is refused", async () => {
    const signOut = actions.get("lib/admin/actions/auth.ts#signOut")!;
    asRequest("editor", { crossSite: true });
    const token = request.cookies.get(SESSION_COOKIE)!;
    expect(await call(signOut, form({ locale: "en" }))).toEqual({ ok: false, error: "cross-site" });
    request.headers.set("origin", ORIGIN);
    request.headers.set("sec-fetch-site", "same-origin");
    expect(await call(signOut, form({ locale: "en" }))).toMatchObject({ kind: "redirect", url: "/en/admin/sign-in?signedOut=1" });
    expect(request.cookies.has(SESSION_COOKIE)).toBe(false);
    request.cookies.set(SESSION_COOKIE, token);
    expect(await call(actions.get("lib/admin/actions/alerts.ts#saveAlertAction")!, validForm("x#saveAlertAction"))).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("a setup link works once, sets the password and second factor, and returns ten recovery codes", async () => {
    const setup = actions.get("lib/admin/actions/auth.ts#completeSetup")!;
    const { id } = createUser(db, { email: "new@example.org", name: "New", role: "editor" }, Date.now());
    const token = createInvite(db, id, Date.now());
    const secret = newTotpSecret();
    const fields = { token, secret, password: "lunes en la garita", confirm: "lunes en la garita", code: totpCode(secret, Date.now()) };
    asRequest("none", { crossSite: true });
    expect(await call(setup, form(fields))).toEqual({ ok: false, error: "cross-site" });
    asRequest("none");
    expect(await call(setup, form({ ...fields, password: "password", confirm: "password" }))).toMatchObject({ ok: false, fields: { password: "password.common" } });
    expect(await call(setup, form({ ...fields, code: "000000" }))).toMatchObject({ ok: false, fields: { code: "code" } });
    const done = (await call(setup, form(fields))) as ActionState;
    expect(done.ok).toBe(true);
    expect(done.recoveryCodes).toHaveLength(10);
    expect(await call(setup, form(fields))).toEqual({ ok: false, error: "expired-link" });
  });
});

// ---- editing ------------------------------------------------------------------------------------

describe("editing and restoring", () => {
  let actions: Map<string, Action>;
  beforeAll(async () => {
    actions = await discoverActions();
  });

  it("publishing a bilingual alert puts it in force at once; a later start schedules it", async () => {
    const save = actions.get("lib/admin/actions/alerts.ts#saveAlertAction")!;
    asRequest("editor");
    const fields = { id: "new", locale: "es", title_en: "Otay Mesa: cargo lanes closed", title_es: "Otay Mesa: carriles de carga cerrados", body_en: "Until 14:00.", body_es: "Hasta las 14:00.", severity: "critical", ports: "otay-mesa", starts: instantToPacific(Date.now() - 60_000), ends: "", intent: "publish" };
    const created = await call(save, form(fields));
    expect(created).toMatchObject({ kind: "redirect" });
    const id = Number(/alerts\/(\d+)/.exec((created as Interrupt).url!)![1]);
    expect(listActiveAlerts(db, { now: Date.now(), port: "otay-mesa" }).map((a) => a.id)).toContain(id);
    expect(listActiveAlerts(db, { now: Date.now(), port: "tecate" }).map((a) => a.id)).not.toContain(id);
    await call(save, form({ ...fields, id: String(id), revision: "1", starts: instantToPacific(Date.now() + 3600_000) }));
    // A form opened before that save is refused rather than overwriting it.
    expect(await call(save, form({ ...fields, id: String(id), revision: "1" }))).toEqual({ ok: false, error: "stale" });
    expect(listActiveAlerts(db, { now: Date.now(), port: "otay-mesa" }).map((a) => a.id)).not.toContain(id);
    expect(listActiveAlerts(db, { now: Date.now() + 3600_000 + 60_000, port: "otay-mesa" }).map((a) => a.id)).toContain(id);
    expect(getAlert(db, id)!.revision).toBe(2);
  });

  it("both languages are required, and a published edit of one language alone must be confirmed", async () => {
    const save = actions.get("lib/admin/actions/content.ts#saveContentAction")!;
    asRequest("editor");
    const g = getItem(db, guide.kind, guide.key)!;
    const rev = () => String(getItem(db, guide.kind, guide.key)!.revision);
    const base = { kind: g.kind, key: g.key, locale: "en", title_en: g.title.en, title_es: g.title.es, summary_en: g.summary.en, summary_es: g.summary.es, slug_en: g.slug.en, slug_es: g.slug.es, body_en: g.body.en, body_es: g.body.es, data: dataToYaml(g.data) };
    expect(await call(save, form({ ...base, revision: rev(), title_es: "  ", intent: "publish" }))).toMatchObject({ ok: false, error: "invalid", fields: { title_es: "required" } });
    expect(await call(save, form({ ...base, revision: rev(), body_en: `${g.body.en}\n\nOne more line.`, intent: "publish" }))).toEqual({ ok: false, error: "one-sided", changed: ["en"] });
    expect(await call(save, form({ ...base, revision: rev(), body_en: `${g.body.en}\n\nOne more line.`, intent: "draft" }))).toMatchObject({ ok: true, savedStatus: "draft" });
    // Publishing that draft unchanged is still an English-only change to what the public saw.
    expect(await call(save, form({ ...base, revision: rev(), body_en: `${g.body.en}\n\nOne more line.`, intent: "publish" }))).toEqual({ ok: false, error: "one-sided", changed: ["en"] });
    expect(await call(save, form({ ...base, revision: rev(), body_en: `${g.body.en}\n\nOne more line.`, intent: "publish", confirm_one_sided: "on" }))).toMatchObject({ ok: true, savedStatus: "published" });
    expect(await call(save, form({ ...base, revision: rev(), data: "verified: [unclosed", intent: "publish" }))).toMatchObject({ ok: false, fields: { data: "yaml" } });
    expect(await call(save, form({ ...base, revision: rev(), data: "order: -1", intent: "publish" }))).toMatchObject({ ok: false, error: "invalid" });
  });

  it("restoring a revision brings its text back as a new revision, keeps the history and records who did it", async () => {
    const restore = actions.get("lib/admin/actions/content.ts#restoreContentRevision")!;
    asRequest("editor");
    const before = getItem(db, guide.kind, guide.key)!;
    const result = await call(restore, form({ kind: guide.kind, key: guide.key, revision: "1", locale: "en" }));
    expect(result).toMatchObject({ kind: "redirect", url: `/en/admin/content/guide/${guide.key}?restored=1` });
    const after = getItem(db, guide.kind, guide.key)!;
    expect(after.revision).toBe(before.revision + 1);
    expect(after.title).toEqual(guide.title);
    expect(after.body).toEqual(guide.body);
    expect(after.origin).toBe("staff");
    const entry = listAudit(db, { limit: 1 })[0]!;
    expect(entry).toMatchObject({ actor: "editor@example.org", action: "content.restore", target: `guide/${guide.key}`, address: "203.0.113.7" });
    expect(after.status).toBe(before.status);
    // Restoring brings the text back, not the old publication state: a withdrawn alert stays withdrawn.
    const alertRestore = actions.get("lib/admin/actions/alerts.ts#restoreAlertRevision")!;
    const a = getAlert(db, alertId)!;
    saveAlert(db, alertId, { titleEn: a.title.en, titleEs: a.title.es, bodyEn: a.body.en, bodyEs: a.body.es, startsAt: a.startsAt, status: "draft" }, { author: "test", now: Date.now() });
    await call(alertRestore, form({ id: String(alertId), revision: "1", locale: "en" }));
    expect(getAlert(db, alertId)).toMatchObject({ title: { en: "Lane closed" }, status: "draft" });
    expect(await call(restore, form({ kind: guide.kind, key: guide.key, revision: "999", locale: "en" }))).toEqual({ ok: false, error: "not-found" });
  });

  it("admins cannot demote or disable themselves, so an admin always remains; they can change others", async () => {
    const update = actions.get("lib/admin/actions/users.ts#updateUserAction")!;
    asRequest("admin");
    expect(await call(update, form({ op: "disable", id: String(people.admin.id), locale: "en" }))).toEqual({ ok: false, error: "self" });
    expect(await call(update, form({ op: "role", id: String(people.admin.id), role: "editor", locale: "en" }))).toEqual({ ok: false, error: "self" });
    const other = await makePerson("admin", `other-admin-${Date.now()}@example.org`);
    expect(await call(update, form({ op: "role", id: String(other.id), role: "editor", locale: "en" }))).toMatchObject({ ok: true });
    expect(await call(update, form({ op: "disable", id: String(other.id), locale: "en" }))).toMatchObject({ ok: true });
    expect(db.prepare("SELECT role, disabled_at IS NOT NULL AS disabled FROM staff_users WHERE id = ?").get(other.id)).toEqual({ role: "editor", disabled: 1 });
    expect(countAdmins(db)).toBeGreaterThanOrEqual(1);
  });
});

