/**
 * What the production server does before a request enters Next's router:
 * - fair use: every /api/ request takes a token from its client's bucket (lib/api/rate-limit.ts);
 *   over the limit it gets 429 with Retry-After here, whichever handler would have answered;
 * - a path with a broken percent-escape gets a 400 here (Next would answer a bare 500);
 * - the client's address is passed on to pages and server actions in a header of our own;
 * - the hot public endpoints (/api/v1/ports and /api/v1/ports/{slug}) are answered directly. Same
 *   handlers as app/api/v1/ports/**, so both paths give identical responses; this one skips
 *   ~0.5 ms of framework work per request, which on a 2-core box is the difference between
 *   ~1,300 and several thousand requests per second.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiError, preflight } from "@/lib/api/http";
import { handleAllPorts, handleOnePort } from "@/lib/api/ports-handler";
import { clientKey, RateLimiter } from "@/lib/api/rate-limit";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { PAGE_HEADERS } from "@/lib/server/page-headers";

// No trailing slash: Next redirects those, and both paths must answer alike.
const ROUTE = /^\/api\/v1\/ports(?:\/([^/?#]+))?(?:\?|$)/;

let limiter: RateLimiter | undefined;
function rateLimiter(): RateLimiter {
  limiter ??= new RateLimiter({ perMinute: env().API_RATE_LIMIT_PER_MINUTE, burst: env().API_RATE_BURST });
  return limiter;
}

async function send(res: ServerResponse, response: Response, method: string | undefined): Promise<void> {
  const body = method === "HEAD" || response.status === 304 || !response.body ? null : Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  if (body) headers["content-length"] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body ?? undefined);
}

/**
 * Counts an /api/ request against its client. Returns true when it answered 429 itself; otherwise
 * sets the RateLimit-* headers on `res` (Node merges them into whatever answers next).
 */
export async function limitApi(req: IncomingMessage, res: ServerResponse, now = Date.now()): Promise<boolean> {
  if (!req.url?.startsWith("/api/") || req.method === "OPTIONS") return false;
  const limits = rateLimiter();
  if (!limits.enabled) return false;
  const decision = limits.take(clientKey(req.socket.remoteAddress, req.headers["x-forwarded-for"], env().TRUSTED_PROXY_HOPS), now);
  res.setHeader("RateLimit-Limit", String(decision.limit));
  res.setHeader("RateLimit-Remaining", String(decision.remaining));
  if (decision.allowed) return false;
  const { API_RATE_LIMIT_PER_MINUTE: perMinute, API_RATE_BURST: burst } = env();
  const message = `Too many requests from this client: the API allows ${perMinute} a minute, with bursts of up to ${burst}. Retry after ${decision.retryAfterSeconds} s.`;
  await send(res, apiError("rate_limited", message, { "Retry-After": String(decision.retryAfterSeconds) }), req.method);
  return true;
}

/**
 * Tells the pages and server actions behind it who the client is (sign-in throttling counts per
 * address). A copy the client sent itself is dropped first, so nobody picks their own address.
 */
export function markClientAddress(req: IncomingMessage): void {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = clientKey(req.socket.remoteAddress, req.headers["x-forwarded-for"], env().TRUSTED_PROXY_HOPS);
}

/**
 * A path with a broken percent-escape (`/api/v1/ports/%E0`) cannot name anything, and Next answers
 * it with a bare 500. Answered here instead: the API's JSON 400, or a short bilingual 400 page
 * with the page security headers. Returns true when it answered.
 */
export async function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? "/";
  const pathname = url.split(/[?#]/, 1)[0]!;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    // Falls through to the answer below.
  }
  if (pathname.startsWith("/api/")) {
    await send(res, apiError("bad_request", "The path has a malformed percent-escape (a % not followed by two hex digits, or escapes that do not spell UTF-8)."), req.method);
    return true;
  }
  const page = new Response("Bad request: this address is malformed. / Solicitud incorrecta: esta dirección está mal formada.\n", {
    status: 400,
    headers: {
      ...Object.fromEntries(PAGE_HEADERS.map((h) => [h.key, h.value])),
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    },
  });
  await send(res, page, req.method);
  return true;
}

/** Returns false (and writes nothing) when the request is not one of ours. */
export async function tryFastApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? "";
  const match = ROUTE.exec(url);
  if (!match || (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS")) return false;
  let slug: string | undefined;
  try {
    slug = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  } catch {
    return false; // malformed escapes: refuseMalformedPath answers those before this is called
  }
  const request = new Request(`http://localhost${url}`, {
    method: req.method === "HEAD" ? "GET" : req.method,
    headers: { "if-none-match": req.headers["if-none-match"] ?? "" },
  });
  const response = req.method === "OPTIONS" ? preflight() : slug === undefined ? handleAllPorts(request) : handleOnePort(request, slug);
  await send(res, response, req.method);
  return true;
}

/** Tests start a fresh limiter after changing the environment. */
export function resetRateLimiterForTests(): void {
  limiter = undefined;
}
