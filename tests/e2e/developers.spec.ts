import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { openApiChecker } from "../support/openapi-check";
import { resetFake, waitForFreshData } from "./support/fake";

test.beforeAll(async ({ request }) => {
  await resetFake(request);
  await waitForFreshData(request);
});

const messages = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as { Developers: Record<string, string> };

for (const locale of ["en", "es"] as const) {
  test(`developers (${locale}): every endpoint of the OpenAPI document, with a curl example that works and its real answer`, async ({ page, request, context }, info) => {
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, { get: { parameters?: { name: string }[] } }> };
    const check = openApiChecker(doc);
    await page.goto(`/${locale}/developers`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages(locale).Developers.title!);

    const sections = page.getByTestId("endpoint");
    await expect(sections).toHaveCount(Object.keys(doc.paths).length);
    expect((await sections.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.path))).sort()).toEqual(Object.keys(doc.paths).sort());

    for (const section of await sections.all()) {
      const template = (await section.getAttribute("data-path"))!;
      // Each documented parameter is explained.
      await expect(section.getByTestId("parameter")).toHaveCount(doc.paths[template]!.get.parameters?.length ?? 0);
      // The example is a real command against this server, and the server answers it as the page says.
      const curl = (await section.getByTestId("curl").innerText()).trim();
      const url = /^curl -s '([^']+)'$/.exec(curl)?.[1];
      expect(url, curl).toBeTruthy();
      const res = await request.get(new URL(url!).pathname + new URL(url!).search);
      expect(res.status(), url).toBe(200);
      const type = res.headers()["content-type"] ?? null;
      const body = type?.startsWith("application/json") ? await res.json() : await res.text();
      expect(check(template, res.status(), type, body), url).toEqual([]);
      const sample = section.getByTestId("sample");
      if ((await sample.count()) > 0) {
        await section.locator("summary").click();
        await expect(section.locator("summary")).toContainText("200");
        const text = await sample.innerText();
        if (type?.startsWith("application/json")) expect(() => JSON.parse(text)).not.toThrow();
        else expect(text.split("\n")[0]).toBe((body as string).split(/\r?\n/)[0]);
      }
    }

    // The copy button puts the exact command on the clipboard.
    if (info.project.name === "desktop") {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const first = sections.first();
      await first.getByRole("button", { name: messages(locale).Developers.copy! }).click();
      await expect(first.getByRole("status")).toHaveText(messages(locale).Developers.copied!);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await first.getByTestId("curl").innerText()).trim());
    }
  });
}
