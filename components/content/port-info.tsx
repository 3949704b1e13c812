import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { PortDef } from "@/lib/ports";
import { contentDb } from "@/lib/content/read";
import { getItem, publishedByKeys } from "@/lib/content/store";
import { contentPath } from "@/lib/content/paths";
import { absoluteUrl } from "@/lib/content/metadata";
import { directionsLinks } from "@/lib/content/directions";
import { Prose } from "@/components/content/prose";
import { LinkSection } from "@/components/content/link-section";
import { JsonLd } from "@/components/content/json-ld";
import { SourcesAndVerified } from "@/components/content/sources";
import { formatCalendarDate } from "@/components/content/format";

/** Hours per facility, how to get there, lane programs and guides: the port's editable information. */
export async function PortInfo({ def, locale }: { def: PortDef; locale: Locale }) {
  const db = contentDb();
  const info = getItem(db, "port", def.slug);
  if (!info || info.status !== "published") return null;
  const t = await getTranslations("PortInfo");
  const guides = publishedByKeys(db, "guide", info.data.guides);
  const link = "text-sky-800 underline underline-offset-4";
  return (
    <>
      <section aria-labelledby="hours-heading" className="mt-10" data-testid="port-hours">
        <h2 id="hours-heading" className="text-2xl font-bold">
          {t("hoursHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("hoursNote")}</p>
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {info.data.facilities.map((f) => (
            <li key={f.name.en} className="p-3">
              <span className="block font-semibold">{f.name[locale]}</span>
              <span className="block">{f.hours[locale]}</span>
              <span className="block text-sm text-slate-700">
                {t("confirmed", { date: formatCalendarDate(locale, f.verified) })}{" "}
                <a href={f.source} className={link} rel="noopener">
                  {t("source")}
                  <span className="sr-only"> ({f.name[locale]})</span>
                </a>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="getting-there-heading" className="mt-10" data-testid="getting-there">
        <h2 id="getting-there-heading" className="text-2xl font-bold">
          {t("gettingThereHeading")}
        </h2>
        <p className="mt-2">
          <span className="font-semibold">{t("address")}: </span>
          {def.address}
        </p>
        <p className="mt-2">
          {t("directions")}{" "}
          {directionsLinks(def.coordinates).map((d, i) => (
            <span key={d.service}>
              {i ? " · " : ""}
              <a href={d.url} className={`font-semibold ${link}`} rel="noopener" data-testid={`directions-${d.service}`}>
                {t(`services.${d.service}`)}
              </a>
            </span>
          ))}
        </p>
        <Prose markdown={info.body[locale]} className="mt-4" />
      </section>
      {info.data.programs.length ? (
        <section aria-labelledby="programs-heading" className="mt-10" data-testid="port-programs">
          <h2 id="programs-heading" className="text-2xl font-bold">
            {t("programsHeading")}
          </h2>
          <ul className="mt-2 space-y-2">
            {info.data.programs.map((p) => (
              <li key={p}>
                <strong>{t(`programs.${p}.name`)}</strong>: {t(`programs.${p}.who`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <LinkSection id="port-guides" heading={t("guidesHeading")} links={guides.map((g) => ({ href: contentPath(g, locale), label: g.title[locale] }))} />
      <SourcesAndVerified sources={info.data.sources[locale]} verified={info.data.verified} locale={locale} />
      <JsonLd
        data={{
          "@type": "GovernmentBuilding",
          name: def.name[locale],
          description: info.summary[locale],
          url: absoluteUrl(`/${locale}/ports/${def.slug}`),
          address: def.address,
          geo: { "@type": "GeoCoordinates", latitude: def.coordinates.lat, longitude: def.coordinates.lon },
        }}
      />
    </>
  );
}
