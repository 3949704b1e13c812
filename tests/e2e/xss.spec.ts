import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { XSS_CORPUS } from "../support/xss-corpus";
import { watchCsp } from "./support/csp";
import { startOwnServer } from "./support/own-server";

// A server of its own whose content is the XSS corpus (reliability.md I1): as a guide (in
// headings, lists, tables and text) and an announcement, in English and Spanish. Chromium loads
// the pages; no vector may run, no javascript: link may exist, and CSP stays quiet because
// nothing even tries.
const PORT = Number(process.env.E2E_XSS_PORT ?? 3127);
const BASE = `http://127.0.0.1:${PORT}`;
let server: { stop: () => void } | undefined;

const yaml = (v: unknown) => JSON.stringify(v); // JSON is YAML
const body = XSS_CORPUS.map((v, i) => (i % 4 === 0 ? `## ${v}` : i % 4 === 1 ? `- ${v}` : i % 4 === 2 ? `| a |\n|---|\n| ${v} |` : v)).join("\n\n");

function writeContent(dir: string) {
  const item = (folder: string, meta: Record<string, unknown>, front: (l: string) => Record<string, unknown>) => {
    const d = path.join(dir, folder);
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, "meta.yaml"), Object.entries(meta).map(([k, v]) => `${k}: ${yaml(v)}`).join("\n"));
    for (const l of ["en", "es"])
      writeFileSync(path.join(d, `${l}.md`), `---\n${Object.entries(front(l)).map(([k, v]) => `${k}: ${yaml(v)}`).join("\n")}\n---\n${body}\n`);
  };
  const sources = [{ label: "<script>window.__xss=100</script>", url: "https://example.com/" }];
  item("guides/xss", { order: 1, verified: "2026-12-05", direction: "both", ports: ["tecate"], faq: false, status: "published" }, (l) => ({
    slug: `xss-${l}`,
    title: `<img src=x onerror=window.__xss=101> ${l}`,
    summary: "<svg onload=window.__xss=102>",
    sources,
  }));
  item("announcements/xss", { date: "2026-12-05", ports: [], status: "published" }, () => ({ title: "<script>window.__xss=103</script>", summary: "[x](javascript:window.__xss=104)", sources }));
  const timeline = XSS_CORPUS.slice(0, 6).map((v, i) => ({ date: `2026-0${i + 1}`, en: v, es: v, source: "https://example.com/" }));
  item("initiatives/xss", { order: 1, ports: ["tecate"], timeline, status: "published" }, (l) => ({
    slug: `xss-${l}`,
    // Also in the page's JSON-LD, where "</script>" would end the data block if not escaped.
    title: `</script><script>window.__xss=105</script> ${l}`,
    summary: "<b onmouseover=window.__xss=106>",
    problem: body,
    solution: body,
    enablers: body,
    sources,
  }));
  item(
    "meetings/xss",
    {
      type: "stakeholder",
      starts: "2030-01-10T08:30:00-08:00",
      ends: "2030-01-10T10:30:00-08:00",
      city: "tijuana",
      venue: { name: "<img src=x onerror=window.__xss=107>", address: "</script><script>window.__xss=108</script>" },
      materials: [{ url: "https://example.com/", en: "<svg onload=window.__xss=109>", es: "<svg onload=window.__xss=109>" }],
      status: "published",
    },
    () => ({ title: "</script><script>window.__xss=110</script>", summary: "<img src=x onerror=window.__xss=111>" }),
  );
}

test.beforeAll(async () => {
  const contentDir = mkdtempSync(path.join(os.tmpdir(), "smart-border-xss-content-"));
  writeContent(contentDir);
  server = await startOwnServer(PORT, { CONTENT_DIR: contentDir, CBP_POLL_SECONDS: "60" });
});

test.afterAll(() => {
  server?.stop();
});

for (const url of ["/en/guides/xss-en", "/es/guides/xss-es", "/en/announcements", "/es/announcements", "/en/initiatives/xss-en", "/es/initiatives", "/en/meetings", "/es/meetings", "/en/search?q=script", "/es/guides"]) {
  test(`no XSS vector runs on ${url}`, async ({ page }) => {
    const csp = await watchCsp(page);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const res = await page.goto(BASE + url);
    expect(res?.status()).toBe(200);
    // Hover and focus every element a vector could hang a handler on (not click: links would leave).
    // (Dispatching the events is enough: no layout or scrolling needed, so every element is cheap.)
    await page.locator("main a, main li, main td, main h1, main h2, main h3, main p, main b").evaluateAll((els) => {
      for (const el of els) for (const type of ["mouseover", "mouseenter", "focus", "toggle"]) el.dispatchEvent(new Event(type, { bubbles: true }));
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of hrefs) expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    expect(await page.locator("main script:not([type='application/ld+json']), main iframe, main svg, main img, main object, main embed, main form:not([role=search])").count()).toBe(0);
    // The text is shown as text: the reader sees the vector, the browser never parses it.
    if (url.includes("guides/xss")) await expect(page.locator("h1")).toContainText("<img src=x onerror=");
    if (url.includes("initiatives/xss")) await expect(page.locator("h1")).toContainText("</script><script>");
    // Structured data stays data: every block parses as JSON.
    for (const block of await page.locator('script[type="application/ld+json"]').allTextContents()) expect(() => JSON.parse(block)).not.toThrow();
    expect(csp, "CSP violations: nothing even tried to run").toEqual([]);
  });
}
