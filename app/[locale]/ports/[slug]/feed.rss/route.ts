import { handleFeed } from "@/lib/feeds/handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/[locale]/ports/[slug]/feed.rss">) {
  const { locale, slug } = await params;
  return handleFeed(request, { locale, slug, format: "rss" });
}
