/**
 * Runs before every page request: locale routing (next-intl) and a per-request CSP nonce.
 * Not an auth boundary: data access checks live next to the data (Next.js data-security guide).
 */
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";

const intl = createMiddleware(routing);

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce-carrying bootstrap load its chunks; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Named outright: with 'strict-dynamic', script-src ignores 'self', and worker-src would fall
    // back to it, so /sw.js must be allowed here to be registered.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "upgrade-insecure-requests",
  ].join("; ");
}

/** A first segment that looks like a language code but is not one of ours gets a 404, not a redirect. */
const LOCALE_LIKE = /^\/([a-z]{2}(?:[-_][A-Za-z]{2,4})?)(?:\/|$)/;

/**
 * The feeds and calendar files already carry their language in the path and are not pages: they skip locale
 * negotiation, whose locale cookie would keep shared caches from storing them.
 */
const FEED_PATH = new RegExp(
  `^/(?:${routing.locales.join("|")})/(?:(?:(?:ports/[a-z0-9-]+|announcements)/)?feed\\.(?:rss|atom)|meetings/[a-z0-9-]+\\.ics)$`,
);

export default function proxy(request: NextRequest) {
  if (FEED_PATH.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // next-intl copies the request headers into its rewrite, so Next sees the nonce when rendering.
  request.headers.set("x-nonce", nonce);
  request.headers.set("Content-Security-Policy", csp);

  const match = LOCALE_LIKE.exec(request.nextUrl.pathname);
  const unsupported = match && !(routing.locales as readonly string[]).includes(match[1] ?? "");
  const response = unsupported
    ? NextResponse.rewrite(new URL(`/${routing.defaultLocale}/__unsupported-locale`, request.url), { request: { headers: request.headers } })
    : intl(request);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Every page, including odd paths with a dot (they must get the CSP too); not the API, Next's
  // own files, the few real files at the root (icons, the service worker, the manifests, which
  // locale routing would otherwise redirect into a language), or the widget /embed/{slug}, which
  // has no locale prefix and sets its own framable CSP (lib/embed/handler.ts).
  matcher: [
    {
      source:
        "/((?!api/|_next/|embed/[^/]+$|icon\\.svg$|apple-icon\\.png$|icons/[\\w-]+\\.png$|sw\\.js$|(?:[a-z]{2}/)?manifest\\.webmanifest$|favicon\\.ico|robots\\.txt|sitemap\\.xml|bench/).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
