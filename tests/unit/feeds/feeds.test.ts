/**
 * The RSS and Atom feeds, every port and the all-ports feed, in both languages: well-formed,
 * meeting RSS 2.0 and RFC 4287 (checked on the XML), readable by a real feed parser, with the
 * API's caching rules, and carrying exactly the items /api/v1/alerts lists.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { checkAtom, checkRss } from "./feed-checks";
import { handleAlerts } from "@/lib/api/alerts-handler";
import { AlertsResponse } from "@/lib/api/alerts-schema";
import { DATA_CACHE_CONTROL } from "@/lib/api/http";
import { createAlert, recordFailedPollEvents, recordPollEvents } from "@/lib/alerts/store";
import type { Db } from "@/lib/db/client";
import { escapeFeedText, textToHtml, type FeedFormat } from "@/lib/feeds/build";
import { handleFeed } from "@/lib/feeds/handler";
import { PORTS } from "@/lib/ports";
import { emptyDb, FIXTURE_AT, fixtureSnapshot, OTROLADO_FILE } from "@/tests/unit/support/waits-fixtures";

const SITE = "https://smartborder.example.org";
const MIN = 60_000;
const T0 = FIXTURE_AT;
const NOW = T0 + 60 * MIN;
const LOCALES = ["en", "es"] as const;
const FORMATS: FeedFormat[] = ["rss", "atom"];
const TYPES = { rss: "application/rss+xml; charset=utf-8", atom: "application/atom+xml; charset=utf-8" };

let db: Db;
let hostile: number;

beforeAll(() => {
  db = emptyDb();
  recordPollEvents(db, { snapshot: fixtureSnapshot(), at: T0, previousSuccessAt: null, staleAfterMs: 900_000 });
  recordPollEvents(db, { snapshot: fixtureSnapshot(OTROLADO_FILE, T0), at: T0 + 10 * MIN, previousSuccessAt: T0, staleAfterMs: 900_000 });
  recordFailedPollEvents(db, { at: T0 + 30 * MIN, lastSuccessAt: T0 + 10 * MIN, staleAfterMs: 900_000 });
  createAlert(
    db,
    { titleEn: "SENTRI lane closed overnight", titleEs: "Carril SENTRI cerrado por la noche", bodyEn: "From 11 p.m. to 5 a.m.\n\nUse the Ready Lane.", bodyEs: "De 11 p. m. a 5 a. m.\n\nUse la Ready Lane.", severity: "critical", ports: ["san-ysidro"], startsAt: T0 + 20 * MIN, status: "published" },
    T0,
  );
  // Staff text that would break naive XML or inject markup.
  hostile = createAlert(
    db,
    { titleEn: "Closed <script>alert(1)</script> & ]]> done", titleEs: "Cerrado ]]><b>x</b> & más", bodyEn: "a ]]> b <img src=x onerror=alert(1)>\u2028", bodyEs: "¿Dónde? «aquí» ]]>]]>", ports: [], startsAt: T0 + 25 * MIN, status: "published" },
    T0,
  );
});

const source = () => ({ db, now: () => NOW, siteUrl: SITE });
const path = (locale: string, slug: string | null, format: FeedFormat) => `${SITE}/${locale}${slug ? `/ports/${slug}` : ""}/feed.${format}`;
function fetchFeed(locale: string, slug: string | null, format: FeedFormat, headers: Record<string, string> = {}): Response {
  return handleFeed(new Request(path(locale, slug, format), { headers }), { locale, slug: slug ?? undefined, format }, source());
}

async function xmlOf(res: Response, format: FeedFormat): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(TYPES[format]);
  expect(res.headers.get("cache-control")).toBe(DATA_CACHE_CONTROL);
  expect(res.headers.get("etag")).toMatch(/^W\/"[^"]+"$/);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.has("set-cookie")).toBe(false);
  return res.text();
}

describe("feeds", () => {
  for (const locale of LOCALES) {
    for (const format of FORMATS) {
      for (const slug of [null, ...PORTS.map((p) => p.slug)]) {
        it(`${locale} ${format} ${slug ?? "all ports"}: valid, parseable, the API's items in the feed's language`, async () => {
          const xml = await xmlOf(fetchFeed(locale, slug, format), format);
          const checked = format === "rss" ? checkRss(xml) : checkAtom(xml);
          const parsed = parseFeed(xml);
          expect(parsed.meta.type).toBe(format);
          expect(parsed.title).toBe(checked.title);
          expect(parsed.language ?? locale).toBe(locale);
          const api = AlertsResponse.parse(await handleAlerts(new Request(`${SITE}/api/v1/alerts${slug ? `?port=${slug}` : ""}`), { db, now: () => NOW }).json());
          // Same items, same order, ids tagged with the language; titles from the API's text.
          expect(checked.items.map((i) => i.id)).toEqual(api.data.map((i) => `tag:smartborder.example.org,2026:${i.id}/${locale}`));
          expect(parsed.items.map((i) => i.id)).toEqual(checked.items.map((i) => i.id));
          for (const [k, item] of parsed.items.entries()) {
            const apiItem = api.data[k]!;
            // Warning and urgent alerts get the severity in front of the staff's title.
            expect(item.title?.endsWith(apiItem.title[locale]), `${item.title} / ${apiItem.title[locale]}`).toBe(true);
            expect(item.url).toBe(slug ? `${SITE}/${locale}/ports/${slug}` : apiItem.ports.length === 1 ? `${SITE}/${locale}/ports/${apiItem.ports[0]}` : `${SITE}/${locale}`);
            expect(item.published?.getTime()).toBe(Math.floor(Date.parse(apiItem.at) / 1000) * 1000);
          }
          if (slug === "san-ysidro") expect(parsed.items.length).toBeGreaterThanOrEqual(4);
          if (slug === "otay-mesa-east") expect(parsed.items.every((_, k) => api.data[k]!.ports.length === 0)).toBe(true);
        });
      }
    }
  }

  it("titles and descriptions are in the feed's language", async () => {
    const en = parseFeed(await fetchFeed("en", "san-ysidro", "atom").text());
    const es = parseFeed(await fetchFeed("es", "san-ysidro", "rss").text());
    expect(en.title).toBe("San Ysidro: border alerts and status changes");
    expect(es.title).toBe("San Ysidro: avisos y cambios en la garita");
    expect(en.items.map((i) => i.title)).toContain("Urgent: SENTRI lane closed overnight");
    expect(es.items.map((i) => i.title)).toContain("Urgente: Carril SENTRI cerrado por la noche");
    expect(es.items.map((i) => i.title)).toContain("PedWest / El Chaparral: cruce cerrado");
    expect(es.items.map((i) => i.title)).toContain("Los tiempos de espera no están al día");
    const alert = es.items.find((i) => i.title?.startsWith("Urgente"))!;
    expect(alert.description).toContain("<p>De 11 p. m. a 5 a. m.</p><p>Use la Ready Lane.</p>");
    expect(alert.description).toContain("Vigente desde el");
    expect(alert.description).toContain("hora del Pacífico");
  });

  it("hostile staff text stays escaped text: well-formed XML, no markup injected", async () => {
    for (const format of FORMATS) {
      for (const locale of LOCALES) {
        const xml = await fetchFeed(locale, null, format).text();
        (format === "rss" ? checkRss : checkAtom)(xml);
        expect(xml).not.toMatch(/<script|<img|<b>/);
        const item = parseFeed(xml).items.find((i) => i.id?.includes(`alert-${hostile}/`))!;
        // A reader decodes the escaped HTML back to exactly what staff typed, shown as text.
        expect(item.title).toBe(locale === "en" ? "Closed <script>alert(1)</script> & ]]> done" : "Cerrado ]]><b>x</b> & más");
      }
    }
    expect(escapeFeedText("a]]>b\u0001")).toBe("a]]&gt;b");
    expect(textToHtml("one\ntwo\n\nthree <x>")).toBe("<p>one<br>two</p><p>three &lt;x&gt;</p>");
  });

  it("ETag and 304, a different ETag per language and format", async () => {
    const res = fetchFeed("en", "tecate", "atom");
    const etag = res.headers.get("etag")!;
    const again = fetchFeed("en", "tecate", "atom", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect(fetchFeed("es", "tecate", "atom").headers.get("etag")).not.toBe(etag);
    expect(fetchFeed("en", "tecate", "rss").headers.get("etag")).not.toBe(etag);
  });

  it("an alert published now appears at the top of the feeds it concerns, and only those", async () => {
    const fresh = emptyDb();
    const src = { db: fresh, now: () => NOW, siteUrl: SITE };
    const feed = (slug: string | null) => handleFeed(new Request(path("en", slug, "atom")), { locale: "en", slug: slug ?? undefined, format: "atom" }, src).text();
    expect(checkAtom(await feed("otay-mesa")).items).toEqual([]);
    const id = createAlert(fresh, { titleEn: "Otay cargo delays", titleEs: "Demoras en la carga de Otay", bodyEn: "Inspections.", bodyEs: "Revisiones.", ports: ["otay-mesa"], startsAt: NOW - MIN, status: "published" }, NOW - MIN);
    for (const slug of [null, "otay-mesa"]) expect(checkAtom(await feed(slug)).items.map((i) => i.id)).toEqual([`tag:smartborder.example.org,2026:alert-${id}/en`]);
    expect(checkAtom(await feed("tecate")).items).toEqual([]);
  });

  it("an unknown port or language is a 404", async () => {
    for (const [locale, slug] of [["en", "tijuana"], ["fr", "tecate"], ["en", "../x"]] as const) {
      const res = handleFeed(new Request(`${SITE}/x`), { locale, slug, format: "rss" }, source());
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });
});
