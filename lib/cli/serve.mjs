#!/usr/bin/env node
// The production server: Next.js behind a plain Node HTTP server that rate-limits the API, refuses
// malformed paths, and answers the hot public API endpoints directly (lib/server/fast-api.ts).
// Needs `npm run build` first.
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";

const port = Number(process.env.PORT ?? 3107);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname === "0.0.0.0" ? "localhost" : hostname });
const handle = app.getRequestHandler();
await app.prepare();
const { limitApi, markClientAddress, refuseMalformedPath, tryFastApi } = await import(pathToFileURL(path.join(process.cwd(), ".next", "fast-api.mjs")).href);

const server = createServer((req, res) => {
  markClientAddress(req);
  limitApi(req, res)
    .then((limited) => (limited ? true : refuseMalformedPath(req, res)))
    .then((done) => (done ? true : tryFastApi(req, res)))
    .then((done) => (done ? undefined : handle(req, res)))
    .catch((error) => {
      console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", event: "server.unhandled", message: String(error?.message ?? error) }));
      if (res.headersSent) return res.destroy();
      // The API promises JSON errors; pages get a bilingual line (this is a last resort).
      if (req.url?.startsWith("/api/")) {
        res.writeHead(503, { "content-type": "application/json; charset=utf-8", "access-control-allow-origin": "*", "retry-after": "5" });
        res.end(JSON.stringify({ error: { code: "unavailable", message: "The server could not answer this request. Try again shortly." } }));
      } else {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("Something went wrong. Please try again. / Algo falló. Intente de nuevo.");
      }
    });
});
server.listen(port, hostname, () => {
  console.log(`▲ Smart Border site ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
