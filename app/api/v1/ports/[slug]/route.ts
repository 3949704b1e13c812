import { preflight } from "@/lib/api/http";
import { handleOnePort } from "@/lib/api/ports-handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/ports/[slug]">) {
  const { slug } = await ctx.params;
  return handleOnePort(request, slug);
}

export function OPTIONS() {
  return preflight();
}
