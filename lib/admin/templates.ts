/** What a new item's kind-specific fields start as: the shape to fill in, in the content files' YAML. */
import { dataToYaml } from "@/lib/admin/forms";
import type { ContentKind } from "@/lib/content/model";

/** Kinds staff can add; ports and pages are a fixed set with routes of their own. */
export const CREATABLE_KINDS = ["guide", "initiative", "meeting", "announcement"] as const satisfies readonly ContentKind[];
/** Kinds whose address uses the slug, so staff choose one per language. */
export const SLUGGED_KINDS: readonly ContentKind[] = ["guide", "initiative"];

export function dataTemplate(kind: ContentKind, today: string): string {
  const bilingual = { en: "", es: "" };
  const sources = { en: [{ label: "", url: "https://" }], es: [{ label: "", url: "https://" }] };
  switch (kind) {
    case "guide":
      return dataToYaml({ order: 100, verified: today, direction: "northbound", ports: [], faq: false, sources });
    case "initiative":
      return dataToYaml({ order: 100, ports: [], problem: bilingual, solution: bilingual, enablers: bilingual, timeline: [{ date: today, text: bilingual }], sources });
    case "meeting":
      return dataToYaml({ type: "stakeholder", starts: `${today}T10:00:00-08:00`, ends: `${today}T12:00:00-08:00`, city: "san-diego", venue: { name: "", address: "" }, materials: [] });
    case "announcement":
      return dataToYaml({ date: today, ports: [] });
    default:
      return "";
  }
}
