import { apiError, preflight } from "@/lib/api/http";

// The API root names no resource; answer in the API's JSON format rather than with an HTML page.
export function GET() {
  return apiError("not_found", "There is no resource here. See /api/v1/ports.");
}

export function OPTIONS() {
  return preflight();
}
