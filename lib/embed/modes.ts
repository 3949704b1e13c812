/**
 * Which mode the widget shows and its URL: the same rules for the widget (server) and the snippet
 * builder (browser), so the code it hands out shows what it promised. No dependencies.
 */
import type { Locale } from "@/lib/i18n/routing";
import { MODES, type Mode, type PortDef } from "@/lib/ports";

/** The modes a port has lanes for, in the site's display order. */
export function portModes(port: PortDef): Mode[] {
  return MODES.filter((m) => port.crossings.some((c) => c.lanes.some((l) => l.mode === m)));
}

/**
 * The mode the widget shows: the one asked for when the port has it, else the port's first mode
 * with lanes (so `?mode=commercial` on the pedestrian-only CBX shows its pedestrians, not an empty
 * box). `null` for a planned port, which has no lanes yet.
 */
export function resolveMode(port: PortDef, requested: Mode | undefined): Mode | null {
  const modes = portModes(port);
  if (requested && modes.includes(requested)) return requested;
  return modes[0] ?? null;
}

/** The widget's path with its query, in a stable order (the snippet, the preview and the tests). */
export function embedPath(slug: string, lang: Locale, mode: Mode | null): string {
  const q = new URLSearchParams({ lang });
  if (mode) q.set("mode", mode);
  return `/embed/${encodeURIComponent(slug)}?${q.toString()}`;
}
