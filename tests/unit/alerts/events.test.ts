/**
 * Status-change detection on real CBP captures (transitions synthesized by editing a copy of a
 * parsed capture where the captures themselves do not have them), and the staleness detector
 * with a hand-moved clock.
 */
import { describe, expect, it } from "vitest";
import { diffSnapshot, stalenessEvents, type StalenessKind } from "@/lib/alerts/events";
import { laneKey } from "@/lib/ports";
import type { DetectedEvent } from "@/lib/alerts/model";
import type { FeedSnapshot, Lane } from "@/lib/waits/model";
import { FIXTURE_AT, fixtureSnapshot, manualClock, OLDER_FIXTURE_AT, OLDER_FIXTURE_FILE, OTROLADO_FILE } from "@/tests/unit/support/waits-fixtures";

/** PedWest is closed and Tecate's cargo lanes are closed in this capture; both open in FIXTURE_FILE. */
const OTROLADO_FILE_AT = Date.parse("2026-08-31T03:41:44Z");

const base = () => fixtureSnapshot();
const T = FIXTURE_AT + 300_000;

/** Runs snapshots through the detector in order, as successive polls would. */
function run(...snapshots: FeedSnapshot[]): DetectedEvent[][] {
  let watch = new Map<string, "open" | "closed">();
  return snapshots.map((s, i) => {
    const { events, next } = diffSnapshot(watch, s, T + i * 300_000);
    watch = next;
    return events;
  });
}

const brief = (events: DetectedEvent[]) => events.map((e) => [e.kind, e.portSlug, e.cbpPortNumber, e.mode, e.type].filter((x) => x !== null).join(" "));

function edit(snapshot: FeedSnapshot, cbp: string, change: (c: FeedSnapshot["crossings"][number]) => void): FeedSnapshot {
  const copy = structuredClone(snapshot);
  const crossing = copy.crossings.find((c) => c.cbpPortNumber === cbp);
  if (!crossing) throw new Error(`no crossing ${cbp}`);
  change(crossing);
  return copy;
}

function setLane(snapshot: FeedSnapshot, cbp: string, mode: Lane["mode"], type: Lane["type"], status: Lane["status"], delay: number | null = null): FeedSnapshot {
  return edit(snapshot, cbp, (c) => {
    const lane = c.lanes.find((l) => l.mode === mode && l.type === type);
    if (!lane) throw new Error(`no lane ${mode}/${type}`);
    lane.status = status;
    lane.delayMinutes = status === "open" ? (delay ?? 10) : null;
    lane.lanesOpen = status === "open" ? 2 : null;
  });
}

describe("diffSnapshot", () => {
  it("the first poll only sets the baseline, even with closed lanes in it", () => {
    const [first] = run(fixtureSnapshot(OTROLADO_FILE, OTROLADO_FILE_AT));
    expect(first).toEqual([]);
  });

  it("the same capture twice changes nothing", () => {
    expect(run(base(), base())[1]).toEqual([]);
  });

  it("real captures: PedWest closing and Tecate's cargo lanes closing, then both reopening", () => {
    const [, closing, reopening] = run(base(), fixtureSnapshot(OTROLADO_FILE, OTROLADO_FILE_AT), base());
    expect(brief(closing!)).toEqual(["crossing_closed san-ysidro 250407", "lane_closed tecate 250501 commercial standard"]);
    expect(brief(reopening!)).toEqual(["crossing_reopened san-ysidro 250407", "lane_reopened tecate 250501 commercial standard"]);
    // A reopened lane carries the wait CBP gave with it; a closing one has none.
    const tecate = base().crossings.find((c) => c.cbpPortNumber === "250501")!.lanes.find((l) => l.mode === "commercial")!;
    const reopened = reopening!.find((e) => e.kind === "lane_reopened")!;
    expect([reopened.delayMinutes, reopened.lanesOpen]).toEqual([tecate.delayMinutes, tecate.lanesOpen]);
    expect(reopened.delayMinutes).not.toBeNull();
    expect(closing!.find((e) => e.kind === "lane_closed")!.delayMinutes).toBeNull();
    expect(closing!.every((e) => e.at === T + 300_000)).toBe(true);
  });

  it("real captures: a night in November closes Otay cargo, PedWest and Tecate; pending lanes say nothing", () => {
    const [, night] = run(base(), fixtureSnapshot(OLDER_FIXTURE_FILE, OLDER_FIXTURE_AT));
    // In the capture's order; PedWest's and Otay cargo's lanes are pending, which changes nothing.
    expect(brief(night!)).toEqual(["crossing_closed otay-mesa 250602", "lane_closed otay-mesa 250601 passenger sentri", "crossing_closed san-ysidro 250407", "crossing_closed tecate 250501"]);
  });

  it("pending never makes an event and never replaces the last definite status", () => {
    const sy = (s: Lane["status"]) => setLane(base(), "250401", "passenger", "standard", s);
    // open → pending → open: silent.
    expect(run(sy("open"), sy("pending"), sy("open")).flat()).toEqual([]);
    // open → pending → pending → closed: one closure, at the poll that said closed.
    const steps = run(sy("open"), sy("pending"), sy("pending"), sy("closed"));
    expect(steps.map(brief)).toEqual([[], [], [], ["lane_closed san-ysidro 250401 passenger standard"]]);
    // closed → pending → closed: silent.
    expect(run(sy("closed"), sy("pending"), sy("closed")).flat()).toEqual([]);
  });

  it("a lane first seen as pending gets its baseline from the first definite status", () => {
    const sy = (s: Lane["status"]) => setLane(base(), "250401", "pedestrian", "ready", s);
    expect(run(sy("pending"), sy("closed"), sy("open")).map(brief)).toEqual([[], [], ["lane_reopened san-ysidro 250401 pedestrian ready"]]);
  });

  it("a crossing that closes with its lanes reports the crossing only", () => {
    const closed = edit(base(), "250401", (c) => {
      c.status = "closed";
      for (const l of c.lanes) Object.assign(l, { status: "closed", delayMinutes: null, lanesOpen: null });
    });
    const [, closing, reopening] = run(base(), closed, base());
    expect(brief(closing!)).toEqual(["crossing_closed san-ysidro 250401"]);
    expect(brief(reopening!)).toEqual(["crossing_reopened san-ysidro 250401"]);
  });

  it("a lane or crossing missing from a poll keeps its status (no event when it comes back unchanged)", () => {
    const without = structuredClone(base());
    without.crossings = without.crossings.filter((c) => c.cbpPortNumber !== "250409");
    const noLane = edit(base(), "250401", (c) => {
      c.lanes = c.lanes.filter((l) => !(l.mode === "passenger" && l.type === "ready"));
    });
    const [, , , back] = run(base(), without, noLane, base());
    expect(back).toEqual([]);
    const { next } = diffSnapshot(new Map(), base(), T);
    expect(next.get("250409")).toBe("open");
    expect(next.get(laneKey({ cbpPortNumber: "250401", mode: "passenger", type: "ready" }))).toBe("open");
  });

  it("crossings outside the registry (an Imperial Valley port) are ignored", () => {
    const withForeign = structuredClone(base());
    withForeign.crossings.push({ ...structuredClone(withForeign.crossings[0]!), cbpPortNumber: "250201" });
    const closed = edit(withForeign, "250201", (c) => {
      c.status = "closed";
    });
    expect(run(withForeign, closed)[1]).toEqual([]);
    expect(diffSnapshot(new Map(), withForeign, T).next.has("250201")).toBe(false);
  });
});

describe("stalenessEvents (fake clock, staleness after 900 s)", () => {
  const STALE_MS = 900_000;

  /** Drives the detector like the poller: polls every minute, some failing; returns kinds with times. */
  function simulate(outcomes: boolean[]): { kind: string; at: number }[] {
    const clock = manualClock(FIXTURE_AT);
    let lastSuccessAt: number | null = FIXTURE_AT;
    let lastKind: StalenessKind | null = null;
    const out: { kind: string; at: number }[] = [];
    for (const ok of outcomes) {
      clock.advance(60_000);
      const events = stalenessEvents({ lastKind, lastSuccessAt, now: clock.now(), staleAfterMs: STALE_MS, pollOk: ok });
      for (const e of events) {
        out.push({ kind: e.kind, at: e.at });
        lastKind = e.kind as StalenessKind;
        expect(e.lastSuccessAt).toBe(lastSuccessAt);
      }
      if (ok) lastSuccessAt = clock.now();
    }
    return out;
  }

  it("nothing while polls succeed or fail for less than the threshold", () => {
    expect(simulate([true, false, false, true, ...Array<boolean>(14).fill(false), true])).toEqual([]);
  });

  it("one stale event per outage, at the first failed poll past the threshold, and one recovery", () => {
    const outage = [true, ...Array<boolean>(30).fill(false), true, true];
    const events = simulate(outage);
    // Last success at minute 1; stale once more than 15 minutes have passed: the poll at minute 17.
    expect(events).toEqual([
      { kind: "data_stale", at: FIXTURE_AT + 17 * 60_000 },
      { kind: "data_recovered", at: FIXTURE_AT + 32 * 60_000 },
    ]);
  });

  it("two outages make two pairs", () => {
    const outage = [true, ...Array<boolean>(20).fill(false), true];
    expect(simulate([...outage, ...outage]).map((e) => e.kind)).toEqual(["data_stale", "data_recovered", "data_stale", "data_recovered"]);
  });

  it("a gap nobody saw (no polls at all) is recorded on the next success, dated when the data went stale", () => {
    const events = stalenessEvents({ lastKind: null, lastSuccessAt: FIXTURE_AT, now: FIXTURE_AT + 3_600_000, staleAfterMs: STALE_MS, pollOk: true });
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ["data_stale", FIXTURE_AT + STALE_MS],
      ["data_recovered", FIXTURE_AT + 3_600_000],
    ]);
  });

  it("no data ever stored: nothing is stale yet to report", () => {
    expect(stalenessEvents({ lastKind: null, lastSuccessAt: null, now: FIXTURE_AT, staleAfterMs: STALE_MS, pollOk: false })).toEqual([]);
    expect(stalenessEvents({ lastKind: null, lastSuccessAt: null, now: FIXTURE_AT, staleAfterMs: STALE_MS, pollOk: true })).toEqual([]);
  });

  it("exactly at the threshold is not stale yet (the banner's rule)", () => {
    expect(stalenessEvents({ lastKind: null, lastSuccessAt: FIXTURE_AT, now: FIXTURE_AT + STALE_MS, staleAfterMs: STALE_MS, pollOk: false })).toEqual([]);
    expect(stalenessEvents({ lastKind: null, lastSuccessAt: FIXTURE_AT, now: FIXTURE_AT + STALE_MS + 1, staleAfterMs: STALE_MS, pollOk: false })).toHaveLength(1);
  });
});
