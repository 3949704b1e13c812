/**
 * The widget's HTML: what a reader sees for each lane state, freshness, planned ports, both
 * languages, and that nothing from the data can turn into markup.
 */
import { describe, expect, it } from "vitest";
import type { ApiMeta, ApiPort } from "@/lib/api/v1-schema";
import { escapeHtml } from "@/lib/escape-html";
import { EMBED_CSS, EMBED_SCRIPT, html, renderEmbed, renderEmbedNotFound, type EmbedInput } from "@/lib/embed/render";
import { getPort, type PortDef } from "@/lib/ports";
import type { Lane } from "@/lib/waits/model";

const NOW = Date.parse("2026-01-15T18:12:00Z"); // 10:12 a.m. Pacific
const READ_AT = "2026-01-15T10:00:00-08:00";
const FRESH: ApiMeta = { source: "cbp-bwt", fetchedAt: "2026-01-15T18:10:00.000Z", stale: false, staleSeconds: 120 };

const lane = (over: Partial<Lane>): Lane => ({
  mode: "pedestrian",
  type: "standard",
  status: "open",
  delayMinutes: 30,
  lanesOpen: 5,
  maxLanes: 14,
  updatedAt: READ_AT,
  ...over,
});

function sanYsidro(lanes250401: Lane[], lanes250407: Lane[] = [lane({}), lane({ type: "ready", delayMinutes: 5, lanesOpen: 1 })]): ApiPort {
  const def = getPort("san-ysidro")!;
  const crossing = (n: string, lanes: Lane[]) => ({
    cbpPortNumber: n,
    name: def.crossings.find((c) => c.cbpPortNumber === n)!.name,
    hours: "24 hrs/day",
    status: "open" as const,
    notice: null,
    lanes,
    direction: "northbound" as const,
    fetchedAt: FRESH.fetchedAt!,
  });
  return { slug: def.slug, name: def.name, status: "open", timeZone: def.timeZone, crossings: [crossing("250401", lanes250401), crossing("250407", lanes250407)] };
}

function input(over: Partial<EmbedInput> = {}): EmbedInput {
  return {
    lang: "en",
    def: getPort("san-ysidro")!,
    port: sanYsidro([lane({ delayMinutes: 20, lanesOpen: 17, maxLanes: 22 }), lane({ type: "ready", delayMinutes: 0, lanesOpen: 1, maxLanes: 22 })]),
    mode: "pedestrian",
    meta: FRESH,
    hasData: true,
    now: NOW,
    ...over,
  };
}

/** The visible text, roughly as a reader gets it (tags out, entities back). */
function text(doc: string): string {
  return doc
    .replace(/<(style|script|noscript)>[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("escaping", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("the template escapes values but keeps markup built with it, nested and in arrays", () => {
    const evil = `"><script>alert(1)</script>`;
    const out = html`<p title="${evil}">${[html`<b>${evil}</b>`, evil]}</p>`.value;
    expect(out).not.toContain("<script>");
    expect(out).toContain("<b>&quot;&gt;&lt;script&gt;");
    expect(out.startsWith('<p title="&quot;&gt;&lt;script&gt;')).toBe(true);
  });

  it("a hostile port or crossing name never becomes markup", () => {
    const base = getPort("san-ysidro")!;
    const evil = `</title><script>alert(1)</script><img src=x onerror=alert(2)>`;
    const def: PortDef = {
      ...base,
      slug: `x"><script>`,
      name: { en: evil, es: evil },
      crossings: base.crossings.map((c) => ({ ...c, name: { en: evil, es: evil } })),
    };
    const doc = renderEmbed(input({ def }));
    expect(doc.match(/<script>/g)).toHaveLength(1); // only our own refresh script
    expect(doc).not.toContain("<img");
    expect(doc).toContain("&lt;/title&gt;&lt;script&gt;");
    expect(doc).toContain('href="/en/ports/x%22%3E%3Cscript%3E"');
  });
});

describe("lanes", () => {
  it("shows each open lane's wait, level in words and lanes open, with the site's lane names", () => {
    const t = text(renderEmbed(input()));
    expect(t).toContain("San Ysidro · Pedestrians");
    expect(t).toMatch(/General 20 min Moderate 17 of 22/);
    expect(t).toMatch(/Ready Lane No wait Light 1 of 22/);
    expect(t).toContain("PedWest / El Chaparral");
  });

  it("says closed and pending lanes in words, never as 0", () => {
    const doc = renderEmbed(
      input({
        port: sanYsidro([
          lane({ status: "closed", delayMinutes: null, lanesOpen: null }),
          lane({ type: "ready", status: "pending", delayMinutes: null, lanesOpen: null }),
        ]),
      }),
    );
    expect(text(doc)).toMatch(/General Lanes closed Ready Lane Update pending/);
    expect(doc).toContain('data-status="closed"');
    expect(doc).toContain('data-status="pending"');
    expect(doc).not.toMatch(/data-minutes="0"/);
  });

  it("flags a suspect wait and shows a bare count when CBP gives no maximum", () => {
    const t = text(renderEmbed(input({ port: sanYsidro([lane({ delayMinutes: 630, lanesOpen: 3, maxLanes: null })]) })));
    expect(t).toMatch(/General 630 min Heavy ⚠ unusually high 3/);
  });

  it("labels the level with 1–3 bars besides the word (never colour alone)", () => {
    const doc = renderEmbed(input({ port: sanYsidro([lane({ delayMinutes: 75 })]) }));
    expect(doc).toMatch(/data-level="heavy"><span aria-hidden="true"><i><\/i><i><\/i><i><\/i><\/span>Heavy/);
  });

  it("gives one reading time when all lanes share it, one per crossing otherwise, and marks old readings", () => {
    expect(text(renderEmbed(input()))).toContain("CBP update 10:00 AM");
    const mixed = renderEmbed(input({ port: sanYsidro([lane({ updatedAt: "2026-01-15T06:00:00-08:00" })]) }));
    expect(text(mixed)).toMatch(/San Ysidro \(vehicles and PedEast\) CBP update 6:00 AM · more than 3 h ago .*PedWest \/ El Chaparral CBP update 10:00 AM/);
  });

  it("says when a crossing is not reported or closed", () => {
    const port = sanYsidro([]);
    port.crossings = [port.crossings[1]!];
    port.crossings[0]!.status = "closed";
    const t = text(renderEmbed(input({ port })));
    expect(t).toContain("CBP is not reporting this crossing right now.");
    expect(t).toContain("PedWest / El Chaparral Closed now");
  });
});

describe("freshness", () => {
  it("says when we last checked, and warns when the data is stale", () => {
    expect(text(renderEmbed(input()))).toContain("Checked 2 min ago");
    const stale = renderEmbed(input({ meta: { ...FRESH, stale: true, staleSeconds: 3600 }, now: NOW + 3600_000 }));
    expect(text(stale)).toContain("⚠ May be out of date: nothing new from CBP since Jan 15, 10:10 AM");
    expect(text(stale)).toContain("Checked 1 h 2 min ago");
    expect(renderEmbed(input())).not.toContain("data-stale");
  });

  it("carries a hidden 'not updating' line with the time of this render, which the script shows when a refresh fails", () => {
    const doc = renderEmbed(input({ lang: "es" }));
    expect(doc).toMatch(/<p class="w" id="x" hidden>.*No se está actualizando: sin conexión con el sitio desde las 10:12 a\.m\.<\/p>/);
    expect(doc).toContain('getElementById("x")');
  });

  it("before any data, says so instead of showing a table", () => {
    const t = text(renderEmbed(input({ hasData: false, meta: { ...FRESH, fetchedAt: null, stale: true } })));
    expect(t).toContain("No wait times yet");
    expect(t).not.toContain("Wait");
  });
});

describe("planned port", () => {
  it("shows its status, no numbers, no refresh script", () => {
    const def = getPort("otay-mesa-east")!;
    const port: ApiPort = { slug: def.slug, name: def.name, status: "planned", timeZone: def.timeZone, crossings: [] };
    const doc = renderEmbed(input({ def, port, mode: null, lang: "es" }));
    expect(text(doc)).toContain("Otay Mesa East (Mesa de Otay II) En proyecto Todavía no abre");
    expect(doc).not.toContain("<table");
    expect(doc).not.toContain("<script>");
    expect(doc).toContain('href="/es/ports/otay-mesa-east"');
  });
});

describe("languages", () => {
  it("Spanish: lang attribute, wording, regional time and the link to the Spanish page", () => {
    const doc = renderEmbed(input({ lang: "es" }));
    expect(doc).toMatch(/^<!DOCTYPE html><html lang="es">/);
    const t = text(doc);
    expect(t).toContain("San Ysidro · Cruce peatonal");
    expect(t).toMatch(/General 20 min Moderado 17 de 22/);
    expect(t).toMatch(/Ready Lane Sin espera Fluido 1 de 22/);
    expect(t).toMatch(/Reporte de CBP 10:00\sa\.\s?m\./);
    expect(t).toContain("Consultado hace 2 min");
    expect(doc).toContain('<a id="d" href="/es/ports/san-ysidro" target="_blank" rel="noopener">Todos los detalles<span class="sr"> (se abre en otra pestaña)</span></a>');
    expect(t).toContain("Datos: CBP");
  });

  it("English: lang attribute and the link to the English page", () => {
    const doc = renderEmbed(input());
    expect(doc).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(doc).toContain('href="/en/ports/san-ysidro" target="_blank" rel="noopener"');
    expect(text(doc)).toContain("Data: U.S. CBP");
  });

  it("the 404 page speaks both languages, the requested one first, with no script", () => {
    const doc = renderEmbedNotFound("es");
    expect(doc).toMatch(/<html lang="es">/);
    expect(text(doc)).toMatch(/^Garita no encontrada .* Port not found/);
    expect(doc).toContain('<section lang="en">');
    expect(doc).not.toContain("<script");
  });
});

describe("size", () => {
  it("the refresh script is tiny and the inline CSS small", () => {
    expect(Buffer.byteLength(EMBED_SCRIPT)).toBeLessThan(1024);
    expect(Buffer.byteLength(EMBED_CSS)).toBeLessThan(4096);
  });
});
