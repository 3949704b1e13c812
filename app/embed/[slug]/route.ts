import { handleEmbed } from "@/lib/embed/handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/embed/[slug]">) {
  const { slug } = await ctx.params;
  return handleEmbed(request, slug);
}
