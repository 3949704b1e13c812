/**
 * The staff admin as an editor uses it (phone and desktop): sign in with the second factor,
 * publish an alert in both languages that shows on the public home and port pages, edit a guide,
 * restore an earlier revision, sign out, and find the old cookie worthless. Plus every admin page
 * refusing the wrong visitor, and axe and the CSP on the admin pages in both languages.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_PAGES } from "@/tests/support/admin-manifest";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { watchCsp } from "@/tests/e2e/support/csp";
import { codeFor, createStaff, expiredSessionToken, signIn } from "@/tests/e2e/support/staff";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an editor publishes a bilingual alert, edits a guide, restores a revision and signs out for good", async ({ page, browser, baseURL }, testInfo) => {
  const csp = await watchCsp(page);
  const editor = await createStaff("editor");
  const tag = `${testInfo.project.name}-${Date.now() % 100000}`;

  // The password alone opens only the second step.
  await page.goto("/en/admin/sign-in");
  await page.locator("#email").fill(editor.email);
  await page.locator("#password").fill(editor.password);
  await page.getByTestId("sign-in-form").locator("button[type=submit]").click();
  await expect(page).toHaveURL(/\/en\/admin\/sign-in\/verify/);
  await page.goto("/en/admin/alerts");
  await expect(page).toHaveURL(/\/en\/admin\/sign-in\?next=%2Fen%2Fadmin%2Falerts/);
  // A wrong code is refused; the right one signs in.
  await page.goto("/en/admin/sign-in/verify");
  await page.locator("#code").fill("000000");
  await page.getByTestId("verify-form").locator("button[type=submit]").click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await page.locator("#code").fill(codeFor(editor, 1));
  await page.getByTestId("verify-form").locator("button[type=submit]").click();
  await expect(page).toHaveURL(/\/en\/admin$/);
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });

  // A new alert, both languages, for San Ysidro.
  await page.goto("/en/admin/alerts/new");
  const en = `PedWest closed for repairs ${tag}`;
  const es = `PedWest cerrado por reparaciones ${tag}`;
  await page.locator("#title_en").fill(en);
  await page.locator("#body_en").fill("Use PedEast until further notice.");
  await expect(page.getByTestId("one-sided")).toBeVisible();
  await page.locator("#title_es").fill(es);
  await page.locator("#body_es").fill("Use PedEast hasta nuevo aviso.");
  await expect(page.getByTestId("one-sided")).toHaveCount(0);
  await page.locator("input[name=ports][value=san-ysidro]").check();
  await page.locator("input[name=severity][value=warning]").check();
  await expect(page.getByTestId("alert-preview-es")).toContainText(es);
  await expect(page.getByTestId("alert-preview-es")).toContainText(/advertencia/i);
  await page.getByTestId("publish").click();
  await expect(page).toHaveURL(/\/en\/admin\/alerts\/\d+\?saved=1/);
  await expect(page.getByTestId("state")).toHaveAttribute("data-state", "live");

  for (const [path, text] of [["/en", en], ["/es", es], ["/en/ports/san-ysidro", en], ["/es/ports/san-ysidro", es]] as const) {
    await page.goto(path);
    await expect(page.getByTestId("active-alerts"), path).toContainText(text);
  }
  await page.goto("/en/ports/tecate");
  await expect(page.getByText(en)).toHaveCount(0);

  // Edit a guide in both languages and publish.
  await page.goto("/en/admin/content/guide/into-mexico");
  const added = { en: `Checked again by staff ${tag}.`, es: `Revisado de nuevo por el equipo ${tag}.` };
  for (const l of ["en", "es"] as const) {
    const body = page.locator(`#body_${l}`);
    await body.fill(`${await body.inputValue()}\n\n${added[l]}`);
  }
  await expect(page.getByTestId("preview-es")).toContainText(added.es);
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("form-saved")).toBeVisible();
  await page.goto("/es/guides/entrar-a-mexico");
  await expect(page.locator("main")).toContainText(added.es);

  // Restore the revision before the edit: the added line is gone from the public page.
  await page.goto("/en/admin/content/guide/into-mexico/revisions");
  await expect(page.getByTestId("diff-added").first()).toBeVisible();
  const revisions = page.getByTestId("revision");
  const count = await revisions.count();
  await page.getByTestId(`restore-${count - 1}`).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/content/guide/into-mexico\\?restored=${count - 1}`));
  await expect(page.getByTestId("notice")).toBeVisible();
  await page.goto("/en/guides/into-mexico");
  await expect(page.locator("main")).not.toContainText(added.en);

  // A progress update for an initiative, added with the quick-add form instead of typing YAML.
  await page.goto("/en/admin/content/initiative/otay-mesa-east");
  const update = { en: `Coalition briefing held ${tag}`, es: `Se realizó la reunión informativa ${tag}` };
  await page.locator("#adder-date").fill("2026-12-01");
  await page.locator("#adder-text_en").fill(update.en);
  await page.locator("#adder-text_es").fill(update.es);
  await page.getByTestId("detail-adder").getByRole("button").click();
  await expect(page.locator("#data")).toHaveValue(new RegExp(update.es));
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("form-saved")).toBeVisible();
  await page.goto("/es/initiatives/garita-otay-mesa-este");
  await expect(page.locator("main")).toContainText(update.es);

  // Sign out; the old cookie no longer opens anything.
  await page.goto("/en/admin");
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/en\/admin\/sign-in\?signedOut=1/);
  await expect(page.getByTestId("signed-out")).toBeVisible();
  const replay = await browser.newContext({ baseURL });
  await replay.addCookies([{ ...cookie }]);
  const response = await replay.request.get("/en/admin/alerts", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/en/admin/sign-in");
  await replay.close();
  expect(csp).toEqual([]);
});

test("every admin page refuses the wrong visitor: no session, an expired one, an editor on admin pages", async ({ playwright, browser, baseURL }) => {
  const editor = await createStaff("editor", "Page Checker");
  const expired = expiredSessionToken(editor.email);
  const api = await playwright.request.newContext({ baseURL });
  const signInPage = await api.get("/en/admin/sign-in");
  expect(signInPage.status()).toBe(200);
  // The editor's cookie comes from signing in through the real forms.
  const ctx = await browser.newContext({ baseURL });
  await signIn(await ctx.newPage(), editor);
  const editorCookie = (await ctx.cookies()).find((c) => c.name === SESSION_COOKIE)!.value;
  await ctx.close();
  for (const [file, { path, access }] of Object.entries(ADMIN_PAGES)) {
    for (const locale of ["en", "es"]) {
      const url = `/${locale}${path}`;
      const anonymous = await api.get(url, { maxRedirects: 0, headers: { cookie: "" } });
      const old = await api.get(url, { maxRedirects: 0, headers: { cookie: `${SESSION_COOKIE}=${expired}` } });
      const asEditor = await api.get(url, { maxRedirects: 0, headers: { cookie: `${SESSION_COOKIE}=${editorCookie}` } });
      if (access === "public") {
        // The second step without a password step behind it sends back to the first.
        expect([200, 307], `${file} ${url}`).toContain(anonymous.status());
        expect(anonymous.headers()["x-robots-tag"]).toBe("noindex, nofollow");
        continue;
      }
      for (const [who, r] of [["no session", anonymous], ["expired session", old]] as const) {
        expect(r.status(), `${file} ${url} (${who})`).toBe(307);
        expect(r.headers().location, `${file} ${url} (${who})`).toContain(`/${locale}/admin/sign-in?next=`);
      }
      expect(asEditor.status(), `${file} ${url} (editor)`).toBe(access === "admin" ? 403 : 200);
      expect(asEditor.headers()["cache-control"], url).toContain("no-store");
    }
  }
  await api.dispose();
});

test("admin pages pass axe and the CSP in both languages", async ({ page }) => {
  const csp = await watchCsp(page);
  const admin = await createStaff("admin", "Axe Admin");
  for (const locale of ["en", "es"] as const) {
    await page.goto(`/${locale}/admin/sign-in`);
    await expectAccessible(page, `${locale} sign-in`);
  }
  await signIn(page, admin);
  for (const locale of ["en", "es"] as const) {
    for (const path of ["/admin", "/admin/alerts", "/admin/alerts/new", "/admin/content/guide", "/admin/content/guide/into-mexico", "/admin/content/guide/into-mexico/revisions", "/admin/content/meeting/new", "/admin/users", "/admin/audit", "/admin/texts", "/admin/account"]) {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("h1")).toBeVisible();
      await expect(page).toHaveTitle(/.+/);
      await expectAccessible(page, `${locale}${path}`);
    }
  }
  expect(csp).toEqual([]);
});
