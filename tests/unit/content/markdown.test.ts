/**
 * The Markdown renderer on hostile input: the OWASP filter-evasion classics, javascript:/data:
 * links, raw HTML, SVG, event handlers, and Unicode tricks, in English and Spanish text. The
 * e2e suite loads the same corpus in Chromium; here the output HTML is checked structurally.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import type { Element, Root, RootContent } from "hast";
import { absoluteLinks, renderMarkdown } from "@/lib/content/markdown";
import { XSS_CORPUS } from "@/tests/support/xss-corpus";

const ALLOWED_TAGS = new Set(["p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "del", "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "a"]);
const SAFE_HREF = /^(https?:|mailto:|tel:|\/(?![/\\\t\n\r])|#)/i;

function elements(node: Root | RootContent, out: Element[] = []): Element[] {
  if (node.type === "element") out.push(node);
  if ("children" in node) for (const c of node.children) elements(c, out);
  return out;
}

/** Everything a browser would see in the output, parsed as HTML (not matched with regexes). */
function assertInert(html: string, source: string) {
  const tree = fromHtml(html, { fragment: true });
  for (const el of elements(tree)) {
    expect(ALLOWED_TAGS.has(el.tagName), `<${el.tagName}> from ${JSON.stringify(source)}`).toBe(true);
    for (const [name, value] of Object.entries(el.properties)) {
      expect(name, `attribute on <${el.tagName}> from ${JSON.stringify(source)}`).toMatch(/^(href|id|align|start)$/);
      if (name === "href") expect(String(value), `href from ${JSON.stringify(source)}`).toMatch(SAFE_HREF);
    }
  }
}

describe("Markdown rendering", () => {
  it("renders what writers use: headings with anchors, lists, tables, links", () => {
    const r = renderMarkdown("## ¿Puedo pasar huevo?\n\nNo. Vea [la guía](/es/guides/que-declarar) o llame al [664 000 0000](tel:+526640000000).\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- uno\n- dos");
    expect(r.html).toContain(`<h2 id="s-puedo-pasar-huevo">¿Puedo pasar huevo?</h2>`);
    expect(r.html).toContain('<a href="/es/guides/que-declarar">la guía</a>');
    expect(r.html).toContain('<a href="tel:+526640000000">');
    expect(r.html).toContain("<table>");
    expect(r.headings).toEqual([{ depth: 2, id: "s-puedo-pasar-huevo", text: "¿Puedo pasar huevo?" }]);
    expect(r.sections[0]?.text).toContain("No. Vea la guía");
  });

  it("a # heading becomes a section heading: the page keeps its one h1", () => {
    expect(renderMarkdown("# Title").html).toBe(`<h2 id="s-title">Title</h2>`);
  });

  it("heading ids carry a prefix, so a heading can never take an id of the page (main, sources-heading)", () => {
    expect(renderMarkdown("## Main").headings[0]?.id).toBe("s-main");
    expect(renderMarkdown("## Sources heading", "2027-01-member-").headings[0]?.id).toBe("2027-01-member-sources-heading");
  });

  it("site paths stay links; protocol-relative and backslash addresses never point at another host", () => {
    expect(renderMarkdown("[a](/es/plan)").html).toContain('href="/es/plan"');
    // Dropped, or percent-encoded into a harmless path of this site ("/%5Cevil.example").
    for (const bad of ["[a](//evil.example/x)", "[a](/\\evil.example)", "[a](\\\\evil.example)", "[a](</\t/evil.example>)"])
      expect(renderMarkdown(bad).html, bad).not.toMatch(/href="[/\\][\s/\\]/);
    expect(renderMarkdown("[a](//evil.example/x)").html).not.toContain("href");
  });

  it("links in feed HTML become absolute", () => {
    expect(absoluteLinks(renderMarkdown("[Tecate](/en/ports/tecate) [x](https://cbp.gov/)").html, "https://site.example")).toContain('href="https://site.example/en/ports/tecate"');
  });

  it("repeated headings get distinct anchors", () => {
    const ids = renderMarkdown("## Hours\n\n## Hours").headings.map((h) => h.id);
    expect(new Set(ids).size).toBe(2);
  });

  for (const [i, vector] of XSS_CORPUS.entries()) {
    it(`neutralizes XSS vector ${i + 1}: ${JSON.stringify(vector).slice(0, 70)}`, () => {
      for (const text of [vector, `Texto en español ${vector} fin`, `- ${vector}`, `## ${vector}`, `| a |\n|---|\n| ${vector} |`]) assertInert(renderMarkdown(text).html, text);
    });
  }

  it("never produces anything but the allowed elements and safe links, whatever the input", () => {
    const pieces = fc.constantFrom(...XSS_CORPUS, "<", ">", "](", "[", "\n\n", "javascript:", "\u202E", "\u200B", "&#x3C;", "`", "*", "#", "<a href=", '"', "'", "//", "\\");
    fc.assert(
      // Any code point (fast-check's default strings are ASCII): accents, combining marks, emoji, RTL.
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: "binary" })), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        assertInert(renderMarkdown(text).html, text);
      }),
      { numRuns: 400 },
    );
  });
});
