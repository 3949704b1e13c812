import { chromium } from "@playwright/test";
const base = "http://localhost:3161";
const [vpName, ...pages] = process.argv.slice(2);
const vp = vpName === "phone" ? { width: 390, height: 844 } : { width: 1280, height: 900 };
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await browser.newContext({ viewport: vp, deviceScaleFactor: 1 });
const page = await ctx.newPage();
for (const p of pages) {
  await page.goto(base + p, { waitUntil: "networkidle" });
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  const seg = 1200;
  for (let y = 0, i = 0; y < h && i < 8; y += seg, i++) {
    const file = `/tmp/sb/s-${vpName}-${p.replace(/[^a-z0-9]+/gi, "_").slice(0, 40)}-${i}.png`;
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width: vp.width, height: Math.min(seg, h - y) } });
    console.log(file);
  }
}
await browser.close();
