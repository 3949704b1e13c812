import { handleFeed } from "@/lib/feeds/handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/[locale]/feed.rss">) {
  const { locale } = await params;
  return handleFeed(request, { locale, format: "rss" });
}
