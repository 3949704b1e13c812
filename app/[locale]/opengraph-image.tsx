import { metadataText, OG_SIZE, OG_TYPE, ogCard, ogLocale } from "@/lib/og/card";

type Params = { params: Promise<{ locale: string }> };

export async function generateImageMetadata({ params }: Params) {
  const t = metadataText(ogLocale((await params).locale));
  return [{ id: "site", alt: t("ogSiteAlt"), size: OG_SIZE, contentType: OG_TYPE }];
}

/** Every page of the site shares this card unless its segment has a card of its own. */
export default async function Image({ params }: Params) {
  const t = metadataText(ogLocale((await params).locale));
  return ogCard({ site: t("siteName"), kicker: t("ogSiteKicker"), title: t("ogSiteTitle") });
}
