/**
 * Freshness rules of the view: crossings CBP stopped reporting disappear instead of passing old
 * numbers off as current, and the ETag changes when a restored database reuses version numbers.
 */
import { describe, expect, it } from "vitest";
import { handleOnePort } from "@/lib/api/ports-handler";
import { saveSuccessfulPoll } from "@/lib/waits/store";
import { readOnePort } from "@/lib/waits/read";
import { emptyDb, FIXTURE_AT, fixtureSnapshot, seededDb } from "@/tests/unit/support/waits-fixtures";

const STALE_SECONDS = 900;

describe("crossings CBP stops reporting", () => {
  it("are shown while recent, and dropped once successful polls have left them out past the stale threshold", () => {
    const db = seededDb(FIXTURE_AT);
    const full = fixtureSnapshot();
    const withoutPedWest = { ...full, crossings: full.crossings.filter((c) => c.cbpPortNumber !== "250407") };
    const source = (now: number) => ({ db, now: () => now, staleSeconds: STALE_SECONDS });

    saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT + 600_000, snapshot: withoutPedWest });
    const recent = readOnePort("san-ysidro", source(FIXTURE_AT + 600_000));
    expect(recent?.port.crossings.map((c) => c.cbpPortNumber)).toEqual(["250401", "250407"]);

    saveSuccessfulPoll(db, { fetchedAt: FIXTURE_AT + 1_000_000, snapshot: withoutPedWest });
    const later = readOnePort("san-ysidro", source(FIXTURE_AT + 1_000_000));
    expect(later?.port.crossings.map((c) => c.cbpPortNumber)).toEqual(["250401"]);
  });

  it("are kept through failed polls: only successful polls that leave them out count", () => {
    const db = seededDb(FIXTURE_AT);
    // No newer successful poll: an hour later everything is stale, but nothing is dropped.
    const view = readOnePort("san-ysidro", { db, now: () => FIXTURE_AT + 3_600_000, staleSeconds: STALE_SECONDS });
    expect(view?.port.crossings).toHaveLength(2);
    expect(view?.meta.stale).toBe(true);
  });
});

describe("ETag", () => {
  it("differs between two databases at the same version counter but different polls", () => {
    const a = seededDb(FIXTURE_AT);
    const b = emptyDb();
    saveSuccessfulPoll(b, { fetchedAt: FIXTURE_AT + 300_000, snapshot: fixtureSnapshot() });
    const etag = (db: ReturnType<typeof emptyDb>) =>
      handleOnePort(new Request("http://x/api/v1/ports/tecate"), "tecate", { db, now: () => FIXTURE_AT + 300_000, staleSeconds: STALE_SECONDS }).headers.get("etag");
    expect(etag(a)).toBeTruthy();
    expect(etag(a)).not.toBe(etag(b));
  });
});
