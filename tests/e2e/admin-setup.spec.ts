/**
 * Once per run (desktop): the very first admin, from the command line to a working account; that
 * admin inviting an editor who sets up in Spanish; hostile text through every editor field; and an
 * online backup taken while the server polls every second.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { totpCode, TOTP_PERIOD_S } from "@/lib/auth/totp";
import { watchCsp } from "@/tests/e2e/support/csp";
import { projectServers } from "@/tests/e2e/support/project";
import { createStaff, signIn } from "@/tests/e2e/support/staff";
import { XSS_CORPUS } from "@/tests/support/xss-corpus";
import es from "@/messages/es.json" with { type: "json" };

/** Where staff text is drawn: alert notices, Markdown, the revision comparison, the editor previews. */
const STAFF_TEXT = "[data-testid=alert-notice], .prose, [data-testid=revision-diff], [data-testid^=preview-], main h1, main table";

const TSX = ["node_modules/.bin/tsx", "--conditions=react-server"];
function cli(script: string, args: string[]): string {
  return execFileSync(TSX[0]!, [TSX[1]!, script, ...args], { env: { ...process.env, DATA_DIR: projectServers().dataDir, SITE_URL: "https://border.example" }, encoding: "utf8" });
}

async function setUpThroughLink(page: Page, link: string, password: string): Promise<{ secret: string; codes: string[] }> {
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByRole("img", { name: /QR/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.locator("#password").fill(password);
  await page.locator("#confirm").fill(password);
  await page.locator("#code").fill(totpCode(secret, Date.now()));
  await page.getByTestId("setup-form").locator("button[type=submit]").click();
  await expect(page.getByTestId("setup-done")).toBeVisible();
  const codes = await page.getByTestId("recovery-code").allTextContents();
  return { secret, codes };
}

test("the first admin comes from the command line, sets up with a second factor, and invites an editor who sets up in Spanish", async ({ page, browser, baseURL }) => {
  const csp = await watchCsp(page);
  const out = cli("lib/cli/admin-create.ts", ["--email", "first.admin@example.org", "--name", "First Admin"]);
  const link = /https:\/\/border\.example(\/en\/admin\/setup\?token=\S+)/.exec(out)![0];
  // A second run refuses: later people are added in the admin.
  expect(() => cli("lib/cli/admin-create.ts", ["--email", "second@example.org", "--name", "Second"])).toThrow();

  // A common password is refused before anything is saved.
  await page.goto(new URL(link).pathname + new URL(link).search);
  const secret0 = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.locator("#password").fill("iloveyou");
  await page.locator("#confirm").fill("iloveyou");
  await page.locator("#code").fill(totpCode(secret0, Date.now()));
  await page.getByTestId("setup-form").locator("button[type=submit]").click();
  await expect(page.locator("#password-error")).toBeVisible();

  const { secret, codes } = await setUpThroughLink(page, link, "first admin's long phrase");
  expect(codes).toHaveLength(10);
  // The link worked once.
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByTestId("setup-invalid")).toBeVisible();

  // Sign in: the code must be a new one (the setup used the current step).
  await page.goto("/en/admin/sign-in");
  await page.locator("#email").fill("first.admin@example.org");
  await page.locator("#password").fill("first admin's long phrase");
  await page.getByTestId("sign-in-form").locator("button[type=submit]").click();
  await page.locator("#code").fill(totpCode(secret, Date.now() + TOTP_PERIOD_S * 1000));
  await page.getByTestId("verify-form").locator("button[type=submit]").click();
  await expect(page).toHaveURL(/\/en\/admin$/);

  // Invite an editor; the link is shown once to pass on.
  await page.goto("/en/admin/users");
  await page.locator("#new-name").fill("Elena Editora");
  await page.locator("#new-email").fill("elena@example.org");
  await page.locator("#new-role").selectOption("editor");
  await page.getByTestId("new-user").locator("button[type=submit]").click();
  const invite = (await page.getByTestId("setup-link-url").textContent())!;
  expect(invite).toMatch(/\/en\/admin\/setup\?token=/);

  const elena = await browser.newContext({ baseURL, locale: "es-MX" });
  const ep = await elena.newPage();
  const spanish = invite.replace("/en/admin/setup", "/es/admin/setup");
  await ep.goto(new URL(spanish).pathname + new URL(spanish).search);
  await expect(ep.locator("h1")).toHaveText(es.Admin.setup.heading);
  const done = await setUpThroughLink(ep, spanish, "la línea de los lunes");
  expect(done.codes).toHaveLength(10);
  await elena.close();

  // The admin sees all of it in the audit log.
  await page.goto("/en/admin/audit");
  const actions = await page.getByTestId("audit-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  for (const a of ["user.create", "account.setup", "sign-in"]) expect(actions).toContain(a);
  expect(csp).toEqual([]);
});

test("hostile text through every editor field renders inert in the previews, the history and the public pages", async ({ page }) => {
  const csp = await watchCsp(page);
  const editor = await createStaff("editor", "XSS Tester");
  await signIn(page, editor);
  const vectors = XSS_CORPUS.filter((_, i) => i % 3 === 0).join("\n\n");
  const line = XSS_CORPUS.slice(0, 12).join(" ").slice(0, 190);

  // An alert: titles and bodies in both languages.
  await page.goto("/en/admin/alerts/new");
  for (const l of ["en", "es"]) {
    await page.locator(`#title_${l}`).fill(line);
    await page.locator(`#body_${l}`).fill(vectors.slice(0, 4900));
  }
  await page.getByTestId("publish").click();
  await expect(page).toHaveURL(/\/en\/admin\/alerts\/\d+\?saved=1/);

  // A guide: title, summary and body in both languages, and a source label in the YAML details.
  await page.goto("/en/admin/content/guide/new");
  await page.locator("#key").fill("hostile-text");
  for (const l of ["en", "es"]) {
    await page.locator(`#title_${l}`).fill(line);
    await page.locator(`#summary_${l}`).fill(line);
    await page.locator(`#slug_${l}`).fill(`hostile-text-${l}`);
    await page.locator(`#body_${l}`).fill(vectors);
  }
  const yaml = await page.locator("#data").inputValue();
  await page.locator("#data").fill(yaml.replaceAll('label: ""', `label: ${JSON.stringify(line)}`).replaceAll("url: https://", "url: https://example.org/source"));
  await expect(page.getByTestId("preview-en")).toBeVisible();
  await page.getByTestId("publish").click();
  await expect(page).toHaveURL(/\/en\/admin\/content\/guide\/hostile-text\?saved=1/);
  // A second save, so the history has two versions to compare.
  await page.locator("#body_en").fill(`${vectors}\n\n${line}`);
  await page.locator("#body_es").fill(`${vectors}\n\n${line}`);
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("form-saved")).toBeVisible();

  for (const path of ["/en/admin/content/guide/hostile-text", "/en/admin/content/guide/hostile-text/revisions", "/en/admin/alerts", "/en", "/es", "/en/ports/san-ysidro", "/en/guides/hostile-text-en", "/es/guides/hostile-text-es", "/en/announcements"]) {
    await page.goto(path);
    await page.locator(`:is(${STAFF_TEXT}) :is(a, details, [onmouseover])`).evaluateAll((els) => els.forEach((el) => ["mouseover", "focus", "click"].forEach((t) => t !== "click" && el.dispatchEvent(new Event(t)))));
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
    expect(await page.locator(`:is(${STAFF_TEXT}) :is(script, iframe, object, embed, svg, img, form, style, meta, base)`).count(), path).toBe(0);
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)), path).toEqual([]);
  }
  expect(csp).toEqual([]);
});

test("an online backup taken while the server polls every second passes integrity_check", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sb-e2e-backup-"));
  const before = new Database(path.join(projectServers().dataDir, "smart-border.db"), { readonly: true });
  const polls = () => before.prepare("SELECT total_successes FROM poll_state").pluck().get() as number;
  const startPolls = polls();
  await expect.poll(polls, { timeout: 10_000 }).toBeGreaterThan(startPolls);
  const out = cli("lib/cli/backup.ts", [dir]);
  expect(out).toMatch(/integrity_check: ok/);
  const file = /Backup written to (\S+\.db)/.exec(out)![1]!;
  const copy = new Database(file, { readonly: true });
  expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
  expect(copy.prepare("SELECT count(*) FROM crossing_snapshot").pluck().get()).toBeGreaterThan(0);
  copy.close();
  before.close();
});
