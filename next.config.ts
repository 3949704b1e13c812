import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PAGE_HEADERS } from "./lib/server/page-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Every HTML page gets PAGE_HEADERS (lib/server/page-headers.ts); the CSP itself is set per request
 * in proxy.ts. API responses set their own (lib/api/http.ts), because the production server may
 * answer them without going through Next. So does the embeddable widget, /embed/{slug}
 * (lib/embed/handler.ts): it must be framable from anywhere, which X-Frame-Options: DENY here
 * would forbid.
 */
const pageHeaders = [...PAGE_HEADERS];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native addons stay outside the bundle (argon2 ships prebuilt binaries per platform).
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  // Next 16.5 `next dev` otherwise writes AGENTS.md into the project.
  agentRules: false,
  // authInterrupts: forbidden() gives admin pages a real 403 for a role that is too low.
  experimental: { agentUpgrade: false, authInterrupts: true },
  async headers() {
    return [
      // Left out: /embed/{slug} (framable; /embed/x/y and /embed are ordinary localized 404 pages)
      // and the feeds, whose handler sets the API's cross-origin headers (lib/feeds/handler.ts).
      { source: "/((?!api/|embed/[^/]+$|[a-z]{2}/(?:ports/[^/]+/)?feed\\.(?:rss|atom)$).*)", headers: pageHeaders },
      {
        // Staff pages: never stored by a browser or shared cache, never indexed.
        source: "/:locale(en|es)/admin/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
      {
        // The browser checks for a new worker on navigations; never let a cache hide a new one.
        // Its own CSP governs what the worker itself may fetch: only this site.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache" },
          { key: "Content-Security-Policy", value: "default-src 'self'; script-src 'self'" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
