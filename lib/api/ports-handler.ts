/**
 * GET /api/v1/ports and /api/v1/ports/{slug}. Written against Web Request/Response so tests can
 * call them with an in-memory database.
 */
import { z } from "zod";
import { apiError, jsonResponse, notModified } from "@/lib/api/http";
import { PortsQuery } from "@/lib/api/v1-schema";
import { LANE_TYPES, MODES } from "@/lib/ports";
import { readAllPorts, readOnePort, type WaitsSource } from "@/lib/waits/read";
import type { LaneFilter } from "@/lib/waits/view";

const MAX_QUERY_LENGTH = 1024;

const Slug = z.string().regex(/^[a-z0-9-]{1,64}$/);

type Parsed = { ok: true; filter: LaneFilter; key: string } | { ok: false; response: Response };

/** Only `mode` and `type` are understood; anything else (or a repeated key) is a 400, never ignored silently. */
export function parseQuery(url: URL): Parsed {
  if (url.search.length > MAX_QUERY_LENGTH) return { ok: false, response: apiError("bad_request", "The query string is too long.") };
  const entries = [...url.searchParams.entries()];
  const keys = entries.map(([k]) => k);
  if (new Set(keys).size !== keys.length) return { ok: false, response: apiError("bad_request", "Each query parameter may appear only once.") };
  const parsed = PortsQuery.safeParse(Object.fromEntries(entries));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `'${issue.path.join(".")}'` : `'${(issue as { keys?: string[] } | undefined)?.keys?.join("', '") ?? ""}'`;
    const allowed = issue?.code === "unrecognized_keys" ? "Unknown query parameter" : `Invalid value for ${where}`;
    const hint = issue?.code === "unrecognized_keys" ? ` ${where}; allowed: mode (${MODES.join(", ")}), type (${LANE_TYPES.join(", ")}).` : `: expected one of ${issue?.path[0] === "mode" ? MODES.join(", ") : LANE_TYPES.join(", ")}.`;
    return { ok: false, response: apiError("bad_request", `${allowed}${hint}`) };
  }
  const filter: LaneFilter = parsed.data;
  return { ok: true, filter, key: `${filter.mode ?? "*"}.${filter.type ?? "*"}` };
}

function unavailable(): Response {
  return apiError("unavailable", "No wait-time data has been received from CBP yet. Try again shortly.", { "Retry-After": "30" });
}

function etagFor(version: string, key: string, stale: boolean): string {
  return `W/"v${version}-${key}-${stale ? "s" : "f"}"`;
}

export function handleAllPorts(request: Request, source?: WaitsSource): Response {
  const q = parseQuery(new URL(request.url));
  if (!q.ok) return q.response;
  const view = readAllPorts(source, q.filter);
  if (!view.hasData) return unavailable();
  const etag = etagFor(view.version, q.key, view.meta.stale);
  return notModified(request, etag) ?? jsonResponse(JSON.stringify({ data: view.ports, meta: view.meta }), { etag });
}

export function handleOnePort(request: Request, slug: string, source?: WaitsSource): Response {
  if (!Slug.safeParse(slug).success) return apiError("not_found", "No port has that slug.");
  const q = parseQuery(new URL(request.url));
  if (!q.ok) return q.response;
  const view = readOnePort(slug, source, q.filter);
  if (!view) return apiError("not_found", `No port has the slug '${slug}'. See /api/v1/ports for the list.`);
  if (!view.hasData) return unavailable();
  const etag = etagFor(view.version, `${slug}.${q.key}`, view.meta.stale);
  return notModified(request, etag) ?? jsonResponse(JSON.stringify({ data: view.port, meta: view.meta }), { etag });
}
