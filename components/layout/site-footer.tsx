import { useLocale, useTranslations } from "next-intl";
import { PORTS } from "@/lib/ports";
import { Link } from "@/lib/i18n/navigation";

type LayoutKey = Parameters<ReturnType<typeof useTranslations<"Layout">>>[0];

const TRAVEL_LINKS = [
  { href: "/guides", label: "navGuides" },
  { href: "/plan", label: "navPlan" },
  { href: "/search", label: "navSearch" },
] as const satisfies readonly { href: string; label: LayoutKey }[];

const COALITION_LINKS = [
  { href: "/about", label: "navAbout" },
  { href: "/meetings", label: "navMeetings" },
  { href: "/initiatives", label: "navInitiatives" },
  { href: "/announcements", label: "navAnnouncements" },
] as const satisfies readonly { href: string; label: LayoutKey }[];

function FooterNav({ label, links }: { label: string; links: readonly { href: string; label: LayoutKey }[] }) {
  const t = useTranslations("Layout");
  return (
    <nav aria-label={label}>
      <h2 className="font-bold">{label}</h2>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="underline underline-offset-4">
              {t(l.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SiteFooter() {
  const t = useTranslations("Layout");
  const locale = useLocale();
  return (
    <footer className="mt-12 border-t border-slate-300 bg-slate-100 text-sm text-slate-800">
      <div className="mx-auto max-w-3xl space-y-3 px-4 py-6">
        <nav aria-label={t("portsNav")}>
          <h2 className="font-bold">{t("portsNav")}</h2>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
            {PORTS.map((p) => (
              <li key={p.slug}>
                <Link href={`/ports/${p.slug}`} className="underline underline-offset-4">
                  {p.name[locale]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <FooterNav label={t("travelNav")} links={TRAVEL_LINKS} />
        <FooterNav label={t("coalitionNav")} links={COALITION_LINKS} />
        <p>{t("footerSource")}</p>
        <p>
          <Link href="/methodology" className="underline underline-offset-4">
            {t("footerMethodology")}
          </Link>
        </p>
        <p>
          <Link href="/developers" className="underline underline-offset-4">
            {t("footerDevelopers")}
          </Link>
        </p>
        <p>{t("footerSouthbound")}</p>
        <p>{t("footerTimes")}</p>
        <p>{t("footerCoalition")}</p>
      </div>
    </footer>
  );
}
