// `npm run lighthouse [-- baseUrl [page ...]]`: Lighthouse 12 mobile runs (simulated throttling) on
// every public page in both languages against a running production server (`npm start`, or
// dev:offline). Pages may be narrowed, e.g. `npm run lighthouse -- http://127.0.0.1:3159 /dashboard /methodology`.
// Prints one line per page (scores, LCP, TBT, JavaScript transferred), then a Markdown table, and
// exits 1 when a page is under the targets in the README.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const base = process.argv[2] ?? `http://127.0.0.1:${process.env.PORT ?? 3107}`;
const ALL_PAGES = [
  "",
  "/ports/san-ysidro",
  "/ports/otay-mesa",
  "/ports/tecate",
  "/ports/cross-border-xpress",
  "/ports/otay-mesa-east",
  "/dashboard",
  "/methodology",
  "/developers",
  "/guides",
  "/guides/into-the-us-by-car",
  "/plan?dir=north&mode=car&us=2&usDocs=passport-card&usMinor=1&usMinorDocs=birth-certificate",
  "/about",
  "/meetings",
  "/initiatives",
  "/initiatives/otay-mesa-east",
  "/announcements",
  "/search?q=sentri",
];
// Guides and initiatives have an address per language; the English one redirects there.
const IN_SPANISH = { "/guides/into-the-us-by-car": "/guides/en-auto-a-estados-unidos", "/initiatives/otay-mesa-east": "/initiatives/garita-otay-mesa-este" };
const pathIn = (locale, p) => (locale === "es" ? (IN_SPANISH[p] ?? p) : p);
const only = process.argv.slice(3).map((p) => (p === "/" ? "" : p));
const unknown = only.filter((p) => !ALL_PAGES.includes(p));
if (unknown.length) {
  console.error(`Unknown page(s) ${unknown.join(", ")}; expected some of: ${ALL_PAGES.map((p) => p || "/").join(" ")}`);
  process.exit(2);
}
const PAGES = only.length ? ALL_PAGES.filter((p) => only.includes(p)) : ALL_PAGES;
const TARGET = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
// The dashboard draws every lane's charts: its performance target is 90 (issue Speed item).
const PAGE_TARGET = { "/dashboard": { performance: 90 } };
const targetOf = (page) => ({ ...TARGET, ...PAGE_TARGET[page] });

/** JavaScript bytes over the wire (transfer size, i.e. compressed) and request count. */
function javascriptOf(lhr) {
  const summary = lhr.audits["resource-summary"]?.details?.items?.find((i) => i.resourceType === "script");
  // Cross-check with the request list: same-origin and third-party scripts, compressed bytes.
  const requests = (lhr.audits["network-requests"]?.details?.items ?? []).filter((r) => r.resourceType === "Script");
  const fromRequests = requests.reduce((n, r) => n + (r.transferSize ?? 0), 0);
  const uncompressed = requests.reduce((n, r) => n + (r.resourceSize ?? 0), 0);
  return {
    jsKB: Math.round((summary?.transferSize ?? fromRequests) / 1024),
    jsRequests: summary?.requestCount ?? requests.length,
    jsKBUncompressed: Math.round(uncompressed / 1024),
  };
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const rows = [];
try {
  for (const locale of ["en", "es"]) {
    for (const p of PAGES) {
      const url = `${base}/${locale}${pathIn(locale, p)}`;
      let { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
      // A run that fails outright (a Chrome hiccup, reported as runtimeError) is retried once.
      if (lhr.runtimeError) {
        console.error(`retrying ${url}: ${lhr.runtimeError.code}`);
        ({ lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" }));
      }
      const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]));
      const failedAudits = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      rows.push({
        url,
        page: p || "/",
        locale,
        ...scores,
        LCP: lhr.audits["largest-contentful-paint"].displayValue,
        TBT: lhr.audits["total-blocking-time"].displayValue,
        ...javascriptOf(lhr),
        target: targetOf(p),
        failedAudits,
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
} finally {
  await chrome.kill();
}
fs.mkdirSync("test-results", { recursive: true });
fs.writeFileSync("test-results/lighthouse.json", JSON.stringify(rows, null, 2));
console.log("\n| Page | Lang | Performance (target) | A11y / BP / SEO | LCP | TBT | JS transferred |\n|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.page} | ${r.locale} | ${r.performance} (≥ ${r.target.performance}) | ${r.accessibility} / ${r["best-practices"]} / ${r.seo} | ${r.LCP} | ${r.TBT} | ${r.jsKB} KB in ${r.jsRequests} files (${r.jsKBUncompressed} KB uncompressed) |`,
  );
}
const under = rows.filter((r) => Object.entries(r.target).some(([k, v]) => r[k] < v));
if (under.length) {
  console.error(`Under target: ${under.map((r) => r.url).join(", ")}`);
  process.exitCode = 1;
}
