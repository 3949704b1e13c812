import { jsonResponse, preflight } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// Changes only with a deploy; an hour of caching is plenty.
export function GET() {
  return jsonResponse(JSON.stringify(openApiDocument(env().SITE_URL)), { cacheControl: "public, max-age=3600, stale-while-revalidate=86400" });
}

export function OPTIONS() {
  return preflight();
}
