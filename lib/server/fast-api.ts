/**
 * The hot public endpoints (/api/v1/ports and /api/v1/ports/{slug}) answered by the production
 * server before the request enters Next's router. Same handlers as app/api/v1/ports/**, so both
 * paths give identical responses; this one skips ~0.5 ms of framework work per request, which
 * on a 2-core box is the difference between ~1,300 and several thousand requests per second.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { preflight } from "@/lib/api/http";
import { handleAllPorts, handleOnePort } from "@/lib/api/ports-handler";

// No trailing slash: Next redirects those, and both paths must answer alike.
const ROUTE = /^\/api\/v1\/ports(?:\/([^/?#]+))?(?:\?|$)/;

/** Returns false (and writes nothing) when the request is not one of ours. */
export async function tryFastApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? "";
  const match = ROUTE.exec(url);
  if (!match || (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS")) return false;
  let slug: string | undefined;
  try {
    slug = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  } catch {
    return false; // malformed escapes: let Next answer
  }
  const request = new Request(`http://localhost${url}`, {
    method: req.method === "HEAD" ? "GET" : req.method,
    headers: { "if-none-match": req.headers["if-none-match"] ?? "" },
  });
  const response = req.method === "OPTIONS" ? preflight() : slug === undefined ? handleAllPorts(request) : handleOnePort(request, slug);
  const body = req.method === "HEAD" || response.status === 304 || !response.body ? null : Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  if (body) headers["content-length"] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body ?? undefined);
  return true;
}
