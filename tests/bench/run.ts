/**
 * `npm run bench` (needs `npm run build` first). Every figure is measured next to its baseline in
 * the same run on the same machine, and printed as a Markdown table for the README.
 *
 * 1. Parse + validate + normalize a full feed vs a bare XML parse (and JSON.parse) of the same bytes.
 * 2. /api/v1/ports vs a static JSON file of the same size, both from the same production server.
 * 3. The poller under load: upstream fetches per poll interval while the API is hammered.
 * 4. `npm run history:import` of the shared archive (../shared/data/cbp-archive-sd) into a fresh file.
 * 5. Typical, forecast and 7-day-history API queries, the daily forecast refit and the dashboard
 *    over one year of simulated 5-minute readings (tests/bench/history-queries.ts).
 *
 * 6. Content: seeding a fresh database from content/, the check at each later start, and site
 *    search (FTS5) vs a plain LIKE scan of the same rows.
 *
 * 7. Staff admin: an Argon2id password check (OWASP parameters, a deliberate cost) vs a SHA-256 of
 *    the same password, and an online backup (SQLite backup API) of a 1-million-reading database vs
 *    a plain file copy of it (which would not be safe while the site writes).
 *
 * `npm run bench -- queries import` runs only the named sections (parse, import, queries,
 * single-flight, api, content, admin); with no names, all of them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { XMLParser } from "fast-xml-parser";
import { processFeed } from "@/lib/cbp";
import { decodeBody } from "@/lib/cbp/parse";
import { openDatabase } from "@/lib/db/client";
import { importHistory } from "@/lib/history/import";
import { Poller } from "@/lib/waits/poller";
import { saveSuccessfulPoll } from "@/lib/waits/store";
import { readAllPorts } from "@/lib/waits/read";
import { startFakeCbp } from "../fake-cbp/fake-cbp";
import { benchHistoryQueries } from "./history-queries";
import { readSeedFiles } from "@/lib/content/seed-files";
import { applySeed } from "@/lib/content/store";
import { searchContent } from "@/lib/content/search";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { backupDatabase } from "@/lib/db/backup";

const XML_FIXTURE = "tests/fixtures/cbp/bwt-xml_2026-01-15T181012Z_borderbuddy.xml";
const JSON_FIXTURE = "tests/fixtures/cbp/bwtnew_2026-08-31T034144Z_otrolado.json";
const SHARED_ARCHIVE = path.resolve("../shared/data/cbp-archive-sd");
const PORT = Number(process.env.BENCH_PORT ?? 3157);
const results: Record<string, unknown> = {};
const table: string[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Median times of two functions, run alternately so drift and GC pauses hit both alike. */
function timePair(a: () => unknown, b: () => unknown, runs: number): [number, number] {
  for (let i = 0; i < 30; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, out] of i % 2 === 0 ? ([[a, ta], [b, tb]] as const) : ([[b, tb], [a, ta]] as const)) {
      const t = process.hrtime.bigint();
      fn();
      out.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return [median(ta), median(tb)];
}

function benchParse(): void {
  const bare = new XMLParser({ ignoreAttributes: true, processEntities: false, parseTagValue: false });
  for (const [label, file, baseline] of [
    ["XML feed (81 crossings)", XML_FIXTURE, (b: Uint8Array) => bare.parse(decodeBody(b))],
    ["JSON feed (85 crossings)", JSON_FIXTURE, (b: Uint8Array) => JSON.parse(decodeBody(b))],
  ] as const) {
    const bytes = new Uint8Array(readFileSync(file));
    const now = Date.now();
    const [base, ours] = timePair(() => baseline(bytes), () => processFeed(bytes, now), 400);
    results[`parse:${label}`] = { bytes: bytes.byteLength, baselineMs: base, pipelineMs: ours, ratio: ours / base };
    table.push(`| ${label}, ${Math.round(bytes.byteLength / 1024)} KB | bare parse ${base.toFixed(2)} ms | parse + zod + normalize ${ours.toFixed(2)} ms | **${(ours / base).toFixed(2)}×** |`);
  }
}

async function waitFor(url: string, ok: (status: number) => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if (ok((await fetch(url)).status)) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${url}`);
}

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["lib/cli/serve.mjs"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(PORT), ...env },
    stdio: "ignore",
  });
}

async function load(url: string, seconds: number): Promise<{ rps: number; p50: number; p99: number; non2xx: number; errors: number }> {
  const r = await autocannon({ url, connections: 10, duration: seconds });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function benchApi(): Promise<void> {
  const fake = await startFakeCbp({ port: 0 });
  // The static twin: the same response body the API will serve for the same capture.
  const db = openDatabase(":memory:");
  const fetchedAt = Date.now();
  saveSuccessfulPoll(db, { fetchedAt, snapshot: processFeed(new Uint8Array(readFileSync(XML_FIXTURE)), fetchedAt).snapshot });
  const view = readAllPorts({ db, now: () => fetchedAt, staleSeconds: 900 });
  mkdirSync("public/bench", { recursive: true });
  const staticBody = JSON.stringify({ data: view.ports, meta: view.meta });
  writeFileSync("public/bench/ports.json", staticBody);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "smart-border-bench-"));
  const server = startServer({
    CBP_FEED_URL: `${fake.url}/xml/bwt.xml`,
    CBP_POLL_SECONDS: "2",
    DATA_DIR: dataDir,
    // One load generator is one client: a limit no bench reaches keeps the limiter's cost in the
    // numbers without refusing the load (the default would answer 429 after 300 requests).
    API_RATE_LIMIT_PER_MINUTE: "1000000000",
    API_RATE_BURST: "1000000000",
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/v1/ports`, (s) => s === 200);
    const apiBytes = (await (await fetch(`${base}/api/v1/ports`)).text()).length;
    const rounds: { api: Awaited<ReturnType<typeof load>>; file: Awaited<ReturnType<typeof load>> }[] = [];
    fake.resetHits();
    const loadStart = Date.now();
    // Alternate the two targets so drift on a shared machine hits both alike.
    for (let i = 0; i < 3; i++) {
      const file = await load(`${base}/bench/ports.json`, 8);
      const api = await load(`${base}/api/v1/ports`, 8);
      rounds.push({ api, file });
    }
    const loadSeconds = (Date.now() - loadStart) / 1000;
    const med = (pick: (r: (typeof rounds)[number]) => number) => median(rounds.map(pick));
    const api = { rps: med((r) => r.api.rps), p50: med((r) => r.api.p50), p99: med((r) => r.api.p99) };
    const file = { rps: med((r) => r.file.rps), p50: med((r) => r.file.p50), p99: med((r) => r.file.p99) };
    const failures = rounds.reduce((n, r) => n + r.api.non2xx + r.api.errors + r.file.non2xx + r.file.errors, 0);
    results.api = { apiBytes, staticBytes: staticBody.length, api, file, ratio: api.rps / file.rps, failures, rounds };
    table.push(
      `| GET /api/v1/ports (${Math.round(apiBytes / 1024)} KB) | static file ${Math.round(file.rps)} req/s, p50 ${file.p50} ms, p99 ${file.p99} ms | API ${Math.round(api.rps)} req/s, p50 ${api.p50} ms, p99 ${api.p99} ms | **${((api.rps / file.rps) * 100).toFixed(0)} %** of static (${failures} errors) |`,
    );
    // While ~48 s of load ran, the server polled the fake every 2 s: one fetch per interval.
    const intervals = loadSeconds / 2;
    results.pollerUnderLoad = { upstreamFetches: fake.hits, pollIntervals: intervals, loadSeconds };
    table.push(`| Poller while the API served ${Math.round(rounds.reduce((n, r) => n + r.api.rps * 8, 0)).toLocaleString("en-US")} requests | ${intervals.toFixed(1)} poll intervals of 2 s | ${fake.hits} upstream fetches | **${(fake.hits / intervals).toFixed(2)} per interval** |`);
  } finally {
    const exited = server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await fake.close();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchSingleFlight(): Promise<void> {
  const fake = await startFakeCbp({ port: 0, delayMs: 200 });
  const poller = new Poller({
    db: openDatabase(":memory:"),
    feedUrl: `${fake.url}/xml/bwt.xml`,
    intervalMs: 60_000,
    staleAfterMs: 900_000,
    timeoutMs: 5000,
    maxBytes: 2_000_000,
    breakerHalfOpenMs: 60_000,
  });
  const outcomes = await Promise.all(Array.from({ length: 1000 }, () => poller.poll()));
  results.singleFlight = { concurrentPolls: 1000, upstreamFetches: fake.hits, allOk: outcomes.every((o) => o.ok) };
  table.push(`| 1,000 concurrent poll() calls (upstream answers in 200 ms) | — | ${fake.hits} upstream fetch | **single flight** |`);
  await fake.close();
}

async function benchHistoryImport(): Promise<void> {
  if (!existsSync(SHARED_ARCHIVE)) {
    console.log(`Skipping the history import: ${SHARED_ARCHIVE} is missing.`);
    return;
  }
  // A file, not :memory:, so WAL writes and commits are part of the figure, as in production.
  const dir = mkdtempSync(path.join(os.tmpdir(), "smart-border-bench-history-"));
  const file = path.join(dir, "history.db");
  const db = openDatabase(file);
  try {
    const s = await importHistory(db, [SHARED_ARCHIVE]);
    db.close();
    const seconds = s.elapsedMs / 1000;
    const dbBytes = statSync(file).size;
    results.historyImport = { captures: s.captures, rejected: s.rejected.length, added: s.added, duplicates: s.duplicates, seconds, capturesPerSecond: s.capturesPerSecond, dbBytes };
    console.log(
      `History import of ${SHARED_ARCHIVE}: ${s.captures.toLocaleString("en-US")} captures (${s.rejected.length} rejected) in ${seconds.toFixed(1)} s = ${Math.round(s.capturesPerSecond).toLocaleString("en-US")} captures/s; ${s.added.toLocaleString("en-US")} readings added, ${(dbBytes / 1024 / 1024).toFixed(1)} MiB; under the 60 s target: ${seconds < 60 ? "yes" : "NO"}`,
    );
    table.push(
      `| History import of the shared archive (${s.captures.toLocaleString("en-US")} captures, ${s.added.toLocaleString("en-US")} readings) | — | ${seconds.toFixed(1)} s | **${Math.round(s.capturesPerSecond).toLocaleString("en-US")} captures/s** (target < 60 s) |`,
    );
  } finally {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchContent(): void {
  const items = readSeedFiles(path.resolve("content"));
  const fresh = () => {
    const db = openDatabase(":memory:");
    const t = process.hrtime.bigint();
    applySeed(db, items, Date.now());
    return { db, ms: Number(process.hrtime.bigint() - t) / 1e6 };
  };
  const seedMs = median(Array.from({ length: 7 }, () => {
    const { db, ms } = fresh();
    db.close();
    return ms;
  }));
  const { db } = fresh();
  const recheckMs = median(Array.from({ length: 21 }, () => {
    const t = process.hrtime.bigint();
    applySeed(db, items, Date.now());
    return Number(process.hrtime.bigint() - t) / 1e6;
  }));
  results["content:seed"] = { items: items.length, freshMs: seedMs, recheckMs };
  table.push(`| Content seed (${items.length} items, both languages) | — | fresh database ${seedMs.toFixed(0)} ms; check at a later start ${recheckMs.toFixed(1)} ms | once per process |`);
  // The baseline finds less (no accent folding, no ranking, no snippet) and still scans every row.
  const like = db.prepare("SELECT id FROM content_items WHERE status = 'published' AND (title_es LIKE @q OR summary_es LIKE @q OR body_es LIKE @q) LIMIT 20");
  const words = ["garita", "aduana", "sentri", "pasaporte", "otay"];
  let i = 0;
  const [base, ours] = timePair(
    () => like.all({ q: `%${words[i % words.length]}%` }),
    () => searchContent(db, "es", words[i++ % words.length]!),
    1000,
  );
  results["content:search"] = { likeMs: base, ftsMs: ours, ratio: ours / base };
  table.push(`| Site search, one word, Spanish | LIKE scan ${base.toFixed(3)} ms | FTS5 + bm25 + snippet ${ours.toFixed(3)} ms | **${(ours / base).toFixed(2)}×** |`);
  db.close();
}

async function benchAdmin(): Promise<void> {
  const phc = await hashPassword("a long staff pass phrase");
  const verifies: number[] = [];
  const digests: number[] = [];
  for (let i = 0; i < 15; i++) {
    let t = process.hrtime.bigint();
    await verifyPassword(phc, "a long staff pass phrase");
    verifies.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    createHash("sha256").update("a long staff pass phrase").digest("hex");
    digests.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  results["admin:password"] = { argon2idVerifyMs: median(verifies), sha256Ms: median(digests) };
  table.push(`| Staff password check, median of 15 | SHA-256 of the password ${median(digests).toFixed(3)} ms (no protection) | Argon2id m=19456 t=2 p=1 verify ${median(verifies).toFixed(0)} ms | the deliberate cost of one sign-in (A1: ≤ 500 ms) |`);

  const dir = mkdtempSync(path.join(os.tmpdir(), "smart-border-bench-backup-"));
  try {
    const db = openDatabase(path.join(dir, "smart-border.db"));
    const insert = db.prepare("INSERT INTO lane_reading VALUES ('250401', 'passenger', 'standard', ?, 'x', 'open', ?, 5, 10, ?)");
    db.transaction(() => {
      for (let i = 0; i < 1_000_000; i++) insert.run(i, i % 120, i);
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = statSync(path.join(dir, "smart-border.db")).size;
    let t = process.hrtime.bigint();
    copyFileSync(path.join(dir, "smart-border.db"), path.join(dir, "copy.db"));
    const copyMs = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    const check = await backupDatabase(db, path.join(dir, "backup.db"), Date.now());
    const backupMs = Number(process.hrtime.bigint() - t) / 1e6;
    db.close();
    results["admin:backup"] = { bytes, copyMs, backupAndCheckMs: backupMs, integrity: check.integrity };
    table.push(`| \`npm run backup\` of a ${(bytes / 1e6).toFixed(0)} MB database (1,000,000 readings), copy + integrity_check + counts | plain file copy ${copyMs.toFixed(0)} ms (unsafe while writing) | ${(backupMs / 1000).toFixed(2)} s, integrity ${check.integrity} | consistent while the site writes |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SECTIONS = ["parse", "import", "queries", "single-flight", "api", "content", "admin"] as const;
const asked = process.argv.slice(2);
const unknownSection = asked.find((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknownSection !== undefined) {
  console.error(`Unknown section '${unknownSection}'; expected some of: ${SECTIONS.join(", ")}.`);
  process.exit(2);
}
const wanted = (s: (typeof SECTIONS)[number]) => asked.length === 0 || asked.includes(s);
// Other work on this machine skews every figure: say how busy it was.
const loadAtStart = os.loadavg()[0]!;
console.log(`Node ${process.version}, ${os.cpus().length} cores, load average ${loadAtStart.toFixed(2)} at start`);

if (wanted("parse")) benchParse();
if (wanted("content")) benchContent();
if (wanted("admin")) await benchAdmin();
// Before the servers start, so nothing else competes for the CPU.
if (wanted("import")) await benchHistoryImport();
if (wanted("queries")) await benchHistoryQueries(table, results);
if (wanted("single-flight")) await benchSingleFlight();
if (wanted("api")) await benchApi();
console.log(`\nLoad average: ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at the end (1-minute, ${os.cpus().length} cores).`);
console.log("\n| What | Baseline | Ours | Result |\n|---|---|---|---|\n" + table.join("\n"));
mkdirSync("test-results", { recursive: true });
writeFileSync("test-results/bench.json", JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: { start: loadAtStart, end: os.loadavg()[0] }, results }, null, 2));
console.log("\nRaw numbers: test-results/bench.json");
process.exit(0);
