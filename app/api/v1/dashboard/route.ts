import { preflight } from "@/lib/api/http";
import { handleDashboard } from "@/lib/api/dashboard-handler";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleDashboard(request);
}

export function OPTIONS() {
  return preflight();
}
