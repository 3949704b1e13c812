import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { otherLocale } from "@/lib/i18n/routing";
import { LocaleSwitch } from "@/components/layout/locale-switch";

const NAV = [
  { href: "/", label: "navWaits" },
  { href: "/guides", label: "navGuides" },
  { href: "/dashboard", label: "navDashboard" },
  { href: "/search", label: "navSearch" },
] as const;

export function SiteHeader() {
  const t = useTranslations("Layout");
  const locale = useLocale();
  return (
    <header className="bg-sky-950 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sky-950"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="leading-tight text-white no-underline">
          <span className="block text-lg font-bold">{t("siteName")}</span>
          <span className="block text-sm text-sky-100">{t("siteTagline")}</span>
        </Link>
        <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-x-1 gap-y-1">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-2 py-1 text-white underline-offset-4 hover:underline">
              {t(item.label)}
            </Link>
          ))}
          <LocaleSwitch target={otherLocale(locale)} label={t("switchLanguage")} title={t("switchLanguageLabel")} />
        </nav>
      </div>
    </header>
  );
}
