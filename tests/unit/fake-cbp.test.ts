import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE, startFakeCbp, type FakeCbp } from "../fake-cbp/fake-cbp";

const ROOT = path.resolve(import.meta.dirname, "../..");
const fixturePath = (name: string) => path.join(ROOT, "tests/fixtures/cbp", name);
const FIXTURE = readFileSync(DEFAULT_FIXTURE);
const IIS = readFileSync(fixturePath("error-iis_2025-08-08T230444Z_borderbuddy.txt"));
const AKAMAI = readFileSync(fixturePath("error-akamai_2025-06-10T070453Z_borderbuddy.html"));
const JSON_FIXTURE = fixturePath("bwtnew_2026-08-31T034144Z_otrolado.json");
const OCTOBER = path.join(ROOT, "tests/fixtures/cbp-archive/bwt-sd_2025-10.tar.gz");

async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

async function post(fake: FakeCbp, route: string, body?: unknown): Promise<Response> {
  return fetch(`${fake.url}${route}`, {
    method: "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe("fake CBP upstream", () => {
  let fake: FakeCbp;
  let feed: string;

  beforeAll(async () => {
    fake = await startFakeCbp({ port: 0 });
    feed = `${fake.url}/xml/bwt.xml`;
  });
  afterAll(async () => {
    await fake.close();
  });

  async function inMode(mode: FakeCbp["mode"]): Promise<void> {
    const res = await post(fake, `/__control/mode/${mode}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ mode });
  }

  it("ok serves the fixture bytes on both feed routes with CBP's headers and counts hits", async () => {
    await post(fake, "/__control/reset");
    const xml = await fetch(feed);
    expect(xml.status).toBe(200);
    expect(xml.headers.get("content-type")).toBe("text/xml; charset=ISO-8859-1");
    expect(xml.headers.get("cache-control")).toBe("no-cache, no-store, private");
    expect((await bytes(xml)).equals(FIXTURE)).toBe(true);

    const api = await fetch(`${fake.url}/api/bwtnew?cache-buster=1`);
    expect((await bytes(api)).equals(FIXTURE)).toBe(true);

    const missing = await fetch(`${fake.url}/nope`);
    expect(missing.status).toBe(404);
    await missing.text();

    expect(fake.hits).toBe(2);
    const state = (await (await fetch(`${fake.url}/__control/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ mode: "ok", hits: 2, fixture: DEFAULT_FIXTURE });
    fake.resetHits();
    expect(fake.hits).toBe(0);
  });

  it("500 answers with the IIS error text", async () => {
    await inMode("500");
    const res = await fetch(feed);
    expect(res.status).toBe(500);
    expect((await bytes(res)).equals(IIS)).toBe(true);
  });

  it("refused resets the connection without an answer", async () => {
    await inMode("refused");
    await expect(fetch(feed)).rejects.toThrow();
  });

  it("hang never answers, so the client's timeout fires", async () => {
    await inMode("hang");
    const started = Date.now();
    await expect(fetch(feed, { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("trickle sends headers, then about 100 bytes a second", async () => {
    await inMode("trickle");
    const signal = AbortSignal.timeout(1200);
    const res = await fetch(feed, { signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/xml");
    let received = 0;
    const reader = res.body!.getReader();
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.length;
        }
      })(),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(400);
  });

  it("html and iis answer 200 with an error page instead of data", async () => {
    await inMode("html");
    const html = await fetch(feed);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect((await bytes(html)).equals(AKAMAI)).toBe(true);

    await inMode("iis");
    const iis = await fetch(feed);
    expect(iis.status).toBe(200);
    expect(iis.headers.get("content-type")).toMatch(/^text\/plain/);
    expect((await bytes(iis)).equals(IIS)).toBe(true);
  });

  it("bad drops a closing tag and adds junk", async () => {
    await inMode("bad");
    const res = await fetch(feed);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/xml");
    const body = (await bytes(res)).toString("latin1");
    const original = FIXTURE.toString("latin1");
    expect(count(body, "</port>")).toBe(count(original, "</port>") - 1);
    expect(body).toContain("<<junk");
  });

  it("truncated sends the first 60% with a matching Content-Length", async () => {
    await inMode("truncated");
    const res = await fetch(feed);
    const body = await bytes(res);
    expect(body.length).toBe(Math.floor(FIXTURE.length * 0.6));
    expect(res.headers.get("content-length")).toBe(String(body.length));
    expect(body.equals(FIXTURE.subarray(0, body.length))).toBe(true);
  });

  it("empty sends a 200 with no body", async () => {
    await inMode("empty");
    const res = await fetch(feed);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/xml");
    expect((await bytes(res)).length).toBe(0);
  });

  it("huge streams a valid-looking document far past any sane size", async () => {
    await inMode("huge");
    const controller = new AbortController();
    const res = await fetch(feed, { signal: controller.signal });
    expect(res.headers.get("content-length")).toBeNull();
    const reader = res.body!.getReader();
    let received = 0;
    let head = "";
    while (received < 5 * 1024 * 1024) {
      const { done, value } = await reader.read();
      if (done) break;
      if (head.length < 200) head += Buffer.from(value).toString("latin1");
      received += value.length;
    }
    controller.abort();
    expect(received).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(head.startsWith("<?xml version='1.0' encoding='ISO-8859-1'?><border_wait_time><port>")).toBe(true);
  });

  it("entities serves a billion-laughs document", async () => {
    await inMode("entities");
    const body = await (await fetch(feed)).text();
    expect(body).toContain("<!DOCTYPE border_wait_time [");
    expect(body).toContain("<!ENTITY lol9");
    expect(body).toContain("&lol9;</port_name>");
  });

  it("flap mixes 500s and good answers", async () => {
    await inMode("flap");
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const res = await fetch(feed);
      await res.arrayBuffer();
      statuses.add(res.status);
    }
    expect([...statuses].sort()).toEqual([200, 500]);
  });

  it("control routes validate input, switch fixtures and reset", async () => {
    const unknown = await post(fake, "/__control/mode/teapot");
    expect(unknown.status).toBe(400);
    await unknown.text();
    expect(fake.mode).toBe("flap");

    const switched = await post(fake, "/__control/fixture", { path: JSON_FIXTURE });
    expect(switched.status).toBe(200);
    await switched.text();
    await inMode("ok");
    const json = await fetch(`${fake.url}/api/bwtnew`);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await bytes(json)).equals(readFileSync(JSON_FIXTURE))).toBe(true);

    for (const body of [{ path: "/does/not/exist.xml" }, "{not json", { nope: 1 }]) {
      const res = await post(fake, "/__control/fixture", body);
      expect(res.status).toBe(400);
      await res.text();
    }

    fake.setMode("500");
    const reset = await post(fake, "/__control/reset");
    expect(await reset.json()).toMatchObject({ mode: "ok", hits: 0, fixture: DEFAULT_FIXTURE });
    expect((await bytes(await fetch(feed))).equals(FIXTURE)).toBe(true);
    expect(fake.hits).toBe(1);
    expect(() => fake.setMode("nope" as FakeCbp["mode"])).toThrow();
  });
});

describe("fake CBP lifecycle", () => {
  it("delays ok answers by delayMs and closes promptly despite a hanging request", async () => {
    const fake = await startFakeCbp({ delayMs: 200 });
    const started = Date.now();
    await (await fetch(`${fake.url}/xml/bwt.xml`)).arrayBuffer();
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);

    fake.setMode("hang");
    const hanging = fetch(`${fake.url}/xml/bwt.xml`);
    const settled = expect(hanging).rejects.toThrow();
    while (fake.hits < 2) await new Promise((r) => setTimeout(r, 10));
    const closing = Date.now();
    await fake.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    await settled;
  });
});

describe("fake CBP replay-now", () => {
  let fake: FakeCbp;
  let clock: Date | null = null;

  beforeAll(async () => {
    fake = await startFakeCbp({ replayNow: [OCTOBER], now: () => clock ?? new Date() });
  });
  afterAll(async () => {
    await fake.close();
  });

  const dateIn = (timeZone: string, at: Date) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" })
        .formatToParts(at)
        .map((x) => [x.type, x.value]),
    );
    return { ymd: `${p.year}-${Number(p.month)}-${Number(p.day)}`, mdy: `${Number(p.month)}/${Number(p.day)}/${p.year}` };
  };

  async function replayed(): Promise<string> {
    const res = await fetch(`${fake.url}/xml/bwt.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/xml; charset=ISO-8859-1");
    return (await bytes(res)).toString("latin1");
  }

  it("serves an archived capture re-dated to today", async () => {
    clock = null;
    const before = new Date();
    const body = await replayed();
    const after = new Date();
    const updated = /<last_updated_date>([^<]*)</.exec(body)?.[1];
    expect([dateIn("America/New_York", before).ymd, dateIn("America/New_York", after).ymd]).toContain(updated);
    const portDates = new Set([...body.matchAll(/<date>([^<]*)</g)].map((m) => m[1]));
    expect(portDates.size).toBe(1);
    expect([dateIn("America/Los_Angeles", before).mdy, dateIn("America/Los_Angeles", after).mdy]).toContain(
      [...portDates][0],
    );
    expect(body).toMatch(/^<\?xml version='1.0' encoding='ISO-8859-1'\?><border_wait_time>/);
    expect(body).toContain("<number_of_ports>6</number_of_ports>");
    const state = (await (await fetch(`${fake.url}/__control/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ mode: "ok", fixture: "replay-now", replay: { captures: 744 } });
  });

  it("picks a capture from just before the Los Angeles time of day and relabels the zone", async () => {
    // 11:30 PST on a winter day: the October captures say PDT, the rewritten feed must say PST.
    clock = new Date("2026-01-20T19:30:00Z");
    const body = await replayed();
    expect(body).toContain("<last_updated_date>2026-1-20</last_updated_date>");
    expect(body).toContain("<last_updated_time>14:30:0</last_updated_time>");
    expect(body).toContain("<date>1/20/2026</date>");
    expect(body).not.toContain(" PDT<");
    expect(body).toMatch(/<update_time>At (10|11):00 am PST<\/update_time>/);

    const { replay } = (await (await fetch(`${fake.url}/__control/state`)).json()) as { replay: { lastServed: string } };
    const taken = /T(\d\d)(\d\d)(\d\d)Z/.exec(replay.lastServed)!;
    // October is PDT (UTC-7): 10:00-11:30 local is 17:00-18:30Z.
    const minutes = Number(taken[1]) * 60 + Number(taken[2]) - 7 * 60;
    expect(minutes).toBeGreaterThanOrEqual(10 * 60);
    expect(minutes).toBeLessThanOrEqual(11 * 60 + 30);

    clock = new Date("2026-07-04T07:05:00Z"); // 00:05 PDT, 03:05 EDT
    const summer = await replayed();
    expect(summer).toContain("<last_updated_date>2026-7-4</last_updated_date>");
    expect(summer).toContain("<last_updated_time>3:5:0</last_updated_time>");
    expect(summer).toContain("<date>7/4/2026</date>");
    expect(summer).not.toContain(" PST<");
    clock = null;
  });

  it("at every hour of a week, serves a capture whose readings are mostly current (so e2e tests never depend on the hour)", async () => {
    const monday = Date.parse("2026-12-07T08:07:00Z"); // 00:07 PST
    const stale: string[] = [];
    for (let h = 0; h < 7 * 24; h++) {
      clock = new Date(monday + h * 3_600_000);
      const body = await replayed();
      const la = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", minute: "numeric", hourCycle: "h23" }).formatToParts(clock);
      const nowMin = Number(la.find((x) => x.type === "hour")!.value) * 60 + Number(la.find((x) => x.type === "minute")!.value);
      const readings = [...body.matchAll(/<update_time>At (\d{1,2}):(\d{2}) (am|pm) P[SD]T<\/update_time>/g)].map((m) => (Number(m[1]) % 12 + (m[3] === "pm" ? 12 : 0)) * 60 + Number(m[2]));
      const noon = [...body.matchAll(/<update_time>At (Noon|Midnight) P[SD]T<\/update_time>/g)].map((m) => (m[1] === "Noon" ? 12 * 60 : 0));
      const all = [...readings, ...noon];
      const fresh = all.filter((m) => (nowMin - m + 1440) % 1440 <= 120).length;
      if (all.length === 0 || fresh / all.length < 0.5) stale.push(`${clock.toISOString()}: ${fresh}/${all.length}`);
    }
    clock = null;
    expect(stale).toEqual([]);
  });
});
