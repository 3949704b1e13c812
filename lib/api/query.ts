/**
 * Query validation and cached JSON answers shared by the data endpoints (history, typical,
 * forecast, alerts).
 */
import "server-only";
import type { z } from "zod";
import { apiError, jsonResponse, notModified, weakEtag } from "@/lib/api/http";

const MAX_QUERY_LENGTH = 1024;

export type Result<T> = { ok: true; value: T } | { ok: false; response: Response };
export const fail = (message: string): { ok: false; response: Response } => ({ ok: false, response: apiError("bad_request", message) });

/** Query keys not listed are a 400 (never silently ignored), and so is a repeated key. */
export function readQuery<S extends z.ZodRawShape>(url: URL, schema: z.ZodObject<S>): Result<z.infer<z.ZodObject<S>>> {
  if (url.search.length > MAX_QUERY_LENGTH) return fail("The query string is too long.");
  const entries = [...url.searchParams.entries()];
  const keys = entries.map(([k]) => k);
  if (new Set(keys).size !== keys.length) return fail("Each query parameter may appear only once.");
  const allowed = Object.keys(schema.shape);
  const unknown = keys.find((k) => !allowed.includes(k));
  if (unknown !== undefined) return fail(`Unknown query parameter '${unknown}'; allowed: ${allowed.join(", ")}.`);
  const parsed = schema.safeParse(Object.fromEntries(entries));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`Invalid value for '${issue.path.join(".")}': ${issue.message}.`);
  }
  return { ok: true, value: parsed.data };
}

/**
 * Weak ETag from the body (without `generatedAt`, which only says when it was built): these
 * answers change at most once per poll or hour.
 */
export function respond(request: Request, body: { meta: object }, cacheControl?: string): Response {
  const text = JSON.stringify(body);
  const stable = JSON.stringify({ ...body, meta: { ...body.meta, generatedAt: undefined } });
  const etag = weakEtag(stable);
  return notModified(request, etag, cacheControl) ?? jsonResponse(text, { etag, cacheControl });
}

