import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/content/metadata";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    // The widget is for partners' pages and the API for programs; everything else is for people
    // to find (search result pages name /search as their canonical address).
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/embed/"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
