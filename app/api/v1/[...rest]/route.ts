import { apiError, preflight } from "@/lib/api/http";

// Unknown API paths answer in the API's own JSON error format, not with an HTML page.
function notFound() {
  return apiError("not_found", "There is no such API endpoint. See /api/v1/ports.");
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;

export function OPTIONS() {
  return preflight();
}
