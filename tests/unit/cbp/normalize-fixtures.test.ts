/**
 * processFeed on every recorded feed in tests/fixtures/cbp. Expected values in the "by hand"
 * blocks were read off the raw fixture text (quoted next to each), not taken from the output.
 */
import { describe, expect, it } from "vitest";
import { processFeed, type ProcessedFeed } from "@/lib/cbp";
import { parseMinutes } from "@/lib/cbp/normalize";
import { findCrossing, knowsLane } from "@/lib/ports";
import type { Lane } from "@/lib/waits/model";
import { ALL_LANES, clockOf, expectSnapshotInvariants, feedFixtures, fetchedAtOf, fixture, fixtureText, GROUP_KEY, rawLane, rawPorts, wallClockOfIso } from "./support";

const FEEDS = feedFixtures();
const results = new Map<string, ProcessedFeed>(FEEDS.map((name) => [name, processFeed(fixture(name), fetchedAtOf(name))]));
const result = (name: string): ProcessedFeed => results.get(name)!;
const crossing = (name: string, number: string) => result(name).snapshot.crossings.find((c) => c.cbpPortNumber === number);
const lane = (name: string, number: string, mode: Lane["mode"], type: Lane["type"]) => crossing(name, number)?.lanes.find((l) => l.mode === mode && l.type === type);

/**
 * Old-format delays as written in the 2014 capture, converted by hand. Plain digit strings are the
 * only other form; anything else in a fixture fails the test so a new format cannot slip through.
 */
const OLD_DELAYS: Record<string, number> = {
  "1 hr": 60,
  "1 hrs 10 min": 70,
  "1 hrs 15 min": 75,
  "1 hrs 30 min": 90,
  "10 min": 10,
  "11 min": 11,
  "15 min": 15,
  "20 min": 20,
  "25 min": 25,
  "30 min": 30,
  "35 min": 35,
  "45 min": 45,
};
function expectedMinutes(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const minutes = OLD_DELAYS[text];
  if (minutes === undefined) throw new Error(`delay text not converted by hand: ${JSON.stringify(text)}`);
  return minutes;
}

const STATUS: Record<string, Lane["status"]> = { delay: "open", "no delay": "open", "lanes closed": "closed", "update pending": "pending" };

describe("every recorded feed", () => {
  it("covers all seven feed fixtures", () => {
    expect(FEEDS).toEqual([
      "bwt-xml_2014-04-28_reaktivo.xml",
      "bwt-xml_2017-03-17_fastmode.xml",
      "bwt-xml_2025-03-28T160456Z_borderbuddy.xml",
      "bwt-xml_2025-11-02T090434Z_borderbuddy.xml",
      "bwt-xml_2026-01-15T181012Z_borderbuddy.xml",
      "bwtnew_2022-06-29T172515Z_wsdot.json",
      "bwtnew_2026-08-31T034144Z_otrolado.json",
    ]);
  });

  it.each(FEEDS)("%s: snapshot invariants hold and nothing is reported as a problem", (name) => {
    expectSnapshotInvariants(result(name));
    expect(result(name).problems).toEqual([]);
    expect(result(name).format).toBe(name.endsWith(".json") ? "json" : "xml");
  });

  it.each(FEEDS)("%s: every lane agrees with the raw record, and N/A or phantom lanes are never emitted", (name) => {
    const raw = rawPorts(fixture(name), name.endsWith(".json"));
    const ours = [...raw.keys()].filter((n) => findCrossing(n));
    expect(result(name).snapshot.crossings.map((c) => c.cbpPortNumber).sort()).toEqual(ours.sort());

    let compared = 0;
    for (const number of ours) {
      const port = raw.get(number)!;
      const out = crossing(name, number)!;
      const def = findCrossing(number)!.crossing;
      expect(out.status).toBe(String(port.port_status).toLowerCase());
      for (const { mode, type } of ALL_LANES) {
        const r = rawLane(port, mode, type);
        const emitted = out.lanes.find((l) => l.mode === mode && l.type === type);
        const where = `${name} ${number} ${mode}/${type}`;
        const rawStatus = r?.operational_status.toLowerCase();
        if (r === undefined || rawStatus === "n/a" || (rawStatus === "update pending" && !knowsLane(def, mode, type))) {
          expect(emitted, where).toBeUndefined();
          continue;
        }
        expect(emitted, where).toBeDefined();
        expect(emitted!.status, where).toBe(STATUS[rawStatus!]);
        if (emitted!.status === "open") {
          expect(emitted!.delayMinutes, where).toBe(expectedMinutes(r.delay_minutes));
          expect(emitted!.lanesOpen, where).toBe(Number(r.lanes_open));
        }
        const maxText = String((port[GROUP_KEY[mode]] as Record<string, unknown>).maximum_lanes);
        expect(emitted!.maxLanes, where).toBe(/^\d+$/.test(maxText) ? Number(maxText) : null);
        const clock = clockOf(r.update_time);
        if (clock === null) expect(emitted!.updatedAt, where).toBeNull();
        else expect(wallClockOfIso(emitted!.updatedAt!), where).toEqual(clock);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  // last_updated (XML, US Eastern) or date+time (JSON, Pacific for our ports), converted by hand.
  it.each([
    ["bwt-xml_2014-04-28_reaktivo.xml", "2014-04-29T01:41:01.000Z"], // 2014-4-28 21:41:1 EDT
    ["bwt-xml_2017-03-17_fastmode.xml", "2017-03-17T04:31:39.000Z"], // 2017-3-17 0:31:39 EDT
    ["bwt-xml_2025-03-28T160456Z_borderbuddy.xml", "2025-03-28T16:02:27.000Z"], // 2025-3-28 12:2:27 EDT
    ["bwt-xml_2025-11-02T090434Z_borderbuddy.xml", "2025-11-02T09:01:08.000Z"], // 2025-11-2 4:1:8 EST
    ["bwt-xml_2026-01-15T181012Z_borderbuddy.xml", "2026-01-15T18:06:56.000Z"], // 2026-1-15 13:6:56 EST
    ["bwtnew_2022-06-29T172515Z_wsdot.json", "2022-06-29T17:25:16.000Z"], // 6/29/2022 10:25:16 PDT
    ["bwtnew_2026-08-31T034144Z_otrolado.json", "2026-08-31T03:41:44.000Z"], // 8/30/2026 20:41:44 PDT
  ])("%s was generated at %s", (name, iso) => {
    expect(result(name).snapshot.generatedAt).toBe(iso);
  });
});

describe("values read by hand from the raw fixtures", () => {
  it("San Ysidro 2026-01-15: <standard_lanes><update_time>At 10:00 am PST</update_time>…delay…50…5, maximum_lanes 34", () => {
    const n = "bwt-xml_2026-01-15T181012Z_borderbuddy.xml";
    expect(lane(n, "250401", "passenger", "standard")).toEqual({
      mode: "passenger",
      type: "standard",
      status: "open",
      delayMinutes: 50,
      lanesOpen: 5,
      maxLanes: 34,
      updatedAt: "2026-01-15T10:00:00-08:00",
    });
    expect(lane(n, "250401", "passenger", "sentri")).toMatchObject({ delayMinutes: 20, lanesOpen: 10 });
    expect(lane(n, "250401", "passenger", "ready")).toMatchObject({ delayMinutes: 30, lanesOpen: 13 });
    expect(lane(n, "250401", "pedestrian", "standard")).toMatchObject({ delayMinutes: 20, lanesOpen: 17, maxLanes: 22 });
    expect(lane(n, "250401", "pedestrian", "ready")).toMatchObject({ delayMinutes: 5, lanesOpen: 1, maxLanes: 22 });
    // Otay Mesa Commercial: "At 7:00 am PST", 40 min / 7 lanes, FAST 15 / 3.
    expect(lane(n, "250602", "commercial", "standard")).toMatchObject({ delayMinutes: 40, lanesOpen: 7, maxLanes: 10, updatedAt: "2026-01-15T07:00:00-08:00" });
    expect(lane(n, "250602", "commercial", "fast")).toMatchObject({ delayMinutes: 15, lanesOpen: 3 });
  });

  it("the same Otay Mesa notice, CRLF in the 2026 XML and \\r\\n in the 2026 JSON, comes out identical", () => {
    const notice = "Entrance to Ready Lanes is on the far left as you approach the border.  Go to www.getyouhome.gov for more information\n\nGo to www.GetYouHome.gov for more information.";
    expect(crossing("bwt-xml_2026-01-15T181012Z_borderbuddy.xml", "250601")!.notice).toBe(notice);
    expect(crossing("bwtnew_2026-08-31T034144Z_otrolado.json", "250601")!.notice).toBe(notice);
    expect(crossing("bwt-xml_2014-04-28_reaktivo.xml", "250601")!.notice).toBe(notice);
    // XML omits the element and JSON sends "" when there is no notice.
    expect(crossing("bwt-xml_2026-01-15T181012Z_borderbuddy.xml", "250401")!.notice).toBeNull();
    expect(crossing("bwtnew_2026-08-31T034144Z_otrolado.json", "250401")!.notice).toBeNull();
  });

  describe("bwtnew_2026-08-31T034144Z (20:41:44 PDT)", () => {
    const n = "bwtnew_2026-08-31T034144Z_otrolado.json";

    it('PedWest 250407: "port_status": "Closed", hours "6 am-2 pm", still showing its "At 1:00 pm PDT" reading', () => {
      const pedWest = crossing(n, "250407")!;
      expect(pedWest.status).toBe("closed");
      expect(pedWest.hours).toBe("6 am-2 pm");
      expect(pedWest.lanes).toEqual([
        { mode: "pedestrian", type: "standard", status: "open", delayMinutes: 5, lanesOpen: 4, maxLanes: 14, updatedAt: "2026-08-30T13:00:00-07:00" },
        { mode: "pedestrian", type: "ready", status: "open", delayMinutes: 5, lanesOpen: 1, maxLanes: 14, updatedAt: "2026-08-30T13:00:00-07:00" },
      ]);
    });

    it('CBX 250409: "At 11:00 pm PDT" is 2 h 18 min ahead of the feed, so it is the previous night\'s reading', () => {
      expect(lane(n, "250409", "pedestrian", "standard")).toMatchObject({ status: "open", delayMinutes: 0, lanesOpen: 5, maxLanes: 8, updatedAt: "2026-08-29T23:00:00-07:00" });
      expect(lane(n, "250409", "pedestrian", "ready")).toMatchObject({ delayMinutes: 0, lanesOpen: 1, updatedAt: "2026-08-29T23:00:00-07:00" });
    });

    it('San Ysidro "At 8:00 pm PDT": 120 min / 7 lanes; Tecate commercial "Lanes Closed" with an empty update_time', () => {
      expect(lane(n, "250401", "passenger", "standard")).toMatchObject({ delayMinutes: 120, lanesOpen: 7, updatedAt: "2026-08-30T20:00:00-07:00" });
      expect(lane(n, "250501", "commercial", "standard")).toEqual({
        mode: "commercial",
        type: "standard",
        status: "closed",
        delayMinutes: null,
        lanesOpen: null,
        maxLanes: 2,
        updatedAt: null,
      });
      // Otay Mesa Commercial's reading is 5 h 41 min old but not ahead, so it stays on Aug 30.
      expect(lane(n, "250602", "commercial", "standard")).toMatchObject({ delayMinutes: 5, lanesOpen: 1, updatedAt: "2026-08-30T15:00:00-07:00" });
    });
  });

  describe("bwt-xml_2025-11-02T090434Z, one hour into the DST fall-back", () => {
    const n = "bwt-xml_2025-11-02T090434Z_borderbuddy.xml";

    it('San Ysidro\'s relabelled "At Midnight PST" is midnight PDT', () => {
      const sy = crossing(n, "250401")!;
      expect(sy.lanes.map((l) => l.updatedAt)).toEqual(Array(5).fill("2025-11-02T00:00:00-07:00"));
      expect(lane(n, "250401", "passenger", "standard")).toMatchObject({ delayMinutes: 125, lanesOpen: 8 });
    });

    it('Otay Mesa Passenger "At 1:00 am PST" falls in the repeated hour and keeps its PST label', () => {
      expect(lane(n, "250601", "passenger", "standard")).toMatchObject({ delayMinutes: 10, lanesOpen: 3, updatedAt: "2025-11-02T01:00:00-08:00" });
      // <NEXUS_SENTRI_lanes><operational_status>Lanes Closed</operational_status><update_time></update_time>
      expect(lane(n, "250601", "passenger", "sentri")).toMatchObject({ status: "closed", delayMinutes: null, updatedAt: null });
    });

    it("Otay Mesa Commercial 250602: the passenger and pedestrian 'Update Pending' phantom lanes are dropped", () => {
      const raw = rawPorts(fixture(n), false).get("250602")!;
      expect(rawLane(raw, "passenger", "standard")!.operational_status).toBe("Update Pending");
      expect(rawLane(raw, "passenger", "sentri")!.operational_status).toBe("Update Pending");
      expect(rawLane(raw, "passenger", "ready")!.operational_status).toBe("Update Pending");
      expect(rawLane(raw, "pedestrian", "ready")!.operational_status).toBe("Update Pending");
      const om = crossing(n, "250602")!;
      expect(om.status).toBe("closed");
      expect(om.lanes.map((l) => [l.mode, l.type, l.status])).toEqual([
        ["commercial", "standard", "pending"],
        ["commercial", "fast", "pending"],
      ]);
    });

    it("Tecate's and PedWest's phantom pending lanes are dropped the same way", () => {
      expect(crossing(n, "250501")!.lanes.map((l) => `${l.mode}/${l.type}`)).toEqual(["passenger/standard", "pedestrian/standard", "commercial/standard"]);
      expect(crossing(n, "250407")!.lanes.map((l) => `${l.mode}/${l.type}`)).toEqual(["pedestrian/standard", "pedestrian/ready"]);
    });
  });

  describe("bwt-xml_2014-04-28_reaktivo (old-format delays)", () => {
    const n = "bwt-xml_2014-04-28_reaktivo.xml";

    it("converts San Ysidro's '1 hr', '15 min' and '45 min' and Otay Mesa Commercial's '15 min'", () => {
      expect(lane(n, "250401", "passenger", "standard")).toMatchObject({ delayMinutes: 60, lanesOpen: 7, maxLanes: 24, updatedAt: "2014-04-28T18:00:00-07:00" });
      expect(lane(n, "250401", "passenger", "sentri")).toMatchObject({ delayMinutes: 15, lanesOpen: 7 });
      expect(lane(n, "250401", "passenger", "ready")).toMatchObject({ delayMinutes: 45, lanesOpen: 3 });
      expect(lane(n, "250401", "pedestrian", "standard")).toMatchObject({ delayMinutes: 15, lanesOpen: 11, maxLanes: 15 });
      expect(lane(n, "250401", "pedestrian", "ready")).toMatchObject({ delayMinutes: 5, lanesOpen: 4 });
      expect(lane(n, "250602", "commercial", "standard")).toMatchObject({ delayMinutes: 15, lanesOpen: 7, updatedAt: "2014-04-28T19:00:00-07:00" });
      expect(lane(n, "250501", "passenger", "standard")).toMatchObject({ delayMinutes: 30, lanesOpen: 2, maxLanes: 2 });
    });

    it("parseMinutes converts every delay text in the capture, including other ports' '1 hrs 30 min'", () => {
      const texts = new Set([...fixtureText(n).matchAll(/<delay_minutes>([^<]*)<\/delay_minutes>/g)].map((m) => m[1]!));
      texts.delete("");
      expect([...texts].filter((t) => !/^\d+$/.test(t)).sort()).toEqual(Object.keys(OLD_DELAYS).sort());
      for (const text of texts) expect(parseMinutes(text), text).toBe(expectedMinutes(text));
    });

    it.each([
      ["", null],
      ["  ", null],
      ["0", 0],
      ["2 hrs", 120],
      ["2hrs 5min", 125],
      [" 45 MIN ", 45],
      ["N/A", null],
      ["1:30", null],
      ["-5", null],
      ["1.5 hrs", null],
      ["hrs min", null],
    ])("parseMinutes(%j) = %j", (text, minutes) => {
      expect(parseMinutes(text)).toBe(minutes);
    });
  });

  describe("crossings outside the registry", () => {
    it.each([
      ["bwt-xml_2026-01-15T181012Z_borderbuddy.xml", ["250608", "250609"]],
      ["bwtnew_2026-08-31T034144Z_otrolado.json", ["250608", "250609"]],
      ["bwt-xml_2025-11-02T090434Z_borderbuddy.xml", []],
      ["bwt-xml_2025-03-28T160456Z_borderbuddy.xml", []],
      ["bwtnew_2022-06-29T172515Z_wsdot.json", []],
      ["bwt-xml_2014-04-28_reaktivo.xml", []],
      // CBX's former number (Otay Mesa "Pedestrian   Cross Border Xpress") is unknown to the registry.
      ["bwt-xml_2017-03-17_fastmode.xml", ["250603"]],
    ])("%s lists %j as unknown regional crossings, never Andrade or Calexico", (name, numbers) => {
      const unknown = result(name).unknownRegional.map((u) => u.cbpPortNumber);
      expect([...unknown].sort()).toEqual(numbers);
      for (const outOfScope of ["250201", "250301", "250302"]) expect(unknown).not.toContain(outOfScope);
      expect(result(name).snapshot.crossings.map((c) => c.cbpPortNumber)).not.toContain("250609");
    });

    it("describes the new Otay Mesa entries with their feed names", () => {
      expect(result("bwt-xml_2026-01-15T181012Z_borderbuddy.xml").unknownRegional).toEqual([
        { cbpPortNumber: "250609", portName: "Otay Mesa", crossingName: "" },
        { cbpPortNumber: "250608", portName: "Otay Mesa Port of Entry", crossingName: "" },
      ]);
    });
  });

  describe("lanes a crossing does not have", () => {
    it.each(FEEDS)("%s: San Ysidro has no commercial lanes and Tecate no SENTRI, Ready or FAST", (name) => {
      const sy = crossing(name, "250401")!;
      expect(sy.lanes.filter((l) => l.mode === "commercial")).toEqual([]);
      const tecate = crossing(name, "250501")!;
      expect(tecate.lanes.filter((l) => l.type !== "standard")).toEqual([]);
      expect(crossing(name, "250602")!.lanes.every((l) => l.mode === "commercial")).toBe(true);
      for (const n of ["250407", "250409"]) {
        const c = crossing(name, n);
        if (c) expect(c.lanes.every((l) => l.mode === "pedestrian")).toBe(true);
      }
    });
  });
});
