import { handleAlerts } from "@/lib/api/alerts-handler";
import { preflight } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleAlerts(request);
}

export function OPTIONS() {
  return preflight();
}
