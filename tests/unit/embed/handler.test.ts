/**
 * GET /embed/{slug} end to end on an in-memory database: status codes, the header profile that
 * makes it framable (and nothing else), caching, and the size budget.
 */
import { describe, expect, it } from "vitest";
import { EMBED_CSP, handleEmbed } from "@/lib/embed/handler";
import { EMBED_CSS, EMBED_SCRIPT } from "@/lib/embed/render";
import { emptyDb, FIXTURE_AT, seededDb } from "@/tests/unit/support/waits-fixtures";
import { createHash } from "node:crypto";
import { PORTS } from "@/lib/ports";

const db = seededDb();
const source = { db, now: () => FIXTURE_AT + 120_000, staleSeconds: 900 };
const get = (path: string, headers: Record<string, string> = {}) =>
  handleEmbed(new Request(`http://127.0.0.1/embed/${path}`, { headers }), decodeURIComponent(path.split("?")[0] ?? ""), source);

/** JavaScript budget of the issue: at most 15 KB per widget, or none. */
const JS_BUDGET = 15 * 1024;
/** Our own budget for the whole document, so the box stays a fraction of one image. */
const HTML_BUDGET = 8 * 1024;

describe("GET /embed/{slug}", () => {
  it("answers framable, cacheable, unindexed HTML", () => {
    const res = get("san-ysidro?lang=es&mode=pedestrian");
    expect(res.status).toBe(200);
    const h = Object.fromEntries(res.headers);
    expect(h["content-type"]).toBe("text/html; charset=utf-8");
    expect(h["content-security-policy"]).toBe(EMBED_CSP);
    expect(EMBED_CSP).toContain("frame-ancestors *");
    expect(EMBED_CSP).not.toContain("unsafe-inline");
    expect(EMBED_CSP).toContain("object-src 'none'");
    expect(EMBED_CSP).toContain("base-uri 'none'");
    expect(h["x-frame-options"]).toBeUndefined();
    expect(h["cross-origin-opener-policy"]).toBeUndefined();
    expect(h["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(h["x-robots-tag"]).toBe("noindex");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toMatch(/max-age=\d{8,}; includeSubDomains/);
    expect(h["cache-control"]).toBe("public, max-age=30, stale-while-revalidate=60");
    expect(h["set-cookie"]).toBeUndefined();
    expect(h.etag).toMatch(/^"[\w-]+"$/);
  });

  it("the CSP hashes are those of the inline style and script actually sent", async () => {
    const body = await get("tecate").text();
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    expect(body).toContain(`<style>${EMBED_CSS}</style>`);
    expect(body).toContain(`<script>${EMBED_SCRIPT}</script>`);
    expect(EMBED_CSP).toContain(`style-src ${hash(EMBED_CSS)}`);
    expect(EMBED_CSP).toContain(`script-src ${hash(EMBED_SCRIPT)}`);
    expect(body.match(/<script/g)).toHaveLength(1);
    expect(body).not.toMatch(/ style="/); // inline style attributes would need 'unsafe-inline'
  });

  it("304 when the client has this exact body; a new ETag when the minute changes", () => {
    const etag = get("tecate").headers.get("etag")!;
    const again = get("tecate", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("content-security-policy")).toBe(EMBED_CSP);
    const later = handleEmbed(new Request("http://127.0.0.1/embed/tecate", { headers: { "If-None-Match": etag } }), "tecate", { ...source, now: () => FIXTURE_AT + 300_000 });
    expect(later.status).toBe(200);
  });

  it("shows the numbers the API has for the chosen mode", async () => {
    const body = await get("san-ysidro?lang=es&mode=pedestrian").text();
    expect(body).toContain('<html lang="es">');
    expect(body).toMatch(/data-crossing="250407".*data-minutes="30"/);
    expect(body).not.toContain('data-type="sentri"'); // a passenger lane
  });

  it("an unknown, odd or missing slug is a small bilingual 404 with the same headers", async () => {
    for (const slug of ["nowhere", "%2e%2e", "SAN-YSIDRO", "<script>"]) {
      const res = get(`${encodeURIComponent(slug)}?lang=es`);
      expect(res.status, slug).toBe(404);
      expect(res.headers.get("content-security-policy")).toBe(EMBED_CSP);
      const body = await res.text();
      expect(body).toContain("Garita no encontrada");
      expect(body).toContain("Port not found");
      expect(body).not.toContain("<script");
    }
  });

  it("bad lang/mode values fall back instead of failing", async () => {
    const res = get("cross-border-xpress?lang=xx&mode=commercial");
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain("· Pedestrians");
  });

  it("before any CBP data: 200 with the 'no wait times yet' message", async () => {
    const res = handleEmbed(new Request("http://127.0.0.1/embed/tecate"), "tecate", { ...source, db: emptyDb() });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("No wait times yet");
  });
});

describe("size budget", () => {
  it(`every port, mode and language stays within ${JS_BUDGET} bytes of JavaScript and ${HTML_BUDGET} bytes of HTML`, async () => {
    const sizes: string[] = [];
    for (const port of PORTS) {
      for (const mode of ["passenger", "pedestrian", "commercial"]) {
        for (const lang of ["en", "es"]) {
          const body = await get(`${port.slug}?lang=${lang}&mode=${mode}`).text();
          const js = [...body.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1] ?? ""), 0);
          expect(body).not.toMatch(/<script[^>]+src=/); // no external scripts to count
          expect(js).toBeLessThanOrEqual(JS_BUDGET);
          expect(Buffer.byteLength(body)).toBeLessThanOrEqual(HTML_BUDGET);
          sizes.push(`${port.slug} ${mode} ${lang}: ${Buffer.byteLength(body)} B HTML, ${js} B JS`);
        }
      }
    }
    console.log(`embed sizes:\n${sizes.join("\n")}`);
  });
});
