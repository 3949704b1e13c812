import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/content/metadata";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    // The widget is for partners' pages, the API for programs, search results are endless
    // variations of the pages themselves; everything else is for people to find.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/embed/", "/en/search?", "/es/search?"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
