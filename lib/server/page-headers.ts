/**
 * Headers every HTML page gets (reliability.md §3); the CSP itself is set per request in proxy.ts.
 * next.config.ts sends them with every page; the production server's own answers (a malformed
 * path) send the same list.
 */
export const PAGE_HEADERS: readonly { key: string; value: string }[] = [
  // Two years, subdomains included (ASVS 3.4.1); browsers ignore it over plain-HTTP localhost.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];
