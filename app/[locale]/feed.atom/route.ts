import { handleFeed } from "@/lib/feeds/handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/[locale]/feed.atom">) {
  const { locale } = await params;
  return handleFeed(request, { locale, format: "atom" });
}
