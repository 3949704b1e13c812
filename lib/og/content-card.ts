import type { Locale } from "@/lib/i18n/routing";
import { contentDb } from "@/lib/content/read";
import { findPublishedBySlug } from "@/lib/content/store";
import { metadataText, OG_SIZE, OG_TYPE, ogCard, ogLocale } from "@/lib/og/card";

type Params = { params: Promise<{ locale: string; slug: string }> };

/** The opengraph-image route of a guide or initiative page: its title, in its language. */
export function contentCard(kind: "guide" | "initiative", kicker: "ogGuideKicker" | "ogInitiativeKicker") {
  async function load(params: Params["params"]) {
    const { locale: requested, slug } = await params;
    const locale: Locale = ogLocale(requested);
    const item = findPublishedBySlug(contentDb(), kind, locale, slug)?.item ?? null;
    return { t: metadataText(locale), title: item?.title[locale] ?? null };
  }
  return {
    async generateImageMetadata({ params }: Params) {
      const { t, title } = await load(params);
      return [{ id: kind, alt: t("ogPageAlt", { title: title ?? t("siteName") }), size: OG_SIZE, contentType: OG_TYPE }];
    },
    async Image({ params }: Params) {
      const { t, title } = await load(params);
      return ogCard({ site: t("siteName"), kicker: t(kicker), title: title ?? t("ogSiteTitle") });
    },
  };
}
