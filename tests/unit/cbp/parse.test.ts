import { describe, expect, it } from "vitest";
import { FeedError, processFeed } from "@/lib/cbp";
import type { FeedErrorCode } from "@/lib/cbp/errors";
import { decodeXmlText } from "@/lib/cbp/normalize";
import { decodeBody, detectFormat, parseFeed } from "@/lib/cbp/parse";
import { expectSnapshotInvariants, feedFixtures, fetchedAtOf, fixture, fixtureText } from "./support";

const XML = "bwt-xml_2026-01-15T181012Z_borderbuddy.xml";
const XML_FETCHED = fetchedAtOf(XML);
const JSON_FILE = "bwtnew_2026-08-31T034144Z_otrolado.json";
const JSON_FETCHED = fetchedAtOf(JSON_FILE);
const OUR_NUMBERS = ["250401", "250407", "250409", "250501", "250601", "250602"];

const latin1 = (text: string): Buffer => Buffer.from(text, "latin1");
const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");

function codeOf(run: () => unknown): FeedErrorCode | "no error" | "other error" {
  try {
    run();
    return "no error";
  } catch (error) {
    return error instanceof FeedError ? error.code : "other error";
  }
}

/** One `<port>…</port>` element of the XML text, by port number. */
function xmlPort(text: string, number: string): string {
  const m = new RegExp(`<port><port_number>${number}</port_number>.*?</port>`, "s").exec(text);
  if (!m) throw new Error(`port ${number} not in the fixture`);
  return m[0];
}

/** Adds an element just before the closing tag of one port record. */
function withInPort(text: string, number: string, element: string): string {
  const port = xmlPort(text, number);
  return text.replace(port, port.replace(/<\/port>$/, `${element}</port>`));
}

type JsonPort = Record<string, unknown>;
const jsonPorts = (): JsonPort[] => JSON.parse(fixtureText(JSON_FILE)) as JsonPort[];

describe("real CBP error bodies", () => {
  it.each([
    ["error-500-read_2025-09-29T180651Z_borderbuddy.html", "html_error_page"],
    ["error-akamai_2025-06-10T070453Z_borderbuddy.html", "html_error_page"],
    ["error-iis_2025-08-08T230444Z_borderbuddy.txt", "unknown_format"],
  ] as const)("%s → %s", (name, code) => {
    const body = fixture(name);
    expect(codeOf(() => detectFormat(decodeBody(body)))).toBe(code);
    expect(codeOf(() => processFeed(body, Date.parse("2025-09-29T18:06:51Z")))).toBe(code);
  });

  it("recognises an HTML page even behind a BOM, a doctype or leading blank lines", () => {
    expect(codeOf(() => detectFormat("\uFEFF\r\n  <!DOCTYPE html><html><body>Error</body></html>"))).toBe("html_error_page");
    expect(codeOf(() => detectFormat("<html lang=en>"))).toBe("html_error_page");
  });
});

describe("detectFormat and decodeBody", () => {
  it.each([
    ["[{}]", "json"],
    ['{"port_number":"250401"}', "json"],
    ["\uFEFF  [", "json"],
    ["<?xml version='1.0'?><border_wait_time/>", "xml"],
    ["\n<border_wait_time>", "xml"],
  ] as const)("%j → %s", (body, format) => {
    expect(detectFormat(body)).toBe(format);
  });

  it.each(["", "   \r\n\t", "\uFEFF", "\uFEFF  "])("an empty body %j → empty", (body) => {
    expect(codeOf(() => detectFormat(body))).toBe("empty");
    expect(codeOf(() => processFeed(utf8(body), XML_FETCHED))).toBe("empty");
  });

  it("rejects a zero-byte response as empty", () => {
    expect(codeOf(() => processFeed(new Uint8Array(), XML_FETCHED))).toBe("empty");
  });

  it.each(["Service Unavailable", "null", "true", "42"])("text that is neither XML nor JSON (%j) → unknown_format", (body) => {
    expect(codeOf(() => processFeed(utf8(body), XML_FETCHED))).toBe("unknown_format");
  });

  it("decodes the XML feed as ISO-8859-1, as its declaration says", () => {
    const body = Buffer.concat([latin1("<?xml version='1.0' encoding='ISO-8859-1'?><a>caf"), Buffer.from([0xe9]), latin1("</a>")]);
    expect(decodeBody(body)).toContain("café");
    // Read as UTF-8 the lone 0xE9 byte would become U+FFFD: the declaration is what makes it right.
    expect(new TextDecoder().decode(body)).toContain("caf\uFFFD");
  });

  it("decodes JSON and undeclared XML as UTF-8", () => {
    expect(decodeBody(utf8('[{"construction_notice":"café"}]'))).toBe('[{"construction_notice":"café"}]');
    expect(decodeBody(utf8('<?xml version="1.0" encoding="UTF-8"?><a>café</a>'))).toContain("café");
    expect(decodeBody(utf8("\uFEFF[]"))).toBe("[]");
  });
});

describe("XML payload checks", () => {
  it("accepts the untouched fixture", () => {
    const parsed = parseFeed(decodeBody(fixture(XML)));
    expect(parsed.format).toBe("xml");
    expect(parsed.lastUpdated).toEqual({ date: "2026-1-15", time: "13:6:56" });
    expect(parsed.ports).toHaveLength(81); // <number_of_ports>81</number_of_ports>
  });

  it.each(feedFixtures().filter((f) => f.endsWith(".xml")))("%s cut at 60%% → truncated", (name) => {
    const body = fixture(name);
    expect(codeOf(() => processFeed(body.subarray(0, Math.floor(body.length * 0.6)), fetchedAtOf(name)))).toBe("truncated");
  });

  it("refuses a mismatched closing tag that a lenient parse would accept", () => {
    const text = decodeBody(fixture(XML)).replace("<port_name>San Ysidro</port_name>", "<port_name>San Ysidro</port_nam>");
    expect(codeOf(() => processFeed(new TextEncoder().encode(text), fetchedAtOf(XML)))).toBe("malformed");
  });

  it("refuses a billion-laughs DOCTYPE before any entity is expanded", () => {
    const lol =
      '<!DOCTYPE border_wait_time [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
      "]>";
    const text = fixtureText(XML).replace("?>", `?>${lol}`);
    const bombed = withInPort(text, "250401", "<construction_notice>&lol9;</construction_notice>");
    const started = performance.now();
    expect(codeOf(() => processFeed(latin1(bombed), XML_FETCHED))).toBe("entities_forbidden");
    expect(performance.now() - started).toBeLessThan(1000);
    // Without the XML declaration too, and with a lone ENTITY declaration.
    expect(codeOf(() => processFeed(latin1(lol + fixtureText(XML).replace(/^<\?xml[^>]*\?>/, "")), XML_FETCHED))).toBe("entities_forbidden");
    expect(codeOf(() => processFeed(latin1(fixtureText(XML).replace("?>", '?><!ENTITY x "y">')), XML_FETCHED))).toBe("entities_forbidden");
  });

  it("treats a port missing against number_of_ports as a truncated feed", () => {
    const text = fixtureText(XML);
    const firstPort = /<port>.*?<\/port>/s.exec(text)![0];
    expect(firstPort).toContain("<port_number>070801</port_number>");
    expect(codeOf(() => processFeed(latin1(text.replace(firstPort, "")), XML_FETCHED))).toBe("truncated");
  });

  it("rejects a feed whose root is not border_wait_time, or whose ports lack numbers", () => {
    // The RSS feed some scrapers used is XML too: refused for what it is, not as a cut-off download.
    expect(codeOf(() => processFeed(utf8("<rss><channel/></rss>"), XML_FETCHED))).toBe("schema");
    for (const name of ["bwtrss-elpaso-2402_2025-03-27T204359Z_borderbuddy.xml", "bwtrss-HTML-ids-57-55_2024-07-08_kevincromleyii.xml"]) {
      expect(() => parseFeed(decodeBody(fixture(name)))).toThrow("an XML <rss> document, not CBP's <border_wait_time> feed");
    }
    expect(codeOf(() => processFeed(utf8("<border_wait_time><number_of_ports>0</number_of_ports></border_wait_time>"), XML_FETCHED))).toBe("schema");
    expect(codeOf(() => processFeed(utf8("<border_wait_time><port><port_name>x</port_name></port></border_wait_time>"), XML_FETCHED))).toBe("schema");
  });

  it("refuses a feed without any of our crossings", () => {
    let text = fixtureText(XML);
    for (const n of [...OUR_NUMBERS]) text = text.replace(xmlPort(text, n), "");
    text = text.replace("<number_of_ports>81</number_of_ports>", "<number_of_ports>75</number_of_ports>");
    expect(codeOf(() => processFeed(latin1(text), XML_FETCHED))).toBe("no_known_crossings");
  });

  it("quarantines one of our crossings that lacks port_status and keeps the others", () => {
    const text = fixtureText(XML);
    const port = xmlPort(text, "250401");
    expect(port).toContain("<port_status>Open</port_status>");
    const result = processFeed(latin1(text.replace(port, port.replace("<port_status>Open</port_status>", ""))), XML_FETCHED);
    expectSnapshotInvariants(result);
    expect(result.snapshot.crossings.map((c) => c.cbpPortNumber)).toEqual(["250602", "250601", "250409", "250407", "250501"]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^250401: port_status /);
  });

  it("decodes a 0xE9 byte in a notice as é", () => {
    const text = fixtureText(XML);
    const port = xmlPort(text, "250401");
    const [before, after] = [text.slice(0, text.indexOf(port) + port.length - "</port>".length), text.slice(text.indexOf(port) + port.length - "</port>".length)];
    const body = Buffer.concat([latin1(before), latin1("<construction_notice>Caf"), Buffer.from([0xe9]), latin1(" Garita</construction_notice>"), latin1(after)]);
    const sy = processFeed(body, XML_FETCHED).snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!;
    expect(sy.notice).toBe("Café Garita");
  });

  it("decodes entities in a notice exactly once", () => {
    const notice = "<construction_notice>Lanes 1 &amp; 2 &amp;lt;closed&amp;gt; &#233;&#x00E9; &quot;SENTRI&quot; &bogus;</construction_notice>";
    const result = processFeed(latin1(withInPort(fixtureText(XML), "250401", notice)), XML_FETCHED);
    const sy = result.snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!;
    expect(sy.notice).toBe('Lanes 1 & 2 &lt;closed&gt; éé "SENTRI" &bogus;');
  });

  it("decodes the real escaped name B&amp;M (Brownsville) to B&M", () => {
    const ports = parseFeed(decodeBody(fixture(XML))).ports;
    const bm = ports.find((p) => p.port_number === "535501")!;
    expect(bm.crossing_name).toBe("B&amp;M");
    expect(decodeXmlText(bm.crossing_name!)).toBe("B&M");
  });

  it.each([
    ["&amp;amp;", "&amp;"],
    ["&#0;", "&#0;"],
    ["&#xD800;", "&#xD800;"],
    ["&#x110000;", "&#x110000;"],
    ["&#65;&#x42;", "AB"],
    ["&AMP;", "&"],
    ["& amp;", "& amp;"],
  ])("decodeXmlText(%j) = %j", (raw, decoded) => {
    expect(decodeXmlText(raw)).toBe(decoded);
  });

  it("normalises notice line endings and does not take quadratic time on long blank runs", () => {
    const crlf = withInPort(fixtureText(XML), "250401", "<construction_notice>  Line one   \r\n\r\n\r\n\r\nLine two\t \rLine three  </construction_notice>");
    expect(processFeed(latin1(crlf), XML_FETCHED).snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!.notice).toBe("Line one\n\nLine two\nLine three");

    // 200k blanks without a newline: the poller runs this synchronously on the server's event loop.
    const blanks = withInPort(fixtureText(XML), "250401", `<construction_notice>a${" ".repeat(200_000)}b</construction_notice>`);
    const started = performance.now();
    const notice = processFeed(latin1(blanks), XML_FETCHED).snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!.notice;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(notice).toHaveLength(200_002);
  });
});

describe("JSON payload checks", () => {
  it("accepts the untouched fixture and a single bwtpublicmod object", () => {
    const parsed = parseFeed(decodeBody(fixture(JSON_FILE)));
    expect(parsed.format).toBe("json");
    expect(parsed.lastUpdated).toBeNull();
    expect(parsed.ports).toHaveLength(85);
    const one = jsonPorts().find((p) => p.port_number === "250401");
    const single = processFeed(utf8(JSON.stringify(one)), JSON_FETCHED);
    expect(single.snapshot.crossings.map((c) => c.cbpPortNumber)).toEqual(["250401"]);
  });

  it("reports a cut-off JSON body as truncated", () => {
    const body = fixture(JSON_FILE);
    expect(codeOf(() => processFeed(body.subarray(0, Math.floor(body.length * 0.6)), JSON_FETCHED))).toBe("truncated");
    const wsdot = fixture("bwtnew_2022-06-29T172515Z_wsdot.json");
    expect(codeOf(() => processFeed(wsdot.subarray(0, Math.floor(wsdot.length * 0.6)), fetchedAtOf("bwtnew_2022-06-29T172515Z_wsdot.json")))).toBe("truncated");
  });

  it("reports JSON that is complete but broken as malformed (or, if it no longer ends in ], truncated)", () => {
    const text = fixtureText(JSON_FILE);
    expect(codeOf(() => processFeed(utf8(text.replace('"port_status": "Open"', '"port_status" "Open"')), JSON_FETCHED))).toBe("malformed");
    expect(codeOf(() => processFeed(utf8(text.replace("[", "[,")), JSON_FETCHED))).toBe("malformed");
    expect(["malformed", "truncated"]).toContain(codeOf(() => processFeed(utf8(`${text.trimEnd()}}`), JSON_FETCHED)));
  });

  it("rejects JSON of the wrong shape as schema", () => {
    expect(codeOf(() => processFeed(utf8("[]"), JSON_FETCHED))).toBe("schema");
    expect(codeOf(() => processFeed(utf8("[1, 2]"), JSON_FETCHED))).toBe("schema");
    expect(codeOf(() => processFeed(utf8('[{"port_number": 250401}]'), JSON_FETCHED))).toBe("schema");
    expect(codeOf(() => processFeed(utf8('[{"port_number": ""}]'), JSON_FETCHED))).toBe("schema");
  });

  it("refuses JSON with none of our crossings", () => {
    const others = jsonPorts().filter((p) => !String(p.port_number).startsWith("25"));
    expect(others.length).toBeGreaterThan(50);
    expect(codeOf(() => processFeed(utf8(JSON.stringify(others)), JSON_FETCHED))).toBe("no_known_crossings");
  });

  it("quarantines one of our crossings that lacks port_status and keeps the others", () => {
    const ports = jsonPorts();
    delete ports.find((p) => p.port_number === "250401")!.port_status;
    const result = processFeed(utf8(JSON.stringify(ports)), JSON_FETCHED);
    expectSnapshotInvariants(result);
    expect(result.snapshot.crossings.map((c) => c.cbpPortNumber)).toEqual(["250602", "250601", "250409", "250407", "250501"]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^250401: port_status /);
    // The quarantined crossing is not mistaken for a new regional one.
    expect(result.unknownRegional.map((u) => u.cbpPortNumber).sort()).toEqual(["250608", "250609"]);
  });

  it("quarantines a crossing with an unknown port_status or a lane of the wrong shape", () => {
    const ports = jsonPorts();
    ports.find((p) => p.port_number === "250401")!.port_status = "Maybe";
    (ports.find((p) => p.port_number === "250501")!.passenger_vehicle_lanes as JsonPort).standard_lanes = "N/A";
    const result = processFeed(utf8(JSON.stringify(ports)), JSON_FETCHED);
    expect(result.snapshot.crossings.map((c) => c.cbpPortNumber)).toEqual(["250602", "250601", "250409", "250407"]);
    expect(result.problems).toHaveLength(2);
    expect(result.problems.some((p) => p.startsWith('250401: unknown port_status "Maybe"'))).toBe(true);
    expect(result.problems.some((p) => p.startsWith("250501: passenger_vehicle_lanes.standard_lanes"))).toBe(true);
  });

  it("turns an unusable or implausible reading into a pending lane, reported as a problem", () => {
    const ports = jsonPorts();
    const sy = ports.find((p) => p.port_number === "250401")!;
    const pv = sy.passenger_vehicle_lanes as Record<string, JsonPort>;
    pv.standard_lanes!.delay_minutes = "lots";
    pv.ready_lanes!.delay_minutes = "2555"; // the Hidalgo typo from cbp-feed.md §5.2
    pv.NEXUS_SENTRI_lanes!.delay_minutes = "1440";
    const result = processFeed(utf8(JSON.stringify(ports)), JSON_FETCHED);
    expectSnapshotInvariants(result);
    const lanes = result.snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!.lanes;
    const lane = (type: string) => lanes.find((l) => l.mode === "passenger" && l.type === type)!;
    expect(lane("standard")).toMatchObject({ status: "pending", delayMinutes: null, lanesOpen: null, updatedAt: "2026-08-30T20:00:00-07:00" });
    expect(lane("ready")).toMatchObject({ status: "pending", delayMinutes: null, lanesOpen: null });
    expect(lane("sentri")).toMatchObject({ status: "open", delayMinutes: 1440, lanesOpen: 13 });
    // 1440 is kept as CBP posted it, but reported as suspect (anything over 300).
    expect(result.problems).toHaveLength(3);
    expect(result.problems.filter((p) => p.includes("suspect delay of 1440 min"))).toHaveLength(1);
    expect(result.problems.every((p) => p.startsWith("250401 passenger/"))).toBe(true);
  });

  it("ignores a duplicate record of one of our crossings", () => {
    const ports = jsonPorts();
    const copy = { ...ports.find((p) => p.port_number === "250401")!, port_status: "Closed" };
    const result = processFeed(utf8(JSON.stringify([...ports, copy])), JSON_FETCHED);
    expect(result.snapshot.crossings.filter((c) => c.cbpPortNumber === "250401")).toHaveLength(1);
    expect(result.snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!.status).toBe("open");
    expect(result.problems).toEqual(["250401: duplicate record ignored"]);
  });

  it("never turns an impossible port date into an impossible timestamp", () => {
    for (const date of ["2/31/2026", "4/31/2026", "2/29/2025", "13/1/2026", "0/10/2026", "8/0/2026", "8/30/0026"]) {
      const ports = jsonPorts();
      ports.find((p) => p.port_number === "250401")!.date = date;
      const result = processFeed(utf8(JSON.stringify(ports)), JSON_FETCHED);
      expectSnapshotInvariants(result);
      // Without a usable date the reading is placed on the port-local date of the feed instant.
      const lane = result.snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!.lanes[0]!;
      expect(lane.updatedAt, date).toBe("2026-08-30T20:00:00-07:00");
    }
    const leap = jsonPorts();
    leap.find((p) => p.port_number === "250401")!.date = "2/29/2028";
    const lane = processFeed(utf8(JSON.stringify(leap)), JSON_FETCHED).snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!.lanes[0]!;
    expect(lane.updatedAt).toBe("2028-02-29T20:00:00-08:00");
  });

  it("decodes UTF-8 text in a JSON notice", () => {
    const ports = jsonPorts();
    ports.find((p) => p.port_number === "250401")!.construction_notice = "Garita café\r\nSENTRI &amp; Ready";
    const sy = processFeed(utf8(JSON.stringify(ports)), JSON_FETCHED).snapshot.crossings.find((c) => c.cbpPortNumber === "250401")!;
    expect(sy.notice).toBe("Garita café\nSENTRI & Ready");
  });
});
