/**
 * GET /embed/{slug}: the widget as a plain Web Response (the route handler is a one-liner, and
 * tests call this with an in-memory database). Reads the database like the pages; never calls CBP.
 */
import "server-only";
import { createHash } from "node:crypto";
import { resolveMode } from "@/lib/embed/modes";
import { parseEmbedQuery } from "@/lib/embed/query";
import { EMBED_CSS, EMBED_SCRIPT, renderEmbed, renderEmbedNotFound } from "@/lib/embed/render";
import { getPort } from "@/lib/ports";
import { defaultSource, readOnePort, type WaitsSource } from "@/lib/waits/read";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The widget's own policy. The style and script are constants, so hashes pin them without a nonce
 * (a nonce would also make every response unique and defeat the ETag). `frame-ancestors *`: the
 * widget shows public data, has no cookies, forms or state-changing links, so there is nothing to
 * click-jack, and partners (newsrooms, employers, schools) should not have to ask us to be listed
 * first; an allow-list would go here if that ever changes.
 */
export const EMBED_CSP = [
  "default-src 'none'",
  `script-src ${sha256(EMBED_SCRIPT)}`,
  `style-src ${sha256(EMBED_CSS)}`,
  // The in-place refresh fetches this same URL.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors *",
].join("; ");

/**
 * Security headers of /embed/* (reliability.md §3), set here because next.config.ts and proxy.ts
 * leave this path alone. No X-Frame-Options (it has no "anyone" value, and DENY would override the
 * CSP in older browsers) and no COOP (meaningless in a frame). CORP cross-origin lets pages that
 * require it (COEP) embed us.
 */
export const EMBED_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": EMBED_CSP,
  "Cross-Origin-Resource-Policy": "cross-origin",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  // The widget repeats the port pages in a box; search engines should send people to the pages.
  "X-Robots-Tag": "noindex",
};

/** Short enough that a partner's CDN never shows a wait more than a poll or so behind ours. */
export const EMBED_CACHE_CONTROL = "public, max-age=30, stale-while-revalidate=60";
const NOT_FOUND_CACHE_CONTROL = "public, max-age=300";

function etagOf(body: string): string {
  // The body carries "N min ago", so hashing it is the honest version: a 304 only when nothing changed.
  return `"${createHash("sha1").update(body, "utf8").digest("base64url")}"`;
}

function matches(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.trim() === "*" || header.split(",").some((t) => strip(t) === etag);
}

function respond(request: Request, body: string, status: number, cacheControl: string): Response {
  const etag = etagOf(body);
  const headers = { ...EMBED_HEADERS, "Cache-Control": cacheControl, ETag: etag };
  if (status === 200 && matches(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status, headers });
}

export function handleEmbed(request: Request, slug: string, source: WaitsSource = defaultSource()): Response {
  const query = parseEmbedQuery(new URL(request.url).searchParams);
  const def = getPort(slug);
  if (!def) return respond(request, renderEmbedNotFound(query.lang), 404, NOT_FOUND_CACHE_CONTROL);
  const mode = resolveMode(def, query.mode);
  const view = readOnePort(slug, source, mode ? { mode } : {});
  if (!view) return respond(request, renderEmbedNotFound(query.lang), 404, NOT_FOUND_CACHE_CONTROL);
  const body = renderEmbed({ lang: query.lang, def, port: view.port, mode, meta: view.meta, hasData: view.hasData, now: source.now() });
  return respond(request, body, 200, EMBED_CACHE_CONTROL);
}
