/**
 * The service worker's decisions (lib/sw/logic.ts): which requests each strategy handles, which
 * build files a saved page needs, and the last-resort offline page.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  FALLBACK_STYLE,
  fallbackCsp,
  fallbackHtml,
  isIconOrManifest,
  isAdminPath,
  isPortsApi,
  isStaticAsset,
  isWarmMessage,
  localeOfPath,
  staticAssetsIn,
  WARM_MESSAGE,
} from "@/lib/sw/logic";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

describe("routes", () => {
  it("finds the language of a page path, the default one outside any language", () => {
    expect(localeOfPath("/es/ports/san-ysidro")).toBe("es");
    expect(localeOfPath("/es")).toBe("es");
    expect(localeOfPath("/en/dashboard")).toBe("en");
    expect(localeOfPath("/")).toBe("en");
    expect(localeOfPath("/fr/ports")).toBe("en");
    expect(localeOfPath("/espanol")).toBe("en");
  });

  it("keeps the live wait answers, not the other API endpoints", () => {
    expect(isPortsApi("/api/v1/ports")).toBe(true);
    expect(isPortsApi("/api/v1/ports/san-ysidro")).toBe(true);
    expect(isPortsApi("/api/v1/portsx")).toBe(false);
    expect(isPortsApi("/api/health")).toBe(false);
    expect(isPortsApi("/api/v1/dashboard")).toBe(false);
  });

  it("never stores staff pages (they hold drafts, and must not outlive a sign-out)", () => {
    expect(isAdminPath("/en/admin")).toBe(true);
    expect(isAdminPath("/es/admin/content/guide/into-mexico")).toBe(true);
    expect(isAdminPath("/en/administration-news")).toBe(false);
    expect(isAdminPath("/en/guides/admin")).toBe(false);
  });

  it("treats Next's hashed build files and fonts as static, icons and manifests apart", () => {
    expect(isStaticAsset("/_next/static/chunks/app.js")).toBe(true);
    expect(isStaticAsset("/_next/static/media/inter-latin-400-normal.p.woff2")).toBe(true);
    expect(isStaticAsset("/_next/image")).toBe(false);
    expect(isIconOrManifest("/icons/icon-192.png")).toBe(true);
    expect(isIconOrManifest("/es/manifest.webmanifest")).toBe(true);
    expect(isIconOrManifest("/apple-icon.png")).toBe(true);
    expect(isIconOrManifest("/en")).toBe(false);
  });
});

describe("isWarmMessage", () => {
  it("accepts a few same-site page paths only", () => {
    expect(isWarmMessage({ type: WARM_MESSAGE, paths: ["/es/ports/tecate", "/es"] })).toBe(true);
    expect(isWarmMessage({ type: WARM_MESSAGE, paths: ["//evil.example/x"] })).toBe(false);
    expect(isWarmMessage({ type: WARM_MESSAGE, paths: ["https://evil.example/"] })).toBe(false);
    expect(isWarmMessage({ type: WARM_MESSAGE, paths: ["/api/v1/ports"] })).toBe(false);
    expect(isWarmMessage({ type: WARM_MESSAGE, paths: ["/a", "/b", "/c", "/d", "/e"] })).toBe(false);
    expect(isWarmMessage({ type: "other", paths: ["/es"] })).toBe(false);
    expect(isWarmMessage(null)).toBe(false);
  });
});

describe("staticAssetsIn", () => {
  it("lists the build files a page names, once each", () => {
    const html =
      '<link rel="preload" href="/_next/static/media/inter.p.woff2" as="font"><link rel="stylesheet" href="/_next/static/chunks/a1.css">' +
      '<script src="/_next/static/chunks/webpack-1.js" async></script><script src="/_next/static/chunks/webpack-1.js"></script>' +
      '<script>self.__next_f.push([1,"\\"/_next/static/chunks/page-2.js\\""])</script><img src="https://cdn.example/_next/static/x.js">';
    expect(staticAssetsIn(html)).toEqual([
      "/_next/static/media/inter.p.woff2",
      "/_next/static/chunks/a1.css",
      "/_next/static/chunks/webpack-1.js",
      "/_next/static/chunks/page-2.js",
      "/_next/static/x.js",
    ]);
  });

  it("never climbs out of the build folder", () => {
    expect(staticAssetsIn('"/_next/static/../../admin"')).toEqual([]);
  });
});

describe("fallbackHtml", () => {
  const texts = { en: en.Offline, es: es.Offline };
  const names = { en: en.Metadata.siteName, es: es.Metadata.siteName };

  it("puts the requested language first, as the page's language, and each section in its own", () => {
    const html = fallbackHtml("es", texts, names);
    expect(html).toMatch(/^<!doctype html><html lang="es">/);
    expect(html.indexOf('<section lang="es"><h1>Está sin conexión</h1>')).toBeGreaterThan(0);
    expect(html.indexOf('<section lang="en"><h2>You are offline</h2>')).toBeGreaterThan(html.indexOf('lang="es"><h1>'));
    expect(html).toContain('<a href="/es">Ir a los tiempos de espera</a>');
    expect(html).toContain('<a href="/en">Go to the wait times</a>');
    expect(html).not.toMatch(/<script|style="/);
  });

  it("escapes the texts", () => {
    const html = fallbackHtml("en", { ...texts, en: { ...texts.en, fallbackBody: '<img src=x onerror="alert(1)">' } }, names);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("allows its one style block by hash, and nothing else", () => {
    const hash = createHash("sha256").update(FALLBACK_STYLE).digest("base64");
    const csp = fallbackCsp(hash);
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(fallbackHtml("en", texts, names)).toContain(`<style>${FALLBACK_STYLE}</style>`);
  });
});
