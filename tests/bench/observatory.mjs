#!/usr/bin/env node
// `node tests/bench/observatory.mjs [--url http://127.0.0.1:PORT]`: the MDN HTTP Observatory scan
// (S1 in ../shared/design/reliability.md, recipe §6-C), fully offline, against the production site.
//
// The scanner only talks to ports 80 and 443 of a host (version 1.4.8), and grades HSTS and the
// HTTP→HTTPS redirect, so this script puts a loopback front in front of the site, as a real
// deployment's reverse proxy would be: https://127.0.0.1 (a throwaway CA's certificate, trusted
// by the scanner through NODE_EXTRA_CA_CERTS) proxies to the site, http://127.0.0.1 answers 301 to
// https. Binding 80 and 443 needs root.
//
// The site: with --url (or OBSERVATORY_TARGET) it proxies to a server that is already running;
// otherwise it starts `lib/cli/serve.mjs` on PORT 3163 from a private copy of the current `.next`
// (so a rebuild in the project cannot swap chunks under the scan), with a fresh DATA_DIR and the
// poller off. The scanner, @mdn/mdn-http-observatory@1.4.8, is installed once into a cache folder
// outside the project (OBSERVATORY_DIR, default ~/.cache/smart-border-observatory).
//
// Prints the grade, score and every test; exits 0 only for A+ with no failed test.
// Stops only the processes it started and removes its temporary folder.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { copySettledBuild, SITE_FILES } from "./site-copy.mjs";

const startedAt = Date.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const urlFlag = args.indexOf("--url");
const target = (urlFlag >= 0 ? args[urlFlag + 1] : undefined) ?? process.env.OBSERVATORY_TARGET ?? null;
const SITE_PORT = "3163";
const SCANNER = "@mdn/mdn-http-observatory";
const SCANNER_VERSION = "1.4.8"; // the only version the registry reachable here has; later ones need Node ≥ 24
const cacheDir = process.env.OBSERVATORY_DIR ?? path.join(os.homedir(), ".cache", "smart-border-observatory");
const tmp = mkdtempSync(path.join(os.tmpdir(), "smart-border-observatory-"));
const children = [];
const servers = [];

/** A private copy of the shared build (without its caches) and the files serve.mjs needs; waits while a build runs. */
async function copySharedBuild() {
  const dir = path.join(tmp, "site");
  mkdirSync(dir, { recursive: true });
  const build = await copySettledBuild(root, dir);
  for (const name of SITE_FILES) {
    if (existsSync(path.join(root, name))) cpSync(path.join(root, name), path.join(dir, name), { recursive: true, verbatimSymlinks: true });
  }
  // Serving (unlike building with Turbopack) follows a node_modules symlink; removing the folder drops only the link.
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  return { dir, build };
}

/** scan.js of the cached scanner, installed (and given the data files it would download) if missing. */
function ensureScanner() {
  const pkg = path.join(cacheDir, "node_modules", ...SCANNER.split("/"));
  const installed = existsSync(path.join(pkg, "package.json")) && JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")).version;
  if (installed !== SCANNER_VERSION) {
    mkdirSync(cacheDir, { recursive: true });
    // --ignore-scripts: its postinstall (and node_extra_ca_certs_mozilla_bundle's) downloads from the internet and fails offline.
    const npm = spawnSync("npm", ["install", "--prefix", cacheDir, "--ignore-scripts", "--no-audit", "--no-fund", `${SCANNER}@${SCANNER_VERSION}`], { cwd: cacheDir, stdio: "inherit" });
    if (npm.status !== 0) throw new Error(`could not install ${SCANNER}@${SCANNER_VERSION} into ${cacheDir}`);
  }
  // What the skipped postinstall would have fetched. The HSTS preload list is read on every scan
  // (src/analyzer/hsts.js; an empty one only means 127.0.0.1 is not preloaded, which it is not);
  // the TLD list only by the API server (src/api/v2/utils.js), created so the package is complete.
  const offlineData = { "hsts-preload.json": "{}", "tld-list.json": JSON.stringify(["com", "org", "net"]) };
  for (const [name, content] of Object.entries(offlineData)) {
    const file = path.join(pkg, "conf", name);
    if (!existsSync(file)) writeFileSync(file, content);
  }
  return path.join(pkg, "src", "scan.js");
}

/** A throwaway CA and a certificate for IP 127.0.0.1 signed by it, valid for a day. */
function makeCertificates() {
  const dir = path.join(tmp, "tls");
  mkdirSync(dir);
  const f = (name) => path.join(dir, name);
  writeFileSync(f("server.ext"), "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  const steps = [
    ["req", "-x509", ...ec, "-keyout", f("ca.key"), "-out", f("ca.pem"), "-days", "1", "-subj", "/CN=Smart Border Observatory throwaway CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"],
    ["req", ...ec, "-keyout", f("server.key"), "-out", f("server.csr"), "-subj", "/CN=127.0.0.1"],
    ["x509", "-req", "-in", f("server.csr"), "-CA", f("ca.pem"), "-CAkey", f("ca.key"), "-CAcreateserial", "-out", f("server.pem"), "-days", "1", "-extfile", f("server.ext")],
  ];
  for (const step of steps) {
    const run = spawnSync("openssl", step, { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`openssl ${step[0]} failed: ${run.stderr}`);
  }
  return { ca: f("ca.pem"), key: readFileSync(f("server.key")), cert: readFileSync(f("server.pem")) };
}

/** Whether anything answers HTTP at `origin`/api/health (any status: the site is up, stale data or not). */
async function answers(origin) {
  try {
    await (await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) })).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", (error) => reject(new Error(`cannot listen on 127.0.0.1:${port} (${error.code}; ports 80/443 need root and must be free)`)));
    server.listen(port, "127.0.0.1", () => {
      servers.push(server);
      resolve();
    });
  });
}

/** The TLS front: :443 relays every request to the site as is (no redirect followed), :80 redirects to https. */
async function startFront(origin, tls) {
  const upstream = new URL(origin);
  const front = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        // Host stays 127.0.0.1 as the scanner sent it; the proto header makes Next build https:// redirects.
        headers: { ...req.headers, "x-forwarded-proto": "https" },
      },
      (answer) => {
        // Raw headers keep every Set-Cookie and the exact header values the site sent.
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    forward.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`front: ${error.message}`);
    });
    req.pipe(forward);
  });
  const redirect = http.createServer((req, res) => {
    res.writeHead(301, { location: `https://127.0.0.1${req.url}` });
    res.end();
  });
  await listen(front, 443);
  await listen(redirect, 80);
}

/** Runs scan.js (not bin/wrapper.js, which replaces NODE_EXTRA_CA_CERTS with Mozilla's bundle) and parses its JSON. */
function runScan(scanJs, ca) {
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: the front answering the scanner runs in this process.
    const child = spawn(process.execPath, [scanJs, "127.0.0.1"], {
      stdio: ["ignore", "pipe", "pipe"],
      // NO_PROXY: axios would otherwise send loopback requests to a proxy set in the environment.
      env: { ...process.env, NODE_EXTRA_CA_CERTS: ca, NO_PROXY: "127.0.0.1", no_proxy: "127.0.0.1" },
    });
    children.push(child);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", () => {
      try {
        const result = JSON.parse(out);
        if (result.error) reject(new Error(`the scanner failed: ${result.error}`));
        else resolve(result);
      } catch {
        reject(new Error(`the scanner printed no JSON (exit ${child.exitCode}):\n${out}${err}`));
      }
    });
  });
}

function report({ scan, tests }) {
  console.log(`\nMDN HTTP Observatory ${SCANNER_VERSION} (algorithm v${scan.algorithmVersion}) — https://127.0.0.1/ (final status ${scan.statusCode})`);
  console.log(`Grade ${scan.grade}, score ${scan.score}, ${scan.testsPassed}/${scan.testsQuantity} tests passed\n`);
  for (const [name, test] of Object.entries(tests)) {
    const modifier = test.scoreModifier > 0 ? `+${test.scoreModifier}` : String(test.scoreModifier);
    const expected = test.pass ? "" : `  (expected ${test.expectation})`;
    console.log(`  ${test.pass ? "pass" : "FAIL"}  ${name.padEnd(32)} ${modifier.padStart(4)}  ${test.result}${expected}`);
    // What the test saw (for cookies: every cookie set along the redirect chain and by /robots.txt, not only the final page's).
    if (!test.pass && test.data) console.log(`        ${JSON.stringify(test.data)}`);
  }
  console.log("\nResponse headers of the final page:");
  for (const [name, value] of Object.entries(scan.responseHeaders)) console.log(`  ${name}: ${value}`);
}

async function stopAll() {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await Promise.all(
    children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map(
        (child) =>
          new Promise((resolve) => {
            child.once("exit", resolve);
            child.kill("SIGTERM");
            // serve.mjs gives itself 5 s to close; do not wait for a hung child beyond that.
            setTimeout(() => child.kill("SIGKILL"), 7_000).unref();
          }),
      ),
  );
  // Only our own folder: certificates, DATA_DIR, the copied build, and the node_modules link (not what it points to).
  rmSync(tmp, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => stopAll().then(() => process.exit(130)));
}

let status = 1;
try {
  // The build first: it is the thing others may replace at any moment.
  const site = target ? null : await copySharedBuild();
  const scanJs = ensureScanner();
  const tls = makeCertificates();

  let origin = target?.replace(/\/+$/, "");
  if (site) {
    origin = `http://127.0.0.1:${SITE_PORT}`;
    // Otherwise the health check below could be answered by someone else's server, not ours.
    if (await answers(origin)) throw new Error(`something already answers on ${origin}; stop it or pass --url ${origin}`);
    const dataDir = path.join(tmp, "data");
    mkdirSync(dataDir);
    console.log(`Serving build ${site.build} from ${site.dir} on :${SITE_PORT}, DATA_DIR ${dataDir}`);
    const server = spawn(process.execPath, [path.join(site.dir, "lib/cli/serve.mjs")], {
      cwd: site.dir,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: SITE_PORT,
        HOSTNAME: "127.0.0.1",
        DATA_DIR: dataDir,
        // Nothing listens on port 9 (discard): the poller is off anyway, and no request may leave the machine.
        CBP_FEED_URL: "http://127.0.0.1:9/x.xml",
        POLLER: "off",
        // The public origin as the scanner sees it, behind the front.
        SITE_URL: "https://127.0.0.1",
      },
    });
    children.push(server);
    const deadline = Date.now() + 90_000;
    while (!(await answers(origin))) {
      if (server.exitCode !== null) throw new Error(`the site exited with code ${server.exitCode}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${origin}/api/health`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } else if (!(await answers(origin))) {
    throw new Error(`nothing answers on ${origin}/api/health`);
  }

  await startFront(origin, tls);
  const result = await runScan(scanJs, tls.ca);
  report(result);
  status = result.scan.grade === "A+" && result.scan.testsFailed === 0 ? 0 : 1;
  console.log(`\n${status === 0 ? "OK" : "NOT OK"}: target is grade A+ with no failed test.`);
} catch (error) {
  console.error(String(error?.message ?? error));
} finally {
  await stopAll();
  console.log(`Total run time ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
process.exit(status);
