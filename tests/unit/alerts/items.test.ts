/** Merging staff alerts and status events into one newest-first list of a given length. */
import { describe, expect, it } from "vitest";
import { itemId, mergeItems } from "@/lib/alerts/items";
import type { Alert, StatusEvent } from "@/lib/alerts/model";

const H = 3_600_000;
const NOW = Date.parse("2026-12-05T12:00:00Z");

const alert = (id: number, startsAt: number, endsAt: number | null): Alert => ({
  id,
  title: { en: "Notice", es: "Aviso" },
  body: { en: "Body.", es: "Texto." },
  severity: "warning",
  ports: [],
  startsAt,
  endsAt,
  status: "published",
  publishedAt: startsAt,
  createdAt: startsAt,
  updatedAt: startsAt, revision: 1,
});

const event = (id: number, at: number): StatusEvent => ({
  id,
  kind: id % 2 ? "lane_closed" : "lane_reopened",
  at,
  portSlug: "tecate",
  cbpPortNumber: "250501",
  mode: "passenger",
  type: "standard",
  delayMinutes: null,
  lanesOpen: null,
  lastSuccessAt: null,
});

describe("mergeItems", () => {
  it("is newest first across both kinds and cut to the limit", () => {
    const items = mergeItems([alert(1, NOW - 2 * H, null)], [event(1, NOW - 3 * H), event(2, NOW - H)], 2, NOW);
    expect(items.map(itemId)).toEqual(["status-2", "alert-1"]);
  });

  it("keeps an alert still in effect even when more recent events would fill the list", () => {
    const events = Array.from({ length: 60 }, (_, i) => event(i + 1, NOW - i * 60_000));
    const standing = alert(7, NOW - 3 * 24 * H, null);
    const ended = alert(8, NOW - 3 * 24 * H, NOW - 24 * H);
    const items = mergeItems([standing, ended], events, 50, NOW);
    expect(items).toHaveLength(50);
    expect(items.map(itemId)).toContain("alert-7");
    expect(items.map(itemId)).not.toContain("alert-8");
    // Still in date order: the old notice comes last.
    expect(items.at(-1) && itemId(items.at(-1)!)).toBe("alert-7");
    expect(items.filter((i) => i.kind === "status")).toHaveLength(49);
  });
});
