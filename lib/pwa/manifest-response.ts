import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { buildManifest, MANIFEST_CONTENT_TYPE } from "@/lib/pwa/manifest";

/** The manifest of one language, as the route handlers send it. */
export async function manifestResponse(locale: Locale): Promise<Response> {
  const meta = await getTranslations({ locale, namespace: "Metadata" });
  const t = await getTranslations({ locale, namespace: "Offline" });
  const manifest = buildManifest(locale, { name: meta("siteName"), shortName: t("appShortName"), description: t("appDescription") });
  return new Response(JSON.stringify(manifest), {
    headers: {
      "content-type": MANIFEST_CONTENT_TYPE,
      // Browsers re-read it now and then to update an installed app; an hour is plenty.
      "cache-control": "public, max-age=3600",
    },
  });
}
