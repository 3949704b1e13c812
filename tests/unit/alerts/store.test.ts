/**
 * The alerts store (drafts, publication, time windows, ports) and the status events the poller
 * records through it: real captures in, events out, staleness once per outage, retention.
 */
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { EVENT_RETENTION_MS, KEEP_ENDED_MS, type AlertInput } from "@/lib/alerts/model";
import { createAlert, getAlert, listPublicAlerts, listStatusEvents, publishAlert, recordFailedPollEvents, recordPollEvents } from "@/lib/alerts/store";
import { Poller } from "@/lib/waits/poller";
import { emptyDb, FIXTURE_AT, fixtureBytes, fixtureSnapshot, manualClock, OTROLADO_FILE } from "@/tests/unit/support/waits-fixtures";

const HOUR = 3_600_000;
const NOW = FIXTURE_AT;

const alert = (over: Partial<AlertInput> = {}): AlertInput => ({
  titleEn: "Lane closures at San Ysidro",
  titleEs: "Cierre de carriles en San Ysidro",
  bodyEn: "Four vehicle lanes close for maintenance.",
  bodyEs: "Cuatro carriles vehiculares cierran por mantenimiento.",
  severity: "warning",
  ports: ["san-ysidro"],
  startsAt: NOW - HOUR,
  status: "published",
  ...over,
});

const ids = (list: { id: number }[]) => list.map((a) => a.id);

describe("alerts", () => {
  it("stores both languages, trims text and keeps the ports sorted and unique", () => {
    const db = emptyDb();
    const id = createAlert(db, alert({ titleEn: "  Closure \r\n", ports: ["tecate", "san-ysidro", "tecate"] }), NOW);
    const a = getAlert(db, id)!;
    expect(a.title).toEqual({ en: "Closure", es: "Cierre de carriles en San Ysidro" });
    expect(a.ports).toEqual(["san-ysidro", "tecate"]);
    expect(a.publishedAt).toBe(NOW);
  });

  it("refuses incomplete or inconsistent input (zod at the boundary)", () => {
    const db = emptyDb();
    for (const bad of [
      alert({ titleEs: "   " }),
      alert({ bodyEn: "" }),
      alert({ ports: ["tijuana"] }),
      alert({ severity: "severe" as never }),
      alert({ endsAt: NOW - 2 * HOUR }),
      alert({ titleEn: "bell \u0007" }),
      alert({ titleEn: "x".repeat(201) }),
    ]) {
      expect(() => createAlert(db, bad, NOW)).toThrow(ZodError);
    }
    expect(listPublicAlerts(db, { now: NOW, limit: 50 })).toEqual([]);
  });

  it("the public sees published alerts that have started and did not end over 7 days ago", () => {
    const db = emptyDb();
    const active = createAlert(db, alert(), NOW);
    const draft = createAlert(db, alert({ status: "draft" }), NOW);
    const future = createAlert(db, alert({ startsAt: NOW + HOUR }), NOW);
    const endedRecently = createAlert(db, alert({ startsAt: NOW - 48 * HOUR, endsAt: NOW - 24 * HOUR }), NOW - 48 * HOUR);
    const endedLongAgo = createAlert(db, alert({ startsAt: NOW - KEEP_ENDED_MS - 2 * HOUR, endsAt: NOW - KEEP_ENDED_MS - HOUR }), NOW - KEEP_ENDED_MS - 2 * HOUR);
    const visible = ids(listPublicAlerts(db, { now: NOW, limit: 50 }));
    expect(visible).toEqual([active, endedRecently]);
    expect(visible).not.toContain(draft);
    expect(visible).not.toContain(future);
    expect(visible).not.toContain(endedLongAgo);
    // The scheduled one appears once it starts; the draft once published.
    expect(ids(listPublicAlerts(db, { now: NOW + HOUR, limit: 50 }))).toContain(future);
    expect(publishAlert(db, draft, NOW + 1)).toBe(true);
    expect(publishAlert(db, draft, NOW + 2)).toBe(false);
    expect(ids(listPublicAlerts(db, { now: NOW + 1, limit: 50 }))[0]).toBe(draft);
  });

  it("orders by publication when it came after the start, and filters by port (alerts for all ports included)", () => {
    const db = emptyDb();
    const everywhere = createAlert(db, alert({ ports: [], startsAt: NOW - 3 * HOUR }), NOW - 3 * HOUR);
    const tecate = createAlert(db, alert({ ports: ["tecate"], startsAt: NOW - 2 * HOUR }), NOW - 2 * HOUR);
    // Began a week ago, published just now: newest.
    const late = createAlert(db, alert({ ports: ["san-ysidro"], startsAt: NOW - 7 * 24 * HOUR }), NOW);
    expect(ids(listPublicAlerts(db, { now: NOW, limit: 50 }))).toEqual([late, tecate, everywhere]);
    expect(ids(listPublicAlerts(db, { now: NOW, port: "tecate", limit: 50 }))).toEqual([tecate, everywhere]);
    expect(ids(listPublicAlerts(db, { now: NOW, port: "otay-mesa-east", limit: 50 }))).toEqual([everywhere]);
    expect(ids(listPublicAlerts(db, { now: NOW, since: NOW - 2 * HOUR, limit: 50 }))).toEqual([late]);
    expect(ids(listPublicAlerts(db, { now: NOW, limit: 1 }))).toEqual([late]);
  });
});

describe("status events in the store", () => {
  const STALE = 900_000;

  it("records real transitions between polls, with the port, crossing and lane", () => {
    const db = emptyDb();
    expect(recordPollEvents(db, { snapshot: fixtureSnapshot(), at: NOW, previousSuccessAt: null, staleAfterMs: STALE })).toEqual([]);
    recordPollEvents(db, { snapshot: fixtureSnapshot(OTROLADO_FILE, NOW), at: NOW + 60_000, previousSuccessAt: NOW, staleAfterMs: STALE });
    const events = listStatusEvents(db, { now: NOW + 60_000, limit: 50 });
    expect(events.map((e) => [e.kind, e.portSlug, e.cbpPortNumber, e.mode, e.type, e.at])).toEqual([
      ["lane_closed", "tecate", "250501", "commercial", "standard", NOW + 60_000],
      ["crossing_closed", "san-ysidro", "250407", null, null, NOW + 60_000],
    ]);
    expect(listStatusEvents(db, { now: NOW + 60_000, port: "tecate", limit: 50 }).map((e) => e.kind)).toEqual(["lane_closed"]);
    expect(listStatusEvents(db, { now: NOW + 60_000, port: "otay-mesa", limit: 50 })).toEqual([]);
  });

  it("staleness: one event per outage across many failed polls, one recovery, site-wide", () => {
    const db = emptyDb();
    const clock = manualClock(NOW);
    recordPollEvents(db, { snapshot: fixtureSnapshot(), at: NOW, previousSuccessAt: null, staleAfterMs: STALE });
    for (let i = 0; i < 30; i++) {
      clock.advance(60_000);
      recordFailedPollEvents(db, { at: clock.now(), lastSuccessAt: NOW, staleAfterMs: STALE });
    }
    clock.advance(60_000);
    recordPollEvents(db, { snapshot: fixtureSnapshot(), at: clock.now(), previousSuccessAt: NOW, staleAfterMs: STALE });
    recordPollEvents(db, { snapshot: fixtureSnapshot(), at: clock.now() + 60_000, previousSuccessAt: clock.now(), staleAfterMs: STALE });
    const events = listStatusEvents(db, { now: clock.now() + 60_000, port: "cross-border-xpress", limit: 50 });
    expect(events.map((e) => [e.kind, e.portSlug, e.lastSuccessAt])).toEqual([
      ["data_recovered", null, NOW],
      ["data_stale", null, NOW],
    ]);
  });

  it("prunes events older than the retention period", () => {
    const db = emptyDb();
    recordPollEvents(db, { snapshot: fixtureSnapshot(), at: NOW, previousSuccessAt: null, staleAfterMs: STALE });
    recordPollEvents(db, { snapshot: fixtureSnapshot(OTROLADO_FILE, NOW), at: NOW + 1, previousSuccessAt: NOW, staleAfterMs: STALE });
    expect(db.prepare("SELECT count(*) FROM status_events").pluck().get()).toBe(2);
    const later = NOW + EVENT_RETENTION_MS + 2;
    recordPollEvents(db, { snapshot: fixtureSnapshot(OTROLADO_FILE, NOW), at: later, previousSuccessAt: later - 1000, staleAfterMs: STALE });
    expect(db.prepare("SELECT count(*) FROM status_events").pluck().get()).toBe(0);
  });

  it("the poller records them: a capture switch becomes events, a failed poll past the threshold a stale event", async () => {
    const db = emptyDb();
    const clock = manualClock(NOW);
    let bytes = fixtureBytes();
    let fail = false;
    const poller = new Poller({
      db,
      feedUrl: "http://127.0.0.1:9/unused",
      intervalMs: 60_000,
      staleAfterMs: STALE,
      timeoutMs: 500,
      maxBytes: 2_000_000,
      breakerHalfOpenMs: 1000,
      retries: 0,
      now: clock.now,
      fetchBytes: () => (fail ? Promise.reject(new Error("down")) : Promise.resolve(bytes)),
    });
    expect((await poller.poll()).ok).toBe(true);
    bytes = fixtureBytes(OTROLADO_FILE);
    clock.advance(60_000);
    expect((await poller.poll()).ok).toBe(true);
    fail = true;
    clock.advance(STALE + 1);
    expect((await poller.poll()).ok).toBe(false);
    clock.advance(60_000);
    await poller.poll();
    poller.stop();
    expect(listStatusEvents(db, { now: clock.now(), limit: 50 }).map((e) => e.kind)).toEqual(["data_stale", "lane_closed", "crossing_closed"]);
  });
});
