import { describe, expect, it } from "vitest";
import { buildEmbedSnippet, choose, embedUrl } from "@/lib/embed/snippet";
import { parseSnippetChoice } from "@/lib/embed/snippet-query";

describe("buildEmbedSnippet", () => {
  it("builds the iframe partners paste", () => {
    expect(buildEmbedSnippet({ origin: "https://smartborder.example", slug: "san-ysidro", lang: "es", mode: "pedestrian", title: "Tiempos de espera en la garita San Ysidro" })).toBe(
      '<iframe src="https://smartborder.example/embed/san-ysidro?lang=es&amp;mode=pedestrian" width="300" height="250" ' +
        'title="Tiempos de espera en la garita San Ysidro" loading="lazy" style="border:0"></iframe>',
    );
  });

  it("escapes the title and keeps only the origin of a site URL with a path", () => {
    const s = buildEmbedSnippet({ origin: "https://x.example/base/?q=1", slug: "tecate", lang: "en", mode: null, title: `"><script>alert(1)</script>` });
    expect(s).toContain('src="https://x.example/embed/tecate?lang=en"');
    expect(s).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(s).not.toContain("<script>");
  });

  it("encodes an odd slug in the URL", () => {
    expect(embedUrl("http://localhost:3107", 'a"b c', "en", null)).toBe("http://localhost:3107/embed/a%22b%20c?lang=en");
  });
});

describe("parseSnippetChoice", () => {
  const p = (s: string, page: "en" | "es" = "en") => parseSnippetChoice(new URLSearchParams(s), page);

  it("defaults: the first port, the page's language, the port's first mode", () => {
    expect(p("", "es")).toEqual({ slug: "san-ysidro", lang: "es", mode: "passenger", unavailableMode: null });
  });

  it("reads the form's choices", () => {
    expect(p("port=otay-mesa&lang=es&mode=commercial")).toEqual({ slug: "otay-mesa", lang: "es", mode: "commercial", unavailableMode: null });
  });

  it("an unknown port becomes the default; a mode the port lacks is replaced and reported", () => {
    expect(p("port=../../etc&mode=boat").slug).toBe("san-ysidro");
    expect(p("port=cross-border-xpress&mode=commercial")).toEqual({ slug: "cross-border-xpress", lang: "en", mode: "pedestrian", unavailableMode: "commercial" });
  });

  it("a planned port has no mode and nothing to report", () => {
    expect(choose("otay-mesa-east", "en", "passenger")).toEqual({ slug: "otay-mesa-east", lang: "en", mode: null, unavailableMode: null });
  });
});
