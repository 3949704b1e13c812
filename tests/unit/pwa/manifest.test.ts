/**
 * The web app manifests: one per language (each names the app in its language), the same colours
 * as the site, and icons that exist at the sizes they claim.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { routing } from "@/lib/i18n/routing";
import { BACKGROUND_COLOR, buildManifest, manifestPath, THEME_COLOR } from "@/lib/pwa/manifest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

const MESSAGES = { en, es } as const;
const manifest = (locale: "en" | "es") =>
  buildManifest(locale, { name: MESSAGES[locale].Metadata.siteName, shortName: MESSAGES[locale].Offline.appShortName, description: MESSAGES[locale].Offline.appDescription });

function pngSize(file: string): string {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
}

describe("buildManifest", () => {
  it("names the app in each language and starts it in that language", () => {
    expect(manifest("en")).toMatchObject({ id: "/en", lang: "en", start_url: "/en", name: "Smart Border San Diego–Tijuana", short_name: "Border Waits" });
    expect(manifest("es")).toMatchObject({ id: "/es", lang: "es", start_url: "/es", name: "Smart Border Tijuana–San Diego", short_name: "Garitas" });
  });

  it("installs the whole site, standalone, in the site's colours", () => {
    for (const locale of routing.locales) {
      expect(manifest(locale)).toMatchObject({ scope: "/", display: "standalone", theme_color: THEME_COLOR, background_color: BACKGROUND_COLOR });
    }
    // The same values the layout and the CSS use.
    expect(readFileSync("app/[locale]/layout.tsx", "utf8")).toContain("themeColor: THEME_COLOR");
    expect(readFileSync("app/[locale]/layout.tsx", "utf8")).toContain("bg-slate-50");
    expect(BACKGROUND_COLOR).toBe("#f8fafc"); // Tailwind's slate-50
  });

  it("short names fit under a home-screen icon", () => {
    for (const locale of routing.locales) expect((manifest(locale).short_name ?? "").length).toBeLessThanOrEqual(12);
  });

  it("lists 192 and 512 PNG icons and a maskable one that exist at those sizes", () => {
    const icons = manifest("en").icons ?? [];
    expect(icons.map((i) => `${i.sizes}/${i.purpose}`)).toEqual(["192x192/any", "512x512/any", "512x512/maskable"]);
    for (const icon of icons) {
      expect(icon.type).toBe("image/png");
      expect(pngSize(`public${icon.src}`)).toBe(icon.sizes);
    }
    expect(pngSize("app/apple-icon.png")).toBe("180x180");
  });

  it("keeps icons distinct: the maskable one is full-bleed, the others are not", () => {
    const digest = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
    expect(digest("public/icons/maskable-512.png")).not.toBe(digest("public/icons/icon-512.png"));
  });
});

describe("manifestPath", () => {
  it("keeps the well-known address for the default language and gives the others their own", () => {
    expect(manifestPath("en")).toBe("/manifest.webmanifest");
    expect(manifestPath("es")).toBe("/es/manifest.webmanifest");
  });
});
