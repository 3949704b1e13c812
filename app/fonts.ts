import localFont from "next/font/local";

// Bundled with the site (no font CDN): the woff2 files come from the @fontsource/inter package.
// Two weights only (semibold text uses the bold file): each one is ~24 KB that a phone on a weak
// signal must load before the text settles.
export const inter = localFont({
  src: [
    { path: "../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/inter/files/inter-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-inter",
  // "optional": a font that is not there by first paint is skipped for this page view, so text
  // never re-flows (and the largest paint is not delayed) on a slow phone connection.
  display: "optional",
  fallback: ["system-ui", "Arial", "sans-serif"],
});
