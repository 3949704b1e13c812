import { preflight } from "@/lib/api/http";
import { handleHistory } from "@/lib/api/history-handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/ports/[slug]/history">) {
  const { slug } = await ctx.params;
  return handleHistory(request, slug);
}

export function OPTIONS() {
  return preflight();
}
