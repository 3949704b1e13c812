/** What the admin forms accept: Pacific times across DST, both languages, interface-text rules. */
import { describe, expect, it } from "vitest";
import { instantToPacific, languagesChanged, pacificToInstant, parseAlertForm } from "@/lib/admin/forms";
import { applyOverrides, defaultText, textProblem } from "@/lib/admin/ui-texts";
import { alertState } from "@/lib/admin/status";
import { safeNext } from "@/lib/admin/paths";

const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
};

describe("Pacific wall-clock times", () => {
  it("reads the time staff type as San Diego/Tijuana time, in winter and in summer", () => {
    expect(new Date(pacificToInstant("2026-12-05T14:30")!).toISOString()).toBe("2026-12-05T22:30:00.000Z");
    expect(new Date(pacificToInstant("2026-07-04T09:00")!).toISOString()).toBe("2026-07-04T16:00:00.000Z");
  });

  it("takes the first 1:30 of the repeated fall-back hour, and refuses the hour skipped in spring or an impossible date", () => {
    expect(new Date(pacificToInstant("2026-11-01T01:30")!).toISOString()).toBe("2026-11-01T08:30:00.000Z");
    expect(pacificToInstant("2026-03-08T02:30")).toBeNull();
    expect(pacificToInstant("2026-02-30T10:00")).toBeNull();
    expect(pacificToInstant("tomorrow")).toBeNull();
  });

  it("round-trips what the form shows", () => {
    for (const iso of ["2026-12-05T22:30:00Z", "2026-07-04T16:00:00Z", "2027-01-01T07:59:00Z"]) expect(pacificToInstant(instantToPacific(Date.parse(iso)))).toBe(Date.parse(iso));
  });
});

describe("alert form", () => {
  const base = { title_en: "Lane closed", title_es: "Carril cerrado", body_en: "Until noon.", body_es: "Hasta el mediodía.", severity: "warning", starts: "2026-12-05T08:00", ends: "", intent: "publish", ports: ["san-ysidro", "san-ysidro"] };

  it("gives the store's input: Pacific times as instants, ports deduplicated, publish → published", () => {
    const r = parseAlertForm(form(base));
    expect(r).toMatchObject({ ok: true, value: { status: "published", ports: ["san-ysidro"], startsAt: Date.parse("2026-12-05T16:00:00Z"), endsAt: null, severity: "warning" } });
  });

  it("names the fields that need attention", () => {
    expect(parseAlertForm(form({ ...base, title_es: " ", body_en: "" }))).toMatchObject({ ok: false, fields: { title_es: "required", body_en: "required" } });
    expect(parseAlertForm(form({ ...base, ends: "2026-12-05T07:00" }))).toMatchObject({ ok: false, fields: { ends: "endsBeforeStart" } });
    expect(parseAlertForm(form({ ...base, severity: "apocalyptic", ports: ["atlantis"] }))).toMatchObject({ ok: false, fields: { severity: "invalid", ports: "invalid" } });
    expect(parseAlertForm(form({ ...base, intent: "delete" }))).toMatchObject({ ok: false, fields: { intent: "invalid" } });
  });
});

describe("one-sided edits", () => {
  const item = { title: { en: "A", es: "B" }, summary: { en: "C", es: "D" }, body: { en: "E", es: "F" }, slug: { en: "g", es: "h" } };
  it("tells which languages an edit touched", () => {
    expect(languagesChanged(item, item)).toEqual([]);
    expect(languagesChanged(item, { ...item, body: { en: "E2", es: "F" } })).toEqual(["en"]);
    expect(languagesChanged(item, { ...item, slug: { en: "g", es: "h2" } })).toEqual(["es"]);
    expect(languagesChanged(item, { ...item, title: { en: "A2", es: "B2" } })).toEqual(["en", "es"]);
    expect(languagesChanged(null, item)).toEqual(["en", "es"]);
    // Texts inside the details count too: an initiative's timeline entry, a source label.
    const withData = (es: string) => ({ ...item, data: { timeline: [{ date: "2026", text: { en: "Signed", es } }], order: 1 } });
    expect(languagesChanged(withData("Firmado"), withData("Firmado el acuerdo"))).toEqual(["es"]);
    expect(languagesChanged(withData("Firmado"), { ...withData("Firmado"), data: { timeline: [{ date: "2027", text: { en: "Signed", es: "Firmado" } }], order: 2 } })).toEqual([]);
  });
});

describe("alert state", () => {
  it("draft, scheduled, in effect, ended", () => {
    const now = 1000;
    expect(alertState({ status: "draft", startsAt: 0, endsAt: null }, now)).toBe("draft");
    expect(alertState({ status: "published", startsAt: 2000, endsAt: null }, now)).toBe("scheduled");
    expect(alertState({ status: "published", startsAt: 0, endsAt: null }, now)).toBe("live");
    expect(alertState({ status: "published", startsAt: 0, endsAt: 1000 }, now)).toBe("ended");
  });
});

describe("interface texts", () => {
  it("an override must keep the default's placeholders and hold no markup", () => {
    expect(defaultText("Freshness.noDataBody", "es")).toMatch(/CBP/);
    expect(textProblem("Home.title", "en", "Waits at the border right now")).toBeNull();
    expect(textProblem("Home.title", "en", "  ")).toBe("required");
    expect(textProblem("Home.title", "en", "x".repeat(301))).toBe("tooLong");
    expect(textProblem("Home.title", "en", "Waits {now}")).toBe("placeholders");
    expect(textProblem("Home.title", "en", "<b>Waits</b>")).toBe("placeholders");
  });

  it("applies only to the listed texts and never changes the defaults", () => {
    const messages = { Home: { title: "T", intro: "I" }, Waits: { modes: { passenger: "Vehicles" } } };
    const out = applyOverrides(messages, new Map([["Home.title", "New"], ["Waits.modes", "hijack"]]));
    expect(out).toEqual({ Home: { title: "New", intro: "I" }, Waits: { modes: { passenger: "Vehicles" } } });
    expect(messages.Home.title).toBe("T");
  });
});

describe("where sign-in may lead", () => {
  it.each([
    ["/es/admin/alerts", "/es/admin/alerts"],
    ["/en/admin/content/guide/into-mexico", "/en/admin/content/guide/into-mexico"],
    ["https://evil.example", "/en/admin"],
    ["//evil.example/en/admin", "/en/admin"],
    ["/en/admin//evil", "/en/admin"],
    ["/en/ports/san-ysidro", "/en/admin"],
    [undefined, "/en/admin"],
  ])("%s → %s", (next, expected) => {
    expect(safeNext(next, "en")).toBe(expected);
  });
});
