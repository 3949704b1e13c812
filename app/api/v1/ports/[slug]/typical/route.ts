import { preflight } from "@/lib/api/http";
import { handleTypical } from "@/lib/api/history-handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/ports/[slug]/typical">) {
  const { slug } = await ctx.params;
  return handleTypical(request, slug);
}

export function OPTIONS() {
  return preflight();
}
