import { preflight } from "@/lib/api/http";
import { handleAllPorts } from "@/lib/api/ports-handler";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleAllPorts(request);
}

export function OPTIONS() {
  return preflight();
}
