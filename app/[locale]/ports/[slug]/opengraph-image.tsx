import { getPort } from "@/lib/ports";
import { metadataText, OG_SIZE, OG_TYPE, ogCard, ogLocale } from "@/lib/og/card";

type Params = { params: Promise<{ locale: string; slug: string }> };

async function port(params: Params["params"]) {
  const { locale, slug } = await params;
  const lang = ogLocale(locale);
  return { locale: lang, t: metadataText(lang), def: getPort(slug) ?? null };
}

export async function generateImageMetadata({ params }: Params) {
  const { locale, t, def } = await port(params);
  return [{ id: "port", alt: t("ogPageAlt", { title: def?.name[locale] ?? t("siteName") }), size: OG_SIZE, contentType: OG_TYPE }];
}

export default async function Image({ params }: Params) {
  const { locale, t, def } = await port(params);
  if (!def) return ogCard({ site: t("siteName"), kicker: t("ogSiteKicker"), title: t("ogSiteTitle") });
  return ogCard({ site: t("siteName"), kicker: t(def.kind === "planned" ? "ogPlannedPortKicker" : "ogPortKicker"), title: def.name[locale] });
}
