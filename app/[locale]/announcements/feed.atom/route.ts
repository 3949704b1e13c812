import { handleAnnouncementsFeed } from "@/lib/content/announcements-feed";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/[locale]/announcements/feed.atom">) {
  const { locale } = await params;
  return handleAnnouncementsFeed(request, { locale, format: "atom" });
}
