import { getTranslations } from "next-intl/server";
import type { Source } from "@/lib/content/model";
import type { Locale } from "@/lib/i18n/routing";
import { formatCalendarDate } from "@/components/content/format";

/** "Last verified" and the official sources: every guide and port page ends with them. */
export async function SourcesAndVerified({ sources, verified, locale }: { sources: readonly Source[]; verified?: string; locale: Locale }) {
  const t = await getTranslations("Content");
  return (
    <section aria-labelledby="sources-heading" className="mt-10 border-t border-slate-300 pt-4 text-sm text-slate-800" data-testid="sources">
      <h2 id="sources-heading" className="text-lg font-bold text-slate-900">
        {t("sourcesHeading")}
      </h2>
      {verified ? (
        <p className="mt-1" data-testid="verified">
          {t("lastVerified", { date: formatCalendarDate(locale, verified) })}
        </p>
      ) : null}
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} className="text-sky-800 underline underline-offset-4" rel="noopener">
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
