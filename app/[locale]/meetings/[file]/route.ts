import { handleMeetingsIcs } from "@/lib/content/meetings-ics";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/[locale]/meetings/[file]">) {
  const { locale, file } = await params;
  return handleMeetingsIcs(request, { locale, file });
}
