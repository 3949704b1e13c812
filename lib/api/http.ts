/**
 * Response helpers for the public JSON API: contract headers (CORS, caching, content type) and errors.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { ApiErrorCode } from "@/lib/api/v1-schema";

export const ERROR_STATUS: Record<z.infer<typeof ApiErrorCode>, number> = {
  not_found: 404,
  bad_request: 400,
  unavailable: 503,
  rate_limited: 429,
};

/**
 * Every API response carries these, whichever server path answers it (Next's route handlers or the
 * production fast path): readable from any origin without credentials, never sniffed or framed.
 */
export const API_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "cross-origin",
};

/** CDNs may keep serving the last answer while we or CBP have trouble (reliability.md §3). */
export const DATA_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

const JSON_TYPE = "application/json; charset=utf-8";

export function jsonResponse(body: string, init: { status?: number; etag?: string; cacheControl?: string; headers?: Record<string, string> } = {}): Response {
  const headers: Record<string, string> = {
    ...API_HEADERS,
    "Content-Type": JSON_TYPE,
    "Cache-Control": init.cacheControl ?? DATA_CACHE_CONTROL,
    ...init.headers,
  };
  if (init.etag) headers.ETag = init.etag;
  return new Response(body, { status: init.status ?? 200, headers });
}

export function apiError(code: z.infer<typeof ApiErrorCode>, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(JSON.stringify({ error: { code, message } }), {
    status: ERROR_STATUS[code],
    cacheControl: code === "not_found" ? "public, max-age=300" : "no-store",
    headers,
  });
}

/** A weak validator for a representation: the same parts give the same tag. */
export function weakEtag(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return `W/"${hash.digest("base64url").slice(0, 27)}"`;
}

/** 304 when the client already has this version (weak comparison, as RFC 9110 prescribes for If-None-Match). */
export function notModified(request: Request, etag: string, cacheControl: string = DATA_CACHE_CONTROL): Response | null {
  const header = request.headers.get("if-none-match");
  if (!header) return null;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  const matches = header === "*" || header.split(",").some((t) => strip(t) === strip(etag));
  if (!matches) return null;
  // A cache that revalidates takes the 304's headers, so they must say what the 200 said.
  return new Response(null, { status: 304, headers: { ...API_HEADERS, ETag: etag, "Cache-Control": cacheControl } });
}

export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...API_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
      "Access-Control-Max-Age": "86400",
    },
  });
}
