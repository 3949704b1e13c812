/// <reference lib="webworker" />
/**
 * The service worker, bundled by lib/cli/build.mjs into public/sw.js (scope `/`). It keeps the
 * site readable on a weak or absent signal: pages and live waits come from the network when it
 * answers and from the last copy otherwise; the page then says it is offline (components/offline).
 * It never invents freshness: the API answers it replays are marked with SW_CACHE_HEADER.
 */
import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, StaleWhileRevalidate, type SerwistPlugin } from "serwist";
import { Metadata as enMetadata, Offline as enOffline } from "@/messages/en.json";
import { Metadata as esMetadata, Offline as esOffline } from "@/messages/es.json";
import { CACHES, SW_CACHE_HEADER, fallbackCsp, fallbackHtml, FALLBACK_STYLE, isAdminPath, isIconOrManifest, isPortsApi, isStaticAsset, isWarmMessage, localeOfPath, staticAssetsIn } from "@/lib/sw/logic";

declare const self: ServiceWorkerGlobalScope;

const onlyOk = new CacheableResponsePlugin({ statuses: [200] });
// Next varies pages on its router headers, which document requests never carry; our keys are URLs.
const matchOptions: CacheQueryOptions = { ignoreVary: true };

/** Marks an API answer read from the cache, so the page can say it is not live. */
const markFromCache: SerwistPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse) return cachedResponse;
    const headers = new Headers(cachedResponse.headers);
    headers.set(SW_CACHE_HEADER, "1");
    return new Response(await cachedResponse.blob(), { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
  },
};

let styleHash: Promise<string> | undefined;
function fallbackStyleHash(): Promise<string> {
  styleHash ??= crypto.subtle.digest("SHA-256", new TextEncoder().encode(FALLBACK_STYLE)).then((d) => btoa(String.fromCharCode(...new Uint8Array(d))));
  return styleHash;
}

/**
 * A page that neither the network nor the cache can give: that language's home page if it was
 * saved (it lists every port's last waits), else a small page that says so in both languages.
 */
const pageFallback: SerwistPlugin = {
  handlerDidError: async ({ request }) => {
    const url = new URL(request.url);
    const locale = localeOfPath(url.pathname);
    const home = `/${locale}`;
    if (url.pathname !== home) {
      const saved = await caches.open(CACHES.pages).then((c) => c.match(home, matchOptions));
      if (saved) return Response.redirect(new URL(home, self.location.origin).href, 302);
    }
    const html = fallbackHtml(locale, { en: enOffline, es: esOffline }, { en: enMetadata.siteName, es: esMetadata.siteName });
    return new Response(html, {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": fallbackCsp(await fallbackStyleHash()),
        "cache-control": "no-store",
      },
    });
  },
};

// A weak signal that takes longer than this gets the saved page at once (the live waits on it
// then refresh, or the offline notice appears); the network answer still updates the copy.
const pages = new NetworkFirst({
  cacheName: CACHES.pages,
  networkTimeoutSeconds: 3,
  matchOptions,
  plugins: [onlyOk, new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 30 * 24 * 3600 }), pageFallback],
});

// No short timeout here: the live lists poll in the background, and a slow answer that still
// arrives is better than flagging the page offline.
const api = new NetworkFirst({
  cacheName: CACHES.api,
  networkTimeoutSeconds: 10,
  matchOptions,
  plugins: [onlyOk, new ExpirationPlugin({ maxEntries: 30, maxAgeSeconds: 7 * 24 * 3600 }), markFromCache],
});

const staticFiles = new CacheFirst({
  cacheName: CACHES.static,
  plugins: [onlyOk, new ExpirationPlugin({ maxEntries: 250, maxAgeSeconds: 60 * 24 * 3600 })],
});

const icons = new StaleWhileRevalidate({ cacheName: CACHES.icons, plugins: [onlyOk] });

const sameOrigin = (url: URL) => url.origin === self.location.origin;

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    // The widget is never kept: its freshness line would be frozen in the copy (it refreshes itself online).
    {
      matcher: ({ request, url }) => request.mode === "navigate" && sameOrigin(url) && !url.pathname.startsWith("/api/") && !url.pathname.startsWith("/embed/") && !isAdminPath(url.pathname),
      handler: pages,
    },
    { matcher: ({ url }) => sameOrigin(url) && isPortsApi(url.pathname), handler: api },
    { matcher: ({ url }) => sameOrigin(url) && isStaticAsset(url.pathname), handler: staticFiles },
    { matcher: ({ url }) => sameOrigin(url) && isIconOrManifest(url.pathname), handler: icons },
  ],
});
serwist.addEventListeners();

/** Drops caches of earlier formats of this worker. */
self.addEventListener("activate", (event) => {
  const current = new Set<string>(Object.values(CACHES));
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith("sb-") && !current.has(n)).map((n) => caches.delete(n)))),
  );
});

/**
 * Saves a page the browser did not fetch through this worker (the first visit, before it took
 * control, or a page reached by client-side navigation) with the build files it needs, so it can
 * be shown offline later. Pages already saved are left alone: every real visit refreshes them.
 */
async function warm(paths: string[], event: ExtendableEvent): Promise<void> {
  const saved = await caches.open(CACHES.pages);
  for (const path of paths) {
    const url = new URL(path, self.location.origin);
    if (url.origin !== self.location.origin || isAdminPath(url.pathname)) continue;
    if (await saved.match(url.href, matchOptions)) continue;
    const response = await pages.handle({ request: new Request(url.href, { credentials: "same-origin" }), event }).catch(() => undefined);
    if (!response?.ok || !response.headers.get("content-type")?.startsWith("text/html")) continue;
    const html = await response.text();
    await Promise.all(
      staticAssetsIn(html).map((asset) => staticFiles.handle({ request: new Request(new URL(asset, self.location.origin).href), event }).catch(() => undefined)),
    );
  }
}

self.addEventListener("message", (event) => {
  const origin = event.origin || (event.source && "url" in event.source ? new URL(event.source.url).origin : "");
  if (origin !== self.location.origin || !isWarmMessage(event.data)) return;
  event.waitUntil(warm(event.data.paths, event));
});
