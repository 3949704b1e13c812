/**
 * The developers page's examples: one request per documented endpoint, answered by the real
 * handler on this server's database (never a typed-in sample), shortened for reading.
 */
import "server-only";
import { handleAlerts } from "@/lib/api/alerts-handler";
import { handleDashboard } from "@/lib/api/dashboard-handler";
import { handleForecast, handleHistory, handleTypical } from "@/lib/api/history-handler";
import type { PATHS } from "@/lib/api/openapi";
import { handleAllPorts, handleOnePort } from "@/lib/api/ports-handler";
import { GET as health } from "@/app/api/health/route";
import { getDb } from "@/lib/db/client";
import { perMinute } from "@/lib/history/memo";

type Template = keyof typeof PATHS;

/** An example request per endpoint, and how to answer it in-process. `null`: no sample shown (the document itself). */
export const EXAMPLES: Record<Template, { url: string; answer: ((request: Request) => Response) | null }> = {
  "/api/v1/ports": { url: "/api/v1/ports?mode=pedestrian", answer: (r) => handleAllPorts(r) },
  "/api/v1/ports/{slug}": { url: "/api/v1/ports/tecate", answer: (r) => handleOnePort(r, "tecate") },
  "/api/v1/ports/{slug}/history": {
    url: "/api/v1/ports/san-ysidro/history?mode=pedestrian&type=standard&limit=3",
    answer: (r) => handleHistory(r, "san-ysidro"),
  },
  "/api/v1/ports/{slug}/typical": { url: "/api/v1/ports/otay-mesa/typical?mode=commercial&type=fast", answer: (r) => handleTypical(r, "otay-mesa") },
  "/api/v1/ports/{slug}/forecast": { url: "/api/v1/ports/san-ysidro/forecast?mode=passenger&type=ready", answer: (r) => handleForecast(r, "san-ysidro") },
  "/api/v1/dashboard": { url: "/api/v1/dashboard?format=csv", answer: (r) => handleDashboard(r) },
  "/api/v1/alerts": { url: "/api/v1/alerts?port=san-ysidro&limit=2", answer: (r) => handleAlerts(r) },
  "/api/v1/openapi.json": { url: "/api/v1/openapi.json", answer: null },
  "/api/health": { url: "/api/health", answer: () => health() },
};

/** Lists longer than this are cut to their first items. */
const KEEP = 2;
const CSV_LINES = 4;

function shorten(value: unknown): { value: unknown; cut: boolean } {
  if (Array.isArray(value)) {
    const parts = value.slice(0, KEEP).map(shorten);
    return { value: parts.map((p) => p.value), cut: value.length > KEEP || parts.some((p) => p.cut) };
  }
  if (value && typeof value === "object") {
    let cut = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const s = shorten(v);
      out[k] = s.value;
      cut ||= s.cut;
    }
    return { value: out, cut };
  }
  return { value, cut: false };
}

export interface Sample {
  status: number;
  contentType: string;
  text: string;
  /** Lists or lines were left out. */
  shortened: boolean;
}

/** A shortened JSON (or CSV) of what `url` answers on this server right now. */
export async function sampleFor(template: Template, origin: string): Promise<Sample | null> {
  const example = EXAMPLES[template];
  if (!example.answer) return null;
  const res = example.answer(new Request(`${origin}${example.url}`));
  const contentType = (res.headers.get("content-type") ?? "").split(";")[0]!;
  const body = await res.text();
  if (contentType === "text/csv") {
    const lines = body.trimEnd().split(/\r?\n/);
    return { status: res.status, contentType, text: lines.slice(0, CSV_LINES).join("\n"), shortened: lines.length > CSV_LINES };
  }
  const s = shorten(JSON.parse(body));
  return { status: res.status, contentType, text: JSON.stringify(s.value, null, 2), shortened: s.cut };
}

/**
 * Every endpoint's sample, computed at most once a minute: the page must not cost the server
 * eight API answers (the dashboard's among them) per visit.
 */
export function allSamples(origin: string): Promise<Record<Template, Sample | null>> {
  const templates = Object.keys(EXAMPLES) as Template[];
  return perMinute(getDb(), `developers-samples ${origin}`, Date.now(), async () =>
    Object.fromEntries(await Promise.all(templates.map(async (t) => [t, await sampleFor(t, origin)] as const))) as Record<Template, Sample | null>,
  );
}
