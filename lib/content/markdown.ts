/**
 * Markdown to safe HTML, the one renderer for every public page (and the staff preview).
 * Raw HTML in the source is dropped (remark-rehype without allowDangerousHtml), then a strict
 * allow-list sanitizer keeps only the elements Markdown itself produces and links to
 * http(s)/mailto/tel or site paths; headings get prefixed ids for anchors after sanitizing, so a
 * writer cannot choose ids that clash with the page's own.
 */
import type { Element, Root, RootContent } from "hast";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const SCHEMA: SanitizeSchema = {
  tagNames: ["p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "del", "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "a"],
  attributes: {
    a: ["href"],
    ol: ["start"],
    th: [["align", "left", "center", "right"]],
    td: [["align", "left", "center", "right"]],
  },
  protocols: { href: ["http", "https", "mailto", "tel"] },
  ancestors: { tbody: ["table"], td: ["table"], th: ["table"], thead: ["table"], tr: ["table"] },
  // Removed with their content rather than unwrapped.
  strip: ["script", "style", "textarea", "title", "noscript"],
  required: {},
  clobber: [],
};

export interface Heading {
  depth: 2 | 3 | 4;
  id: string;
  text: string;
}

export interface Rendered {
  html: string;
  /** `##` to `####` headings in order, for the table of contents and FAQ structured data. */
  headings: Heading[];
  /** The visible text, blocks separated by newlines (search index, descriptions). */
  text: string;
  /** Each `##` heading with the text under it (FAQ structured data: question and answer). */
  sections: { heading: string; text: string }[];
}

const BLOCKS = new Set(["p", "h2", "h3", "h4", "li", "pre", "blockquote", "tr", "th", "td", "hr", "br"]);

function textOf(node: Root | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element" && node.type !== "root") return "";
  const inner = node.children.map(textOf).join("");
  return node.type === "element" && BLOCKS.has(node.tagName) ? `${inner}\n` : inner;
}

type Collected = Omit<Rendered, "html">;

function collect(tree: Root): Collected {
  const headings: Heading[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      const depth = { h2: 2, h3: 3, h4: 4 }[child.tagName] as Heading["depth"] | undefined;
      if (depth) headings.push({ depth, id: String(child.properties.id ?? ""), text: textOf(child).trim() });
      else walk(child);
    }
  };
  walk(tree);
  const clean = (s: string) => s.replace(/\n{2,}/g, "\n").trim();
  const sections: Collected["sections"] = [];
  for (const child of tree.children) {
    if (child.type === "element" && child.tagName === "h2") sections.push({ heading: clean(textOf(child)), text: "" });
    else if (sections.length) sections[sections.length - 1]!.text += textOf(child);
  }
  return { headings, text: clean(textOf(tree)), sections: sections.map((s) => ({ heading: s.heading, text: clean(s.text) })) };
}

/**
 * "//host/path" and "/\\host" (browsers also drop tabs and newlines in between) are other sites
 * though they look like site paths to the sanitizer; they lose their href like any other bad link.
 */
const OTHER_HOST = /^[/\\][\t\n\r]*[/\\]/;
const dropOtherHosts = () => (tree: Root) => {
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "a" && typeof child.properties.href === "string" && OTHER_HOST.test(child.properties.href)) delete child.properties.href;
      walk(child);
    }
  };
  walk(tree);
};

/** The page owns the one h1; a `#` in the text becomes a section heading, and h5/h6 an h4. */
const demoteHeadings = () => (tree: Root) => {
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "h1") child.tagName = "h2";
      else if (child.tagName === "h5" || child.tagName === "h6") child.tagName = "h4";
      walk(child);
    }
  };
  walk(tree);
};

function render(markdown: string, idPrefix: string): Rendered {
  let collected: Collected = { headings: [], text: "", sections: [] };
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(demoteHeadings)
    .use(rehypeSanitize, SCHEMA)
    .use(dropOtherHosts)
    .use(rehypeSlug, { prefix: idPrefix })
    .use(() => (tree: Root) => {
      collected = collect(tree);
    })
    .use(rehypeStringify)
    .processSync(markdown);
  return { html: String(html), ...collected };
}

// Pages render the same few dozen texts over and over; the source text is the key, so an edit
// is a new entry and never a stale one.
const cache = new Map<string, Rendered>();
const CACHE_MAX = 400;

/**
 * Heading ids start with `idPrefix` (default "s-"), so a heading can never take an id the page
 * uses ("main", "sources-heading"); a page showing several texts gives each its own prefix.
 */
export function renderMarkdown(markdown: string, idPrefix = "s-"): Rendered {
  const key = `${idPrefix}\u0000${markdown}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rendered = render(markdown, idPrefix);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, rendered);
  return rendered;
}

/** Site paths made absolute, for HTML read outside the site (feed readers have no base URL). */
export const absoluteLinks = (html: string, origin: string): string => html.replace(/ href="\//g, ` href="${origin}/`);

/** Plain text of Markdown, for descriptions, feeds' summaries and the search index. */
export const markdownText = (markdown: string): string => renderMarkdown(markdown).text;
