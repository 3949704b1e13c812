import { expect, test } from "@playwright/test";
import { waitForFreshData } from "./support/fake";

test.beforeAll(async ({ request }) => {
  await waitForFreshData(request);
});

test("/ sends Spanish readers to /es and others to /en", async ({ browser, request }) => {
  for (const [browserLocale, target] of [
    ["es-MX", "/es"],
    ["en-US", "/en"],
    ["fr-FR", "/en"],
  ] as const) {
    // Playwright derives Accept-Language from the context locale.
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await context.close();
  }
  const res = await request.get("/", { headers: { "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" }, maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toMatch(/\/es$/);
});

test("the language switch keeps the page", async ({ page }) => {
  await page.goto("/en/ports/tecate");
  await page.getByTestId("locale-switch").click();
  await expect(page).toHaveURL(/\/es\/ports\/tecate$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByTestId("locale-switch")).toHaveText("English");
  await page.getByTestId("locale-switch").click();
  await expect(page).toHaveURL(/\/en\/ports\/tecate$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the language switch on the home page", async ({ page }) => {
  await page.goto("/es");
  await page.getByTestId("locale-switch").click();
  await expect(page).toHaveURL(/\/en$/);
});

for (const [path, locale, text] of [
  ["/en/ports/nowhere", "en", "We could not find that page"],
  ["/es/ports/nowhere", "es", "No encontramos esa página"],
  ["/en/some/unknown/path", "en", "We could not find that page"],
  ["/es/pagina-inexistente", "es", "No encontramos esa página"],
] as const) {
  test(`localized 404 for ${path}`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
    // The language switch still works on a 404.
    await expect(page.getByTestId("locale-switch")).toBeVisible();
  });
}

for (const path of ["/fr", "/fr/ports/tecate", "/de-DE"]) {
  test(`unsupported locale ${path} is a 404`, async ({ request }) => {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status()).toBe(404);
  });
}

test("titles and hreflang alternates are per language", async ({ page }) => {
  await page.goto("/es/ports/san-ysidro");
  await expect(page).toHaveTitle(/San Ysidro: tiempos de espera ahora/);
  await expect(page.locator('link[rel=alternate][hreflang="en"]')).toHaveAttribute("href", /\/en\/ports\/san-ysidro$/);
  await expect(page.locator('link[rel=alternate][hreflang="es"]')).toHaveAttribute("href", /\/es\/ports\/san-ysidro$/);
});
