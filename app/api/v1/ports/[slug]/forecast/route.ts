import { preflight } from "@/lib/api/http";
import { handleForecast } from "@/lib/api/history-handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/ports/[slug]/forecast">) {
  const { slug } = await ctx.params;
  return handleForecast(request, slug);
}

export function OPTIONS() {
  return preflight();
}
