import { test } from "@playwright/test";
import { createStaff, signIn } from "@/tests/e2e/support/staff";

test.use({ baseURL: "http://127.0.0.1:3161" });
test("shots", async ({ browser }) => {
  const admin = await createStaff("admin", "Ana Admin");
  for (const [name, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
    const ctx = await browser.newContext({ viewport, baseURL: "http://127.0.0.1:3161" });
    const page = await ctx.newPage();
    await page.goto("/es/admin/sign-in");
    await page.screenshot({ path: `/tmp/sb/a-${name}-signin-es.png`, fullPage: true });
    await signIn(page, admin, { locale: "es", code: (await import("@/tests/e2e/support/staff")).codeFor(admin, name === "phone" ? 0 : 1) });
    for (const p of ["/es/admin", "/es/admin/alerts/new", "/es/admin/content/guide/into-mexico", "/es/admin/content/guide/into-mexico/revisions", "/es/admin/users", "/en/admin/audit", "/en/admin/alerts"]) {
      await page.goto(p);
      await page.screenshot({ path: `/tmp/sb/a-${name}${p.replace(/\//g, "_")}.png`, fullPage: name === "phone" ? false : true });
    }
    await ctx.close();
  }
});
