/**
 * Turns the bytes of a CBP response into validated raw port records. Pure: no I/O.
 * Accepts the XML feed (`xml/bwt.xml`) or the JSON array (`api/bwtnew`), detected from the body.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FeedError } from "@/lib/cbp/errors";
import { RawJsonFeed, RawXmlFeed, type RawPortHead } from "@/lib/cbp/schema";

export type FeedFormat = "xml" | "json";

export interface ParsedFeed {
  format: FeedFormat;
  /** XML: the feed's `last_updated_*`, which is US Eastern wall-clock time without a label. */
  lastUpdated: { date: string; time: string } | null;
  ports: RawPortHead[];
}

// Entities stay unexpanded (fast-xml-parser CVE-2026-26278 and friends); DOCTYPEs are refused
// before parsing, and the five predefined entities are decoded in normalize.
const xmlParser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Decodes bytes per the payload's own declaration: the XML feed says ISO-8859-1, JSON is UTF-8. */
export function decodeBody(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 100));
  const declared = /^\s*<\?xml[^>]*encoding=['"]([\w-]+)['"]/i.exec(head)?.[1]?.toLowerCase();
  const encoding = declared && declared !== "utf-8" && declared !== "utf8" ? "latin1" : "utf-8";
  return new TextDecoder(encoding).decode(bytes);
}

export function detectFormat(body: string): FeedFormat {
  const start = body.replace(/^\uFEFF/, "").trimStart();
  if (start === "") throw new FeedError("empty", "empty body");
  if (start.startsWith("[") || start.startsWith("{")) return "json";
  if (/^<(!doctype\s+html|html[\s>])/i.test(start)) throw new FeedError("html_error_page", "an HTML page instead of the feed");
  if (start.startsWith("<")) return "xml";
  throw new FeedError("unknown_format", "the body is neither XML nor JSON");
}

export function parseFeed(body: string): ParsedFeed {
  return detectFormat(body) === "json" ? parseJson(body) : parseXml(body);
}

function parseXml(body: string): ParsedFeed {
  if (body.includes("<!") && /<!(DOCTYPE|ENTITY)/i.test(body)) throw new FeedError("entities_forbidden", "DOCTYPE or ENTITY declarations are refused");
  // A cut-off download usually still parses leniently, so check that the document is complete.
  if (!body.trimEnd().endsWith("</border_wait_time>")) {
    if (/<html[\s>]/i.test(body)) throw new FeedError("html_error_page", "an HTML page instead of the feed");
    // CBP's RSS feed and other XML documents are not truncated feeds: say what they are instead.
    const root = rootElement(body);
    if (root && root !== "border_wait_time") throw new FeedError("schema", `an XML <${root}> document, not CBP's <border_wait_time> feed`);
    throw new FeedError("truncated", "the XML does not end with </border_wait_time>");
  }
  // The parser itself is lenient (a mismatched closing tag passes), so check well-formedness first.
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new FeedError("malformed", `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  let doc: unknown;
  try {
    doc = xmlParser.parse(body);
  } catch (cause) {
    throw new FeedError("malformed", "the XML could not be parsed", { cause });
  }
  // A feed with a single <port> parses as an object, not a one-element array.
  const root = (doc as { border_wait_time?: { port?: unknown } } | null)?.border_wait_time;
  if (root && root.port !== undefined && !Array.isArray(root.port)) root.port = [root.port];
  const parsed = RawXmlFeed.safeParse(doc);
  if (!parsed.success) throw new FeedError("schema", `unexpected XML shape: ${firstIssue(parsed.error)}`, { cause: parsed.error });
  const feed = parsed.data.border_wait_time;
  if (feed.number_of_ports !== undefined && Number(feed.number_of_ports) !== feed.port.length) {
    throw new FeedError("truncated", `number_of_ports says ${feed.number_of_ports} but ${feed.port.length} ports were found`);
  }
  const lastUpdated = feed.last_updated_date && feed.last_updated_time ? { date: feed.last_updated_date, time: feed.last_updated_time } : null;
  return { format: "xml", lastUpdated, ports: feed.port };
}

/** The name of the first element, past the declaration and any comments near the top. */
function rootElement(body: string): string | undefined {
  const head = body.slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, "");
  return /<([A-Za-z_][\w.:-]*)/.exec(head)?.[1];
}

/** The first problem zod found, with where it is, so a rejected file can be recognised from its reason. */
function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return "";
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

function parseJson(body: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (cause) {
    throw new FeedError(body.trimEnd().endsWith("]") ? "malformed" : "truncated", "the JSON could not be parsed", { cause });
  }
  // `api/bwtpublicmod/{n}` answers one object instead of an array.
  const parsed = RawJsonFeed.safeParse(Array.isArray(doc) ? doc : [doc]);
  if (!parsed.success) throw new FeedError("schema", `unexpected JSON shape: ${firstIssue(parsed.error)}`, { cause: parsed.error });
  return { format: "json", lastUpdated: null, ports: parsed.data };
}
