import type { Metadata } from "next";
import { getNow, getTranslations, setRequestLocale } from "next-intl/server";
import { alternatesFor } from "@/lib/i18n/metadata";
import { SITE_TIME_ZONE, type Locale } from "@/lib/i18n/routing";
import { contentDb } from "@/lib/content/read";
import { listPublished } from "@/lib/content/store";
import type { ContentItem } from "@/lib/content/model";
import { absoluteUrl } from "@/lib/content/metadata";
import { calendarPath, meetingIcsPath } from "@/lib/content/paths";
import { formatDateTime } from "@/components/ui/format";
import { Prose } from "@/components/content/prose";
import { CopyButton } from "@/components/ui/copy-button";
import { JsonLd } from "@/components/content/json-ld";

type Props = PageProps<"/[locale]/meetings">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "Meetings" });
  return {
    title: t("title"),
    description: t("description"),
    alternates: { ...alternatesFor("/meetings", locale), types: { "text/calendar": [{ url: calendarPath(locale), title: t("calendarName") }] } },
  };
}

export default async function MeetingsPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("Meetings");
  const now = (await getNow()).getTime();
  const meetings = listPublished(contentDb(), "meeting");
  const upcoming = meetings.filter((m) => Date.parse(m.data.ends) >= now);
  const past = meetings.filter((m) => Date.parse(m.data.ends) < now).reverse();
  const link = "font-semibold text-sky-800 underline underline-offset-4";
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("intro")}</p>
      <p className="mt-4 rounded-lg border border-sky-300 bg-sky-50 p-4">
        <a href={calendarPath(locale)} className={link} data-testid="calendar-feed">
          {t("subscribe")}
        </a>{" "}
        <span className="text-slate-800">{t("subscribeHint")}</span>
        <span className="mt-2 flex flex-wrap items-center gap-2">
          <code className="break-all rounded bg-white px-2 py-1 text-sm" data-testid="calendar-url">
            {absoluteUrl(calendarPath(locale))}
          </code>
          <CopyButton text={absoluteUrl(calendarPath(locale))} label={t("copyAddress")} done={t("copied")} failed={t("copyFailed")} />
        </span>
      </p>
      <section aria-labelledby="upcoming-heading" className="mt-8" data-testid="upcoming">
        <h2 id="upcoming-heading" className="text-2xl font-bold">
          {t("upcoming")}
        </h2>
        {upcoming.length ? <MeetingList meetings={upcoming} locale={locale} /> : <p className="mt-2">{t("noneUpcoming")}</p>}
      </section>
      {past.length ? (
        <section aria-labelledby="past-heading" className="mt-10" data-testid="past">
          <h2 id="past-heading" className="text-2xl font-bold">
            {t("past")}
          </h2>
          <MeetingList meetings={past} locale={locale} />
        </section>
      ) : null}
      <JsonLd
        data={{
          "@graph": meetings.map((m) => ({
            "@type": "Event",
            name: m.title[locale],
            description: m.summary[locale],
            startDate: m.data.starts,
            endDate: m.data.ends,
            eventStatus: "https://schema.org/EventScheduled",
            eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
            inLanguage: locale,
            url: absoluteUrl(`/${locale}/meetings#${m.key}`),
            location: { "@type": "Place", name: m.data.venue.name, address: m.data.venue.address },
            organizer: { "@type": "Organization", name: t("organizer"), url: absoluteUrl(`/${locale}/about`) },
          })),
        }}
      />
    </>
  );
}

async function MeetingList({ meetings, locale }: { meetings: ContentItem<"meeting">[]; locale: Locale }) {
  const t = await getTranslations("Meetings");
  const link = "text-sky-800 underline underline-offset-4";
  const when = (m: ContentItem<"meeting">) => {
    const day = formatDateTime(locale, Date.parse(m.data.starts), { dateStyle: "full", timeZone: SITE_TIME_ZONE });
    const time = (iso: string) => formatDateTime(locale, Date.parse(iso), { timeStyle: "short", timeZone: SITE_TIME_ZONE });
    return t("when", { day, from: time(m.data.starts), to: time(m.data.ends) });
  };
  return (
    <ul className="mt-3 space-y-4">
      {meetings.map((m) => (
        <li key={m.key} id={m.key} className="scroll-mt-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="meeting">
          <h3 className="text-xl font-bold">{m.title[locale]}</h3>
          <p className="mt-1 font-semibold text-slate-800">{when(m)}</p>
          <p className="mt-1 text-slate-800">
            {t(`types.${m.data.type}`)} · {t(`cities.${m.data.city}`)}
          </p>
          <p className="mt-1">
            <span className="font-semibold">{t("venue")}: </span>
            {m.data.venue.name}, {m.data.venue.address}
          </p>
          <p className="mt-2 text-slate-800">{m.summary[locale]}</p>
          <h4 className="mt-3 font-bold">{t("agenda")}</h4>
          <Prose markdown={m.body[locale]} className="mt-1" idPrefix={`${m.key}-`} />
          {m.data.materials.length ? (
            <>
              <h4 className="mt-3 font-bold">{t("materials")}</h4>
              <ul className="mt-1 list-disc pl-5">
                {m.data.materials.map((x) => (
                  <li key={x.url}>
                    <a href={x.url} className={link} rel="noopener">
                      {x.label[locale]}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="mt-3">
            <a href={meetingIcsPath(locale, m.key)} className={`font-semibold ${link}`} data-testid="meeting-ics" download>
              {t("addToCalendar", { title: m.title[locale] })}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
