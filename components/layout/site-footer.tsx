import { useLocale, useTranslations } from "next-intl";
import { PORTS } from "@/lib/ports";
import { Link } from "@/lib/i18n/navigation";

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
