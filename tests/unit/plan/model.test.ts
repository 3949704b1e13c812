/** The trip planner's rules, one case per rule in the guides, and its URL round trip. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { makePlan, parsePlanQuery, planQuery, TRAVELER_DOCS, TRAVELER_KINDS, type Doc, type PlanInput, type TravelerKind } from "@/lib/plan/model";

type Party = Partial<Record<TravelerKind, [number, Doc[]]>>;

function input(direction: PlanInput["direction"], mode: PlanInput["mode"], party: Party, sentriVehicle = false): PlanInput {
  return {
    direction,
    mode,
    sentriVehicle,
    party: Object.fromEntries(TRAVELER_KINDS.map((k) => [k, { count: party[k]?.[0] ?? 0, docs: party[k]?.[1] ?? [] }])) as PlanInput["party"],
  };
}

const lane = (p: ReturnType<typeof makePlan>, type: string) => p.lanes.find((l) => l.type === type);
const need = (p: ReturnType<typeof makePlan>, key: string) => p.checklist.find((c) => c.need === key);

describe("trip planner", () => {
  it("U.S. adults with passport books: general lane only; the Ready Lane wants an RFID card", () => {
    const p = makePlan(input("north", "car", { us: [2, ["passport"]] }));
    expect(need(p, "usAdult")?.status).toBe("ok");
    expect(lane(p, "standard")?.usable).toBe(true);
    expect(lane(p, "ready")).toMatchObject({ usable: false, why: "readyMissing" });
    expect(lane(p, "sentri")).toMatchObject({ usable: false, why: "sentriMembers" });
    expect(p.guides).toContain("trusted-traveler-programs");
  });

  it("Ready Lane: every traveler 16+ needs an RFID card; children under 16 do not", () => {
    const ok = makePlan(input("north", "car", { us: [1, ["passport-card"]], usMinor: [2, ["birth-certificate"]], mx: [1, ["bcc"]] }));
    expect(lane(ok, "ready")?.usable).toBe(true);
    const oneWithout = makePlan(input("north", "car", { us: [1, ["passport-card"]], lpr: [1, []] }));
    expect(lane(oneWithout, "ready")?.usable).toBe(false);
    expect(need(oneWithout, "lpr")?.status).toBe("missing");
  });

  it("SENTRI by car: every occupant a member and the vehicle registered", () => {
    const members = { us: [2, ["sentri"]], usMinor: [1, ["sentri"]] } satisfies Party;
    expect(lane(makePlan(input("north", "car", members, true)), "sentri")?.usable).toBe(true);
    expect(lane(makePlan(input("north", "car", members, false)), "sentri")).toMatchObject({ usable: false, why: "sentriVehicle" });
    const childNotEnrolled = { us: [2, ["sentri"]], usMinor: [1, ["birth-certificate"]] } satisfies Party;
    expect(lane(makePlan(input("north", "car", childNotEnrolled, true)), "sentri")).toMatchObject({ usable: false, why: "sentriMembers" });
  });

  it("on foot: pedestrian lanes, SENTRI needs no vehicle", () => {
    const p = makePlan(input("north", "foot", { mx: [1, ["global-entry", "passport", "us-visa"]] }));
    expect(p.lanes.every((l) => l.mode === "pedestrian")).toBe(true);
    expect(lane(p, "sentri")).toMatchObject({ usable: true, why: "sentriFootOk" });
  });

  it("Mexican citizens going north: a laser visa, or a passport with a U.S. visa; the 25-mile rule is explained", () => {
    expect(need(makePlan(input("north", "car", { mx: [1, ["bcc"]] })), "mxNorth")?.status).toBe("ok");
    expect(need(makePlan(input("north", "car", { mx: [1, ["bcc"]] })), "bccLimits")?.status).toBe("info");
    expect(need(makePlan(input("north", "car", { mx: [1, ["passport", "us-visa"]] })), "mxNorth")?.status).toBe("ok");
    expect(need(makePlan(input("north", "car", { mx: [1, ["passport"]] })), "mxNorth")?.status).toBe("missing");
    expect(need(makePlan(input("north", "car", { mx: [1, ["ine"]] })), "mxNorth")?.status).toBe("missing");
  });

  it("other nationals going north: passport and a visa or ESTA", () => {
    expect(need(makePlan(input("north", "foot", { other: [1, ["passport", "esta"]] })), "otherNorth")?.status).toBe("ok");
    expect(need(makePlan(input("north", "foot", { other: [1, ["passport"]] })), "otherNorth")?.status).toBe("missing");
  });

  it("going south: passports for everyone but Mexicans (INE is enough for them), FMM for visitors, insurance by car; no lanes or waits", () => {
    const p = makePlan(input("south", "car", { us: [1, ["passport-card"]], usMinor: [1, ["birth-certificate"]], mx: [1, ["ine"]] }));
    expect(need(p, "passportSouth")?.status).toBe("ok");
    expect(need(p, "passportSouthMinor")?.status).toBe("missing");
    expect(need(p, "mxSouth")?.status).toBe("ok");
    expect(need(p, "fmm")?.status).toBe("info");
    expect(need(p, "insurance")?.status).toBe("info");
    expect(p.lanes).toEqual([]);
    expect(p.guides).toContain("into-mexico");
    const mexicansOnFoot = makePlan(input("south", "foot", { mx: [3, ["passport"]] }));
    expect(need(mexicansOnFoot, "fmm")).toBeUndefined();
    expect(need(mexicansOnFoot, "insurance")).toBeUndefined();
  });

  it("CBX: the ticket and boarding pass first, only the CBX port, and passports for everyone (babies too)", () => {
    const p = makePlan(input("north", "cbx", { us: [1, ["passport"]], usMinor: [1, ["birth-certificate"]] }));
    expect(p.checklist[0]?.need).toBe("cbxNorth");
    expect(p.ports).toEqual(["cross-border-xpress"]);
    expect(p.lanes).toEqual([]);
    expect(p.checklist.filter((c) => c.need === "passportCbx").map((c) => c.status)).toEqual(["ok", "missing"]);
    expect(need(makePlan(input("north", "cbx", { mx: [1, ["bcc"]] })), "mxNorth")?.status).toBe("missing");
    expect(need(makePlan(input("north", "cbx", { mx: [1, ["bcc", "passport"]] })), "mxNorth")?.status).toBe("ok");
    expect(need(makePlan(input("south", "cbx", { us: [1, ["passport-card"]] })), "passportSouth")?.status).toBe("missing");
  });

  it("permanent residents who are Mexican citizens (with an INE) enter Mexico as Mexicans: no FMM", () => {
    const mexican = makePlan(input("south", "foot", { lpr: [2, ["lpr-card", "ine"]] }));
    expect(need(mexican, "mxSouth")?.status).toBe("ok");
    expect(need(mexican, "fmm")).toBeUndefined();
    const other = makePlan(input("south", "foot", { lpr: [1, ["lpr-card", "passport"]] }));
    expect(need(other, "passportSouthLpr")?.status).toBe("ok");
    expect(need(other, "fmm")?.status).toBe("info");
  });

  it("with nobody in the party there is no checklist and no lane is called usable", () => {
    const p = makePlan(input("north", "car", {}));
    expect(p.travelers).toBe(0);
    expect(p.lanes).toEqual([]);
    expect(p.checklist).toEqual([]);
  });

  it("reads the shareable URL forgivingly: unknown documents dropped, bad counts are 0, no direction means no plan", () => {
    const q = parsePlanQuery({ dir: "north", mode: "car", us: "2", usDocs: ["passport-card", "rocket"], mx: "99", mxDocs: "bcc", sentriVehicle: "1" });
    expect(q?.party.us).toEqual({ count: 2, docs: ["passport-card"] });
    expect(q?.party.mx.count).toBe(0);
    expect(q?.sentriVehicle).toBe(true);
    expect(parsePlanQuery({ mode: "car" })).toBeNull();
    expect(parsePlanQuery({ dir: "up", mode: "car" })).toBeNull();
  });

  it("a plan's URL gives the same plan back", () => {
    const kind = fc.constantFrom(...TRAVELER_KINDS);
    fc.assert(
      fc.property(
        fc.constantFrom("north" as const, "south" as const),
        fc.constantFrom("car" as const, "foot" as const, "cbx" as const),
        fc.boolean(),
        fc.array(fc.tuple(kind, fc.integer({ min: 1, max: 9 }), fc.subarray([...TRAVELER_DOCS.us, ...TRAVELER_DOCS.mx])), { maxLength: 5 }),
        (dir, mode, vehicle, groups) => {
          const party: Party = {};
          for (const [k, n, docs] of groups) party[k] = [n, [...new Set(docs.filter((d) => (TRAVELER_DOCS[k] as readonly string[]).includes(d)))] as Doc[]];
          const plan = input(dir, mode, party, vehicle);
          const params = planQuery(plan);
          const back = parsePlanQuery(Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)])));
          expect(back).toEqual(plan);
        },
      ),
    );
  });
});
