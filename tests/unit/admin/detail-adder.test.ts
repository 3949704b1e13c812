/** The editor's quick-add for initiative progress and meeting materials writes the same YAML staff could type. */
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { addDetail } from "@/components/admin/detail-adder";
import { DATA_SCHEMAS } from "@/lib/content/model";
import { dataToYaml } from "@/lib/admin/forms";
import { readSeedFiles } from "@/lib/content/seed-files";
import path from "node:path";

const SEED = readSeedFiles(path.join(process.cwd(), "content"));

describe("adding details", () => {
  it("puts a progress update into an initiative's timeline in date order, and the result still validates", () => {
    const initiative = SEED.find((i) => i.kind === "initiative")!;
    const yaml = addDetail("initiative", dataToYaml(initiative.data), { date: "2025-06", text_en: "Bids opened", text_es: "Se abrieron las licitaciones", source: "https://example.org/bids" });
    const data = DATA_SCHEMAS.initiative.parse(parse(yaml));
    const dates = data.timeline.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(data.timeline.find((e) => e.date === "2025-06")).toEqual({ date: "2025-06", text: { en: "Bids opened", es: "Se abrieron las licitaciones" }, source: "https://example.org/bids" });
    expect(data.timeline).toHaveLength((initiative.data as { timeline: unknown[] }).timeline.length + 1);
  });

  it("appends a materials link to a meeting", () => {
    const meeting = SEED.find((i) => i.kind === "meeting")!;
    const yaml = addDetail("meeting", dataToYaml(meeting.data), { url: "https://example.org/agenda.pdf", label_en: "Agenda", label_es: "Orden del día" });
    const data = DATA_SCHEMAS.meeting.parse(parse(yaml));
    expect(data.materials.at(-1)).toEqual({ url: "https://example.org/agenda.pdf", label: { en: "Agenda", es: "Orden del día" } });
  });

  it("refuses to touch details that are not valid YAML", () => {
    expect(() => addDetail("meeting", "materials: [unclosed", { url: "https://x.org", label_en: "a", label_es: "b" })).toThrow();
  });
});
