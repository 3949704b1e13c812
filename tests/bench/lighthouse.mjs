// `npm run lighthouse [-- baseUrl]`: Lighthouse 12 mobile runs (simulated throttling) on every public
// page in both languages against a running production server (`npm start`, or dev:offline).
// Prints one line per page and exits 1 when a page is under the targets in the README.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const base = process.argv[2] ?? `http://127.0.0.1:${process.env.PORT ?? 3107}`;
const PAGES = ["", "/ports/san-ysidro", "/ports/otay-mesa", "/ports/tecate", "/ports/cross-border-xpress", "/ports/otay-mesa-east"];
const TARGET = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const rows = [];
try {
  for (const locale of ["en", "es"]) {
    for (const p of PAGES) {
      const url = `${base}/${locale}${p}`;
      let { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
      // A run that fails outright (a Chrome hiccup, reported as runtimeError) is retried once.
      if (lhr.runtimeError) {
        console.error(`retrying ${url}: ${lhr.runtimeError.code}`);
        ({ lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" }));
      }
      const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]));
      const js = lhr.audits["resource-summary"].details.items.find((i) => i.resourceType === "script");
      const failedAudits = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      rows.push({ url, ...scores, LCP: lhr.audits["largest-contentful-paint"].displayValue, TBT: lhr.audits["total-blocking-time"].displayValue, jsKB: Math.round((js?.transferSize ?? 0) / 1024), failedAudits });
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
} finally {
  await chrome.kill();
}
fs.mkdirSync("test-results", { recursive: true });
fs.writeFileSync("test-results/lighthouse.json", JSON.stringify(rows, null, 2));
const under = rows.filter((r) => Object.entries(TARGET).some(([k, v]) => r[k] < v));
if (under.length) {
  console.error(`Under target: ${under.map((r) => r.url).join(", ")}`);
  process.exitCode = 1;
}
