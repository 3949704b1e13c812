/**
 * What RSS 2.0 (rssboard.org spec) and Atom 1.0 (RFC 4287) require of a document, checked on
 * the XML itself (independently of the `feed` library that wrote it), plus well-formedness.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";

type Node = Record<string, unknown>;

const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const textOf = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v) : v && typeof v === "object" && "#text" in v ? String((v as Node)["#text"]) : "");

/** RFC 822 as updated by RFC 1123 (what RSS 2.0 asks for), e.g. "Thu, 15 Jan 2026 18:10:12 GMT". */
export const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UT|[+-]\d{4})$/;
/** RFC 3339 date-time (Atom's date construct). */
export const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parse(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, processEntities: true }).parse(xml) as Node;
}

const absolute = (u: string) => expect(() => new URL(u), u).not.toThrow();

export interface CheckedItem {
  id: string;
  title: string;
  link: string;
  date: string;
}

export function checkRss(xml: string): { title: string; items: CheckedItem[] } {
  const doc = parse(xml);
  const rss = doc.rss as Node;
  expect(rss["@version"]).toBe("2.0");
  const channel = rss.channel as Node;
  for (const k of ["title", "link", "description"]) expect(textOf(channel[k]).trim(), `channel ${k}`).not.toBe("");
  absolute(textOf(channel.link));
  if (channel.lastBuildDate !== undefined) expect(textOf(channel.lastBuildDate)).toMatch(RFC_822);
  const items = arr(channel.item as Node | Node[]).map((item) => {
    expect(textOf(item.title).trim() || textOf(item.description).trim(), "item needs a title or a description").not.toBe("");
    const guid = textOf(item.guid);
    expect(guid).not.toBe("");
    expect(["false", undefined]).toContain((item.guid as Node)["@isPermaLink"]);
    const pubDate = textOf(item.pubDate);
    expect(pubDate).toMatch(RFC_822);
    expect(Number.isFinite(Date.parse(pubDate))).toBe(true);
    absolute(textOf(item.link));
    return { id: guid, title: textOf(item.title), link: textOf(item.link), date: pubDate };
  });
  expect(new Set(items.map((i) => i.id)).size, "unique guids").toBe(items.length);
  return { title: textOf(channel.title), items };
}

export function checkAtom(xml: string): { title: string; items: CheckedItem[] } {
  const doc = parse(xml);
  const feed = doc.feed as Node;
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  // atom:feed: exactly one id, title and updated; author unless every entry has one.
  for (const k of ["id", "title", "updated"]) {
    expect(arr(feed[k] as unknown).length, `feed ${k}`).toBe(1);
    expect(textOf(feed[k]).trim()).not.toBe("");
  }
  absolute(textOf(feed.id));
  expect(textOf(feed.updated)).toMatch(RFC_3339);
  const feedAuthors = arr(feed.author as Node | Node[]);
  for (const a of feedAuthors) expect(textOf(a.name).trim()).not.toBe("");
  const links = arr(feed.link as Node | Node[]);
  expect(links.some((l) => l["@rel"] === "self")).toBe(true);
  const entries = arr(feed.entry as Node | Node[]).map((e) => {
    for (const k of ["id", "title", "updated"]) {
      expect(arr(e[k] as unknown).length, `entry ${k}`).toBe(1);
      expect(textOf(e[k]).trim()).not.toBe("");
    }
    absolute(textOf(e.id));
    expect(textOf(e.updated)).toMatch(RFC_3339);
    if (e.published !== undefined) expect(textOf(e.published)).toMatch(RFC_3339);
    if (feedAuthors.length === 0) expect(arr(e.author as Node | Node[]).length).toBeGreaterThan(0);
    // No content element: then an alternate link is required (RFC 4287 §4.1.1), and we always give one.
    const alternate = arr(e.link as Node | Node[]).find((l) => l["@rel"] === undefined || l["@rel"] === "alternate");
    expect(alternate, "entry link rel=alternate").toBeDefined();
    absolute(String(alternate!["@href"]));
    return { id: textOf(e.id), title: textOf(e.title), link: String(alternate!["@href"]), date: textOf(e.updated) };
  });
  expect(new Set(entries.map((i) => i.id)).size, "unique entry ids").toBe(entries.length);
  return { title: textOf(feed.title), items: entries };
}
