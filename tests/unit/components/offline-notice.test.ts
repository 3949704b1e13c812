/**
 * The offline notice's words: when the waits on screen were received, in each language's way of
 * writing times, and whole sentences without doubled punctuation.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { receivedAtText } from "@/components/offline/format";
import { SITE_TIME_ZONE } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

// Non-breaking spaces from Intl, made plain for readable expectations.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("receivedAtText", () => {
  const received = Date.parse("2026-03-03T23:42:00Z"); // 3:42 p.m. in San Diego and Tijuana (PST)

  it("gives the time alone on the same local day", () => {
    const now = Date.parse("2026-03-04T01:00:00Z"); // 5 p.m. the same day there, already the 4th in UTC
    expect(plain(receivedAtText("en", received, now, SITE_TIME_ZONE))).toBe("3:42 PM");
    expect(plain(receivedAtText("es", received, now, SITE_TIME_ZONE))).toBe("3:42 p.m.");
  });

  it("adds the date when the copy is from another day", () => {
    const now = Date.parse("2026-03-04T16:00:00Z"); // 8 a.m. the next morning
    expect(plain(receivedAtText("en", received, now, SITE_TIME_ZONE))).toBe("Mar 3, 3:42 PM");
    expect(plain(receivedAtText("es", received, now, SITE_TIME_ZONE))).toMatch(/^3 mar\.?,? 3:42 p\.m\.$/);
  });
});

describe("the notice's sentences", () => {
  const received = Date.parse("2026-03-03T23:42:00Z");
  for (const [locale, messages] of [["en", en], ["es", es]] as const) {
    it(`${locale}: reads as whole sentences on the same day and another`, () => {
      const t = createTranslator({ locale, messages, namespace: "Offline" });
      for (const now of [received + 3600_000, received + 86_400_000]) {
        const text = plain(`${t("offlineTitle")} ${t("lastWaits", { time: receivedAtText(locale, received, now, SITE_TIME_ZONE) })} ${t("backOnline")}`);
        expect(text).not.toMatch(/\.\.|\s\./);
        expect(text).toMatch(/3:42 (PM|p\.m\.)/);
        expect(text.endsWith(".")).toBe(true);
      }
    });
  }

  it("matches the example in the brief", () => {
    const t = createTranslator({ locale: "en", messages: en, namespace: "Offline" });
    expect(plain(`${t("offlineTitle")} ${t("lastWaits", { time: receivedAtText("en", received, received, SITE_TIME_ZONE) })}`)).toBe(
      "You are offline. These are the last waits we received, at 3:42 PM.",
    );
  });
});
