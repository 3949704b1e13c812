import type { Metadata } from "next";
import { getNow, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { alternatesFor } from "@/lib/i18n/metadata";
import { SITE_TIME_ZONE, type Locale } from "@/lib/i18n/routing";
import { contentDb } from "@/lib/content/read";
import { announcementAnchor } from "@/lib/content/announcements";
import { announcementsFeedPath, readAnnouncements } from "@/lib/content/announcements-feed";
import { alertText } from "@/lib/alerts/items";
import { getPort } from "@/lib/ports";
import { formatDateTime } from "@/components/ui/format";
import { formatCalendarDate } from "@/components/content/format";
import { Prose } from "@/components/content/prose";

type Props = PageProps<"/[locale]/announcements">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "Announcements" });
  return {
    title: t("title"),
    description: t("description"),
    alternates: {
      ...alternatesFor("/announcements", locale),
      types: {
        "application/rss+xml": [{ url: announcementsFeedPath(locale, "rss"), title: t("feedTitle") }],
        "application/atom+xml": [{ url: announcementsFeedPath(locale, "atom"), title: t("feedTitle") }],
      },
    },
  };
}

export default async function AnnouncementsPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("Announcements");
  const tf = await getTranslations("Feeds");
  const now = (await getNow()).getTime();
  const items = readAnnouncements(contentDb(), now);
  const link = "font-semibold text-sky-800 underline underline-offset-4";
  const portLinks = (slugs: readonly string[]) =>
    slugs.length ? (
      <p className="mt-2 text-sm">
        {t("ports")}{" "}
        {slugs.map((slug, i) => (
          <span key={slug}>
            {i ? ", " : ""}
            <Link href={`/ports/${slug}`} className="text-sky-800 underline underline-offset-4">
              {getPort(slug)?.name[locale] ?? slug}
            </Link>
          </span>
        ))}
      </p>
    ) : null;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("intro")}</p>
      <p className="mt-3 text-sm" data-testid="announcement-feeds">
        {t("subscribe")}{" "}
        <a href={announcementsFeedPath(locale, "rss")} type="application/rss+xml" className={link}>
          {tf("rss")}
        </a>
        {" · "}
        <a href={announcementsFeedPath(locale, "atom")} type="application/atom+xml" className={link}>
          {tf("atom")}
        </a>
      </p>
      {items.length === 0 ? <p className="mt-6">{t("none")}</p> : null}
      <ul className="mt-6 space-y-4">
        {items.map((a) => (
          <li key={announcementAnchor(a)} id={announcementAnchor(a)} className="scroll-mt-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="announcement" data-kind={a.kind}>
            {a.kind === "news" ? (
              <article>
                <p className="text-sm font-semibold text-slate-700">
                  <time dateTime={a.item.data.date}>{formatCalendarDate(locale, a.item.data.date)}</time> · {t("news")}
                </p>
                <h2 className="mt-1 text-xl font-bold">{a.item.title[locale]}</h2>
                <p className="mt-1 text-slate-800">{a.item.summary[locale]}</p>
                <Prose markdown={a.item.body[locale]} className="mt-3" idPrefix={`${a.item.key}-`} />
                {portLinks(a.item.data.ports)}
                {a.item.data.sources?.[locale].length ? (
                  <p className="mt-2 text-sm">
                    {t("sources")}{" "}
                    {a.item.data.sources[locale].map((s, i) => (
                      <span key={s.url}>
                        {i ? " · " : ""}
                        <a href={s.url} className="text-sky-800 underline underline-offset-4" rel="noopener">
                          {s.label}
                        </a>
                      </span>
                    ))}
                  </p>
                ) : null}
              </article>
            ) : (
              <article>
                <p className="text-sm font-semibold text-slate-700">
                  <time dateTime={new Date(a.at).toISOString()}>{formatDateTime(locale, a.at, { dateStyle: "long", timeStyle: "short", timeZone: SITE_TIME_ZONE })}</time> ·{" "}
                  {tf(`severity.${a.alert.severity}`)}
                </p>
                <h2 className="mt-1 text-xl font-bold">{alertText(a.alert, locale, now).title}</h2>
                <p className="mt-2 whitespace-pre-line text-slate-800">{alertText(a.alert, locale, now).body}</p>
                {portLinks(a.alert.ports)}
              </article>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
