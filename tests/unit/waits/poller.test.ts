/**
 * The poller against the loopback fake CBP (reliability.md §4.1 R1–R9, O4): every failure mode
 * leaves last-known-good untouched, deadlines hold, one upstream call per poll however many
 * callers, bounded retries, and a circuit breaker that stops hammering a sick upstream.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { handleAllPorts } from "@/lib/api/ports-handler";
import { PortsResponse } from "@/lib/api/v1-schema";
import type { Db } from "@/lib/db/client";
import { Poller, type PollerOptions, type PollOutcome } from "@/lib/waits/poller";
import { countReadings, readPollState } from "@/lib/waits/store";
import { startFakeCbp, type FakeCbp, type FakeMode } from "@/tests/fake-cbp/fake-cbp";
import { emptyDb, FIXTURE_AT, fixtureBytes, sleep, snapshotOf, waitFor } from "@/tests/unit/support/waits-fixtures";

const TIMEOUT_MS = 500;
const RETRIES = 2;
const HALF_OPEN_MS = 300;
/** Scheduling, backoff (retryBaseMs 10 → at most a few tens of ms) and a loaded CI box. */
const SLACK_MS = 1_000;

let fake: FakeCbp;
const pollers: Poller[] = [];

/** A clock that runs in real time from the fixture's capture time, so its readings are "current". */
const t0 = Date.now();
const clock = () => FIXTURE_AT + (Date.now() - t0);

function makePoller(db: Db, overrides: Partial<PollerOptions> = {}): Poller {
  const poller = new Poller({
    db,
    feedUrl: `${fake.url}/xml/bwt.xml`,
    intervalMs: 60_000,
    staleAfterMs: 900_000,
    timeoutMs: TIMEOUT_MS,
    maxBytes: 2_000_000,
    breakerHalfOpenMs: HALF_OPEN_MS,
    retries: RETRIES,
    retryBaseMs: 10,
    now: clock,
    ...overrides,
  });
  pollers.push(poller);
  return poller;
}

/** A database whose last-known-good came from a real poll of the fake in mode ok. */
async function primed(overrides: Partial<PollerOptions> = {}): Promise<{ db: Db; poller: Poller }> {
  const db = emptyDb();
  const poller = makePoller(db, overrides);
  fake.setMode("ok");
  const first = await poller.poll();
  expect(first.ok).toBe(true);
  fake.resetHits();
  return { db, poller };
}

function lkg(db: Db) {
  const s = readPollState(db);
  return { snapshot: snapshotOf(db), readings: countReadings(db), lastSuccessAt: s.lastSuccessAt, version: s.snapshotVersion };
}

beforeAll(async () => {
  fake = await startFakeCbp({ port: 0 });
  // The poller logs one JSON line per event; keep the test output readable.
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterAll(async () => {
  vi.restoreAllMocks();
  await fake.close();
});

beforeEach(() => {
  fake.setMode("ok");
  fake.resetHits();
});

afterEach(() => {
  for (const p of pollers.splice(0)) p.stop();
});

describe("a successful poll", () => {
  it("stores the feed as last-known-good", async () => {
    const db = emptyDb();
    const poller = makePoller(db);
    const outcome = await poller.poll();
    expect(outcome).toMatchObject({ ok: true, format: "xml", problems: [] });
    expect(outcome.ok && outcome.saved.crossings).toBe(6);
    expect(outcome.ok && outcome.saved.newReadings).toBeGreaterThan(0);
    expect(fake.hits).toBe(1);
    expect(poller.calls).toBe(1);
    expect(poller.breakerState).toBe("closed");

    const state = readPollState(db);
    expect(state).toMatchObject({ lastSuccessAt: outcome.at, consecutiveFailures: 0, totalSuccesses: 1, snapshotVersion: 1, breaker: "closed" });

    const res = handleAllPorts(new Request("http://localhost/api/v1/ports"), { db, now: clock, staleSeconds: 900 });
    const body = PortsResponse.parse(await res.json());
    expect(body.meta.fetchedAt).toBe(new Date(outcome.at).toISOString());
    expect(body.data[0]!.crossings[0]!.lanes[0]).toEqual({
      mode: "passenger",
      type: "standard",
      status: "open",
      delayMinutes: 50,
      lanesOpen: 5,
      maxLanes: 34,
      updatedAt: "2026-01-15T10:00:00-08:00",
    });
  });

  it("polling the unchanged feed again adds no history", async () => {
    const { db, poller } = await primed();
    const readings = countReadings(db);
    const again = await poller.poll();
    expect(again.ok && again.saved.newReadings).toBe(0);
    expect(countReadings(db)).toBe(readings);
    expect(readPollState(db).totalSuccesses).toBe(2);
  });
});

describe("failure modes keep last-known-good", () => {
  const cases: [FakeMode, string[]][] = [
    ["500", ["http_status"]],
    ["refused", ["network"]],
    ["hang", ["timeout"]],
    ["trickle", ["timeout"]],
    ["html", ["html_error_page"]],
    ["iis", ["unknown_format"]],
    ["bad", ["malformed"]],
    ["truncated", ["truncated"]],
    ["empty", ["empty"]],
    ["huge", ["too_large"]],
    ["entities", ["entities_forbidden"]],
  ];

  it.each(cases)("%s → ok:false, code %j", async (mode, codes) => {
    const { db, poller } = await primed();
    const before = lkg(db);

    fake.setMode(mode);
    const started = performance.now();
    const outcome = await poller.poll();
    const elapsed = performance.now() - started;

    expect(outcome.ok).toBe(false);
    const { code, message } = outcome as { code: string; message: string };
    expect(codes).toContain(code);
    expect(message).toMatch(/\S/);
    // One first try plus the retries, each a real upstream request.
    expect(fake.hits).toBe(RETRIES + 1);
    expect(poller.calls).toBe(1 + RETRIES + 1);
    expect(elapsed).toBeLessThan(TIMEOUT_MS * (RETRIES + 1) + SLACK_MS);
    if (mode === "hang" || mode === "trickle") {
      // It was the deadline that ended each attempt, not some quicker error.
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS * (RETRIES + 1) - 50);
    }

    expect(lkg(db)).toEqual(before);
    expect(readPollState(db)).toMatchObject({ lastErrorCode: code, consecutiveFailures: 1, totalFailures: 1, totalSuccesses: 1, lastFailureAt: outcome.at });

    // The API keeps serving the same data, now with the older fetchedAt.
    const res = handleAllPorts(new Request("http://localhost/api/v1/ports"), { db, now: clock, staleSeconds: 900 });
    expect(res.status).toBe(200);
    const body = PortsResponse.parse(await res.json());
    expect(body.meta.fetchedAt).toBe(new Date(before.lastSuccessAt!).toISOString());
    expect(body.data[0]!.crossings[0]!.lanes[0]!.delayMinutes).toBe(50);

    // And it recovers as soon as CBP does.
    fake.setMode("ok");
    const recovered = await poller.poll();
    expect(recovered.ok).toBe(true);
    expect(readPollState(db)).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: recovered.at });
  });

  it("a failure before any data leaves the database empty", async () => {
    const db = emptyDb();
    const poller = makePoller(db, { retries: 0 });
    fake.setMode("bad");
    const outcome = await poller.poll();
    expect(outcome.ok).toBe(false);
    expect((outcome as { code: string }).code).toBe("malformed");
    expect(snapshotOf(db)).toEqual({});
    expect(countReadings(db)).toBe(0);
    const res = handleAllPorts(new Request("http://localhost/api/v1/ports"), { db, now: clock, staleSeconds: 900 });
    expect(res.status).toBe(503);
  });

  it("the byte cap also applies to a plausible body just over the limit", async () => {
    const { db } = await primed({ holder: "capped" });
    const before = lkg(db);
    // The fixture is ~150 KB and says so in Content-Length: refused before reading the body.
    const capped = makePoller(db, { holder: "capped", maxBytes: 100_000, retries: 0 });
    expect(await capped.poll()).toMatchObject({ ok: false, code: "too_large" });
    expect(fake.hits).toBe(1);
    expect(lkg(db)).toEqual(before);
  });
});

describe("single flight", () => {
  it("200 concurrent polls make exactly one upstream request", async () => {
    const db = emptyDb();
    const poller = makePoller(db);
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => poller.poll()));
    expect(fake.hits).toBe(1);
    expect(poller.calls).toBe(1);
    expect(new Set(outcomes).size).toBe(1);
    expect(outcomes[0]!.ok).toBe(true);
    expect(readPollState(db).totalSuccesses).toBe(1);
  });

  it("callers arriving while a slow request is in flight join it", async () => {
    const slow = await startFakeCbp({ port: 0, delayMs: 200 });
    try {
      const db = emptyDb();
      const poller = makePoller(db, { feedUrl: `${slow.url}/xml/bwt.xml`, timeoutMs: 2_000 });
      const early = Array.from({ length: 100 }, () => poller.poll());
      await waitFor(() => slow.hits === 1, 2_000, "the request to start");
      const late = Array.from({ length: 100 }, () => poller.poll());
      const outcomes = await Promise.all([...early, ...late]);
      expect(slow.hits).toBe(1);
      expect(new Set(outcomes).size).toBe(1);
      expect(outcomes[0]!.ok).toBe(true);

      // Once it is over, the next poll is a new request.
      await poller.poll();
      expect(slow.hits).toBe(2);
    } finally {
      await slow.close();
    }
  });

  it("a failing poll is shared too: 3 attempts however many callers", async () => {
    const { poller } = await primed();
    fake.setMode("500");
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => poller.poll()));
    expect(fake.hits).toBe(RETRIES + 1);
    expect(new Set(outcomes.map((o) => (o.ok ? "ok" : o.code)))).toEqual(new Set(["http_status"]));
  });

  it("only the lease holder polls; the other instance makes no upstream request", async () => {
    const db = emptyDb();
    const a = makePoller(db, { holder: "server-a" });
    const b = makePoller(db, { holder: "server-b" });
    expect((await a.poll()).ok).toBe(true);
    expect(await b.poll()).toMatchObject({ ok: false, code: "lease_held" });
    expect(fake.hits).toBe(1);
    expect(b.calls).toBe(0);
    expect((await a.poll()).ok).toBe(true);
    expect(fake.hits).toBe(2);
  });

  it("a stopped server hands the lease over at once; a dead one within the lease time", async () => {
    const db = emptyDb();
    let now = FIXTURE_AT;
    const a = makePoller(db, { holder: "server-a", leaseTtlMs: 60_000, now: () => now });
    const b = makePoller(db, { holder: "server-b", leaseTtlMs: 60_000, now: () => now });
    const c = makePoller(db, { holder: "server-c", leaseTtlMs: 60_000, now: () => now });
    expect((await a.poll()).ok).toBe(true);
    a.stop(); // clean shutdown releases the lease
    expect((await b.poll()).ok).toBe(true);
    // b dies without releasing: c must wait for the lease to expire, then takes over.
    now += 59_000;
    expect(await c.poll()).toMatchObject({ ok: false, code: "lease_held" });
    now += 2_000;
    expect((await c.poll()).ok).toBe(true);
  });
});

describe("retries and the circuit breaker", () => {
  it("a 500 upstream gets exactly 1 + retries requests per poll", async () => {
    const { db, poller } = await primed();
    fake.setMode("500");
    expect(await poller.poll()).toMatchObject({ ok: false, code: "http_status" });
    expect(fake.hits).toBe(3);
    expect(poller.breakerState).toBe("closed");
    expect(readPollState(db).consecutiveFailures).toBe(1);
  });

  it("retries: 0 means one request per poll", async () => {
    const { poller } = await primed({ retries: 0 });
    fake.setMode("500");
    await poller.poll();
    expect(fake.hits).toBe(1);
  });

  it("a retry that succeeds makes the poll a success", async () => {
    const db = emptyDb();
    let n = 0;
    const poller = makePoller(db, {
      fetchBytes: async () => {
        n++;
        if (n === 1) throw new Error("transient");
        return fixtureBytes();
      },
    });
    const outcome = await poller.poll();
    expect(outcome.ok).toBe(true);
    expect(n).toBe(2);
    expect(poller.calls).toBe(2);
    expect(readPollState(db)).toMatchObject({ totalSuccesses: 1, totalFailures: 0 });
  });

  it("opens after 5 consecutive failed attempts, stops calling upstream, and closes after a good probe", async () => {
    const { db, poller } = await primed({ retries: 0 });
    fake.setMode("500");
    for (let i = 1; i <= 4; i++) {
      expect(await poller.poll()).toMatchObject({ ok: false, code: "http_status" });
      expect(poller.breakerState).toBe("closed");
    }
    expect(await poller.poll()).toMatchObject({ ok: false, code: "http_status" });
    expect(fake.hits).toBe(5);
    expect(poller.breakerState).toBe("open");
    expect(readPollState(db).breaker).toBe("open");

    // While open: no upstream request at all, however often we poll.
    for (let i = 0; i < 10; i++) expect(await poller.poll()).toMatchObject({ ok: false, code: "circuit_open" });
    expect(fake.hits).toBe(5);
    expect(readPollState(db)).toMatchObject({ lastErrorCode: "circuit_open", consecutiveFailures: 15, breaker: "open" });

    // After the half-open delay one probe goes out; the upstream is healthy again.
    const openedAt = Date.now();
    fake.setMode("ok");
    await waitFor(() => Date.now() - openedAt > HALF_OPEN_MS + 20, 2_000, "the half-open delay");
    const probe = await poller.poll();
    expect(probe.ok).toBe(true);
    expect(fake.hits).toBe(6);
    expect(poller.breakerState).toBe("closed");
    expect(readPollState(db)).toMatchObject({ breaker: "closed", consecutiveFailures: 0 });
  });

  it("with retries, the breaker opens within the second failing poll (5 attempts)", async () => {
    const { poller } = await primed();
    fake.setMode("500");
    await poller.poll();
    expect(fake.hits).toBe(3);
    expect(poller.breakerState).toBe("closed");
    const second = await poller.poll();
    // This poll did reach CBP: it reports CBP's failure, not circuit_open.
    expect(second).toMatchObject({ ok: false, code: "http_status" });
    expect(fake.hits).toBe(5);
    expect(poller.breakerState).toBe("open");
    expect(await poller.poll()).toMatchObject({ ok: false, code: "circuit_open" });
    expect(fake.hits).toBe(5);
  });

  it("a failed half-open probe costs one request and reopens the breaker", async () => {
    const { poller } = await primed({ retries: 0 });
    fake.setMode("500");
    for (let i = 0; i < 5; i++) await poller.poll();
    expect(poller.breakerState).toBe("open");
    const openedAt = Date.now();
    await waitFor(() => Date.now() - openedAt > HALF_OPEN_MS + 20, 2_000, "the half-open delay");
    const probe = await poller.poll();
    expect(probe.ok).toBe(false);
    expect(fake.hits).toBe(6);
    expect(poller.breakerState).toBe("open");
    expect(await poller.poll()).toMatchObject({ ok: false, code: "circuit_open" });
    expect(fake.hits).toBe(6);
  });

  it("a half-open probe with retries still makes only one request", async () => {
    const { db, poller } = await primed({ retries: 2 });
    fake.setMode("500");
    await poller.poll();
    await poller.poll();
    expect(poller.breakerState).toBe("open");
    const hits = fake.hits;
    const openedAt = Date.now();
    await waitFor(() => Date.now() - openedAt > HALF_OPEN_MS + 20, 2_000, "the half-open delay");
    expect(await poller.poll()).toMatchObject({ ok: false, code: "http_status" });
    expect(fake.hits).toBe(hits + 1);
    expect(poller.breakerState).toBe("open");
    expect(readPollState(db).lastErrorCode).toBe("http_status");
  });
});

describe("the polling loop", () => {
  it("start() polls every intervalMs and stop() ends it", async () => {
    const db = emptyDb();
    const intervalMs = 60;
    const poller = makePoller(db, { intervalMs });
    const started = performance.now();
    poller.start();
    poller.start(); // idempotent: still one loop
    await waitFor(() => fake.hits >= 4, 5_000, "four polls");
    const elapsed = performance.now() - started;
    // The first poll is immediate, then one per interval.
    expect(elapsed).toBeGreaterThanOrEqual(3 * intervalMs - 10);
    poller.stop();
    const hits = fake.hits;
    expect(readPollState(db).totalSuccesses).toBeGreaterThanOrEqual(hits - 1);
    await sleep(intervalMs * 4);
    expect(fake.hits).toBe(hits);
  });

  it("start() after stop() polls again", async () => {
    const db = emptyDb();
    const poller = makePoller(db, { intervalMs: 40 });
    poller.start();
    await waitFor(() => readPollState(db).totalSuccesses >= 2, 5_000, "two polls");
    poller.stop();
    const successes = readPollState(db).totalSuccesses;
    poller.start();
    await waitFor(() => readPollState(db).totalSuccesses >= successes + 2, 5_000, "two more polls after restart");
    poller.stop();
    expect(readPollState(db).totalFailures).toBe(0);
  });

  it("stop() and start() while a poll is in flight leave one loop, which stop() ends", async () => {
    const db = emptyDb();
    const intervalMs = 50;
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const poller = makePoller(db, {
      intervalMs,
      retries: 0,
      fetchBytes: async () => {
        calls++;
        if (calls === 1) await gate;
        return fixtureBytes();
      },
    });
    poller.start();
    await waitFor(() => calls === 1, 2_000, "the first poll to start");
    poller.stop();
    poller.start();
    release();
    await waitFor(() => readPollState(db).totalSuccesses + readPollState(db).totalFailures >= 1, 2_000, "the first poll to finish");
    // Between polls now: every pending timer belongs to the loop stop() must end.
    poller.stop();
    const after = calls;
    await sleep(intervalMs * 4);
    expect(calls).toBe(after);
  });

  it("stop() during a hanging request aborts it promptly and keeps last-known-good", async () => {
    const { db, poller } = await primed({ timeoutMs: 5_000, retries: 0 });
    const before = lkg(db);
    fake.setMode("hang");
    const pending = poller.poll();
    await waitFor(() => fake.hits === 1, 2_000, "the request to start");
    const stoppedAt = performance.now();
    poller.stop();
    const outcome: PollOutcome = await pending;
    expect(performance.now() - stoppedAt).toBeLessThan(1_000);
    expect(outcome.ok).toBe(false);
    expect(lkg(db)).toEqual(before);
  });

  it("an Error thrown by fetchBytes is recorded and the loop keeps going", async () => {
    const db = emptyDb();
    let n = 0;
    const poller = makePoller(db, {
      intervalMs: 30,
      retries: 0,
      fetchBytes: async () => {
        n++;
        if (n === 1) throw new Error("kaboom from fetchBytes");
        return fixtureBytes();
      },
    });

    poller.start();
    await waitFor(() => readPollState(db).totalSuccesses >= 2, 5_000, "two good polls after the error");
    poller.stop();
    const state = readPollState(db);
    expect(state).toMatchObject({ totalFailures: 1, lastErrorCode: "unexpected", lastErrorMessage: "kaboom from fetchBytes", consecutiveFailures: 0 });
    expect(state.lastFailureAt).not.toBeNull();
  });

  it("synchronous throws and non-Error values are recorded too", async () => {
    const db = emptyDb();
    const thrown: unknown[] = [new Error("sync boom"), "a string", null, { weird: true }];
    let n = 0;
    const poller = makePoller(db, {
      retries: 0,
      fetchBytes: () => {
        const value = thrown[n++];
        if (n <= thrown.length) throw value;
        return Promise.resolve(fixtureBytes());
      },
    });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const o = await poller.poll();
      expect(o.ok).toBe(false);
      codes.push((o as { code: string }).code);
    }
    expect(codes).toEqual(["unexpected", "unexpected", "unexpected", "unexpected"]);
    expect(readPollState(db)).toMatchObject({ totalFailures: 4, lastErrorCode: "unexpected" });
    // A fifth failure would open the breaker; the fifth call succeeds instead.
    expect((await poller.poll()).ok).toBe(true);
  });

  it("keeps looping while every poll fails, without unhandled rejections", async () => {
    const db = emptyDb();
    let n = 0;
    const poller = makePoller(db, {
      intervalMs: 20,
      retries: 0,
      breakerHalfOpenMs: 20,
      fetchBytes: () => {
        n++;
        return Promise.reject(new Error(`failure ${n}`));
      },
    });
    poller.start();
    await waitFor(() => readPollState(db).totalFailures >= 10, 5_000, "ten failed polls");
    poller.stop();
    expect(readPollState(db).totalSuccesses).toBe(0);
    expect(n).toBeGreaterThanOrEqual(5);
  });
});

describe("alerts (reliability.md R13)", () => {
  function alerts(kind: string): number {
    return (console.error as unknown as { mock: { calls: unknown[][] } }).mock.calls.filter((c) => String(c[0]).includes(`"alert:${kind}"`)).length;
  }

  it("stale data alerts once per outage, again after a recovery and a new outage", async () => {
    let now = FIXTURE_AT;
    const { poller } = await primed({ staleAfterMs: 1_000, now: () => now });
    const before = alerts("stale_data");
    fake.setMode("500");
    now += 5_000;
    await poller.poll();
    now += 5_000;
    await poller.poll();
    expect(alerts("stale_data") - before).toBe(1);
    fake.setMode("ok");
    await sleep(HALF_OPEN_MS + 50); // the two failed polls opened the breaker
    expect((await poller.poll()).ok).toBe(true);
    fake.setMode("500");
    now += 5_000;
    await poller.poll();
    expect(alerts("stale_data") - before).toBe(2);
  });

  it("a feed CBP stopped regenerating alerts once as feed_frozen", async () => {
    const before = alerts("feed_frozen");
    // The capture says it was generated at 18:06:56Z; an hour later it is clearly stuck.
    const poller = makePoller(emptyDb(), { now: () => FIXTURE_AT + 3_600_000 });
    expect((await poller.poll()).ok).toBe(true);
    expect((await poller.poll()).ok).toBe(true);
    expect(alerts("feed_frozen") - before).toBe(1);
  });

  it("schema drift alerts when a payload is refused for its shape", async () => {
    const before = alerts("schema_drift");
    const poller = makePoller(emptyDb(), { retries: 0, fetchBytes: async () => new TextEncoder().encode('[{"port_number":"999999","port_status":"Open"}]') });
    expect(await poller.poll()).toMatchObject({ ok: false, code: "no_known_crossings" });
    expect(alerts("schema_drift") - before).toBe(1);
  });
});
