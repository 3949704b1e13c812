/**
 * The service worker's decisions that need no worker globals, so the unit tests can run them.
 * lib/sw/sw.ts wires them to serwist; the page side (components/offline) shares the constants.
 */
import { routing, type Locale } from "@/lib/i18n/routing";
import { escapeHtml } from "@/lib/escape-html";

/** Cache names carry a version so a change of format can drop the old ones on activation. */
export const CACHES = {
  pages: "sb-pages-v1",
  api: "sb-api-v1",
  static: "sb-static-v1",
  icons: "sb-icons-v1",
} as const;

/** Set by the worker on API answers it took from its cache because the network failed. */
export const SW_CACHE_HEADER = "x-sb-from-cache";

/** The page asks the worker to keep a copy of these pages (and their scripts and fonts). */
export const WARM_MESSAGE = "sb-warm-pages";
export interface WarmMessage {
  type: typeof WARM_MESSAGE;
  paths: string[];
}

export function isWarmMessage(data: unknown): data is WarmMessage {
  if (!data || typeof data !== "object") return false;
  const d = data as Record<string, unknown>;
  return (
    d.type === WARM_MESSAGE &&
    Array.isArray(d.paths) &&
    d.paths.length <= 4 &&
    d.paths.every((p) => typeof p === "string" && p.startsWith("/") && !p.startsWith("//") && !p.startsWith("/api/"))
  );
}

/** The language a page path is in; the default one for paths outside any language. */
export function localeOfPath(pathname: string): Locale {
  const first = pathname.split("/")[1] ?? "";
  return (routing.locales as readonly string[]).includes(first) ? (first as Locale) : routing.defaultLocale;
}

/**
 * Staff pages are never stored by the worker: they hold unpublished text and must not be shown from
 * a cache after sign-out (their Cache-Control: no-store says the same to the browser).
 */
export function isAdminPath(pathname: string): boolean {
  return /^\/[a-z]{2}\/admin(?:\/|$)/.test(pathname);
}

/** The live wait answers (`/api/v1/ports` and everything under it): kept for when the network fails. */
export function isPortsApi(pathname: string): boolean {
  return pathname === "/api/v1/ports" || pathname.startsWith("/api/v1/ports/");
}

/** Next's content-hashed build files, fonts included: they never change under the same name. */
export function isStaticAsset(pathname: string): boolean {
  return pathname.startsWith("/_next/static/");
}

export function isIconOrManifest(pathname: string): boolean {
  return pathname.startsWith("/icons/") || pathname === "/icon.svg" || pathname === "/apple-icon.png" || pathname.endsWith("/manifest.webmanifest");
}

/**
 * The build files a page's HTML names (scripts, style sheets, preloaded fonts), so a page saved
 * on request can also be shown offline. Same-origin `/_next/static/` paths only.
 */
export function staticAssetsIn(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/\/_next\/static\/[A-Za-z0-9_\-./~%]+/g)) {
    const path = m[0].replace(/[.\\]+$/, "");
    if (!path.includes("..")) found.add(path);
  }
  return [...found];
}

export interface FallbackTexts {
  fallbackTitle: string;
  fallbackBody: string;
  fallbackHome: string;
}


/** The one style block of the offline page; the CSP allows it by hash, never 'unsafe-inline'. */
export const FALLBACK_STYLE =
  "body{margin:0;font-family:system-ui,Arial,sans-serif;background:#f8fafc;color:#0f172a;line-height:1.5}" +
  "header{background:#082f49;color:#fff;padding:.5rem 1rem}main{max-width:40rem;margin:0 auto;padding:1rem}" +
  "section{border-bottom:1px solid #cbd5e1;padding:.5rem 0 1rem}h1,h2{font-size:1.5rem}a{color:#075985;font-weight:700}" +
  "a:focus-visible{outline:3px solid #0369a1;outline-offset:2px}";

/**
 * The last-resort page for a page never saved on this device: no script, both languages (the
 * requested one first, each marked with its `lang`), a link to that language's home page.
 */
export function fallbackHtml(locale: Locale, texts: Record<Locale, FallbackTexts>, siteName: Record<Locale, string>): string {
  const order = [locale, ...routing.locales.filter((l) => l !== locale)];
  const sections = order
    .map((l) => {
      const t = texts[l];
      const heading = l === locale ? "h1" : "h2";
      return `<section lang="${l}"><${heading}>${escapeHtml(t.fallbackTitle)}</${heading}><p>${escapeHtml(t.fallbackBody)}</p><p><a href="/${l}">${escapeHtml(t.fallbackHome)}</a></p></section>`;
    })
    .join("");
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(texts[locale].fallbackTitle)} · ${escapeHtml(siteName[locale])}</title><style>${FALLBACK_STYLE}</style></head>` +
    `<body><header><p>${escapeHtml(siteName[locale])}</p></header><main>${sections}</main></body></html>`
  );
}

/** CSP of that page: nothing may load or run; only its own style block, by hash. */
export function fallbackCsp(styleHashBase64: string): string {
  return `default-src 'none'; style-src 'sha256-${styleHashBase64}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
