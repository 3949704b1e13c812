/**
 * Meeting calendars parsed back with ical.js (Mozilla's iCalendar parser), and the
 * announcements feeds checked like the other feeds (RSS 2.0 / RFC 4287 rules plus a parser).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { parseFeed } from "@rowanmanning/feed-parser";
import { openDatabase, type Db } from "@/lib/db/client";
import { readSeedFiles } from "@/lib/content/seed-files";
import { applySeed, listPublished } from "@/lib/content/store";
import { meetingsCalendar } from "@/lib/content/ics";
import { announcementEntry, mergeAnnouncements, newsInstant } from "@/lib/content/announcements";
import { renderFeed } from "@/lib/feeds/build";
import type { Alert } from "@/lib/alerts/model";
import { checkAtom, checkRss } from "@/tests/unit/feeds/feed-checks";

const SITE = "https://smartborder.example.org";
const NOW = Date.UTC(2026, 11, 5, 18);
let db: Db;

beforeAll(() => {
  db = openDatabase(":memory:");
  applySeed(db, readSeedFiles(path.join(process.cwd(), "content")), NOW);
});

const labels = { agenda: "Agenda", materials: "Materials", details: "Details" };

describe("meeting calendars", () => {
  it("the whole calendar parses and has every meeting with its exact times, place and page", () => {
    const meetings = listPublished(db, "meeting");
    const ics = meetingsCalendar(meetings, { locale: "es", siteUrl: SITE, name: "Reuniones", description: "d", labels, now: NOW });
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(meetings.length);
    for (const m of meetings) {
      const e = events.find((x) => x.uid === `meeting-${m.key}@smartborder.example.org`)!;
      expect(e, m.key).toBeDefined();
      expect(e.startDate.toJSDate().getTime()).toBe(Date.parse(m.data.starts));
      expect(e.endDate.toJSDate().getTime()).toBe(Date.parse(m.data.ends));
      expect(e.summary).toBe(m.title.es);
      expect(e.location).toContain(m.data.venue.address);
      expect(e.description).toContain(`${SITE}/es/meetings#${m.key}`);
    }
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Reuniones");
  });

  it("one meeting is a calendar of its own whose UID matches the subscription's, in either language", () => {
    const [m] = listPublished(db, "meeting");
    const uid = (locale: "en" | "es") => new ICAL.Event(new ICAL.Component(ICAL.parse(meetingsCalendar([m!], { locale, siteUrl: SITE, name: "x", description: "d", labels, now: NOW }))).getFirstSubcomponent("vevent")!).uid;
    expect(uid("en")).toBe(uid("es"));
  });
});

describe("announcements", () => {
  const alert: Alert = {
    id: 7,
    title: { en: "PedWest closed today", es: "PedWest cerrado hoy" },
    body: { en: "Use PedEast.", es: "Use PedEast." },
    severity: "warning",
    ports: ["san-ysidro"],
    startsAt: NOW - 3_600_000,
    endsAt: null,
    status: "published",
    publishedAt: NOW - 3_600_000,
    createdAt: NOW - 3_600_000,
    updatedAt: NOW - 3_600_000, revision: 1,
  };

  it("news and staff alerts, newest first, news dated 9 a.m. Pacific on its day", () => {
    const merged = mergeAnnouncements(listPublished(db, "announcement"), [alert]);
    expect(merged[0]?.kind).toBe("alert");
    for (let i = 1; i < merged.length; i++) expect(merged[i - 1]!.at).toBeGreaterThanOrEqual(merged[i]!.at);
    expect(new Date(newsInstant("2026-07-01")).toISOString()).toBe("2026-07-01T16:00:00.000Z");
    expect(new Date(newsInstant("2026-12-05")).toISOString()).toBe("2026-12-05T17:00:00.000Z");
  });

  for (const locale of ["en", "es"] as const)
    it(`the ${locale} feeds are valid RSS 2.0 and Atom and carry every item`, async () => {
      const merged = mergeAnnouncements(listPublished(db, "announcement"), [alert]);
      const doc = (format: "rss" | "atom") =>
        renderFeed({
          format,
          locale,
          id: `feed/${locale}/announcements`,
          title: "t",
          description: "d",
          link: `${SITE}/${locale}/announcements`,
          feedUrl: `${SITE}/${locale}/announcements/feed.${format}`,
          siteUrl: SITE,
          now: NOW,
          entries: merged.map((a) => announcementEntry(a, locale, SITE, NOW)),
        });
      // Announcements link to site pages; in a feed those links must be absolute.
      for (const format of ["rss", "atom"] as const) {
        // (RSS carries the HTML in CDATA, Atom escaped.)
        expect(doc(format)).toMatch(new RegExp(`href=(&quot;|")${SITE}/${locale}/`));
        expect(doc(format)).not.toMatch(/href=(&quot;|")\//);
      }
      const rss = checkRss(doc("rss"));
      const atom = checkAtom(doc("atom"));
      expect(rss.items).toHaveLength(merged.length);
      expect(atom.items).toHaveLength(merged.length);
      const parsed = parseFeed(doc("atom"));
      // Alerts carry their severity before the title ("Warning: …"), as in the port feeds.
      expect(parsed.items.some((i) => i.title?.endsWith(alert.title[locale]))).toBe(true);
      const news = listPublished(db, "announcement")[0]!;
      expect(parsed.items.find((i) => i.title === news.title[locale])?.url).toBe(`${SITE}/${locale}/announcements#${news.key}`);
    });
});
