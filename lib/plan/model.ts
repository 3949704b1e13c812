/**
 * The trip planner: "who is crossing, which way, how, with which documents" in, a checklist,
 * the usable lanes and the ports to consider out. Pure; the page reads its input from the URL
 * (so a plan is a shareable link) and adds live waits to the ports.
 *
 * The rules follow the guides (content/guides): WHTI documents northbound, the Ready Lane's
 * RFID card for everyone 16 and older, SENTRI for every occupant plus a registered vehicle,
 * passports (or INE for Mexican citizens) and the FMM southbound.
 */
import { z } from "zod";
import type { LaneType, Mode } from "@/lib/ports";

export const DIRECTIONS = ["north", "south"] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const TRAVEL_MODES = ["car", "foot", "cbx"] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** Who may be in the party, and the documents each kind of traveler might hold. */
export const TRAVELER_DOCS = {
  us: ["passport", "passport-card", "sentri", "global-entry", "edl"],
  usMinor: ["birth-certificate", "passport", "passport-card", "sentri"],
  lpr: ["lpr-card", "passport", "ine", "sentri", "global-entry"],
  mx: ["passport", "us-visa", "bcc", "sentri", "global-entry", "ine"],
  other: ["passport", "us-visa", "esta", "global-entry"],
} as const;
export type TravelerKind = keyof typeof TRAVELER_DOCS;
export const TRAVELER_KINDS = Object.keys(TRAVELER_DOCS) as TravelerKind[];
export type Doc = (typeof TRAVELER_DOCS)[TravelerKind][number];
export const MAX_PER_KIND = 9;

/** Cards the Ready Lane reader picks up (RFID); a passport book is not one. */
const RFID: ReadonlySet<Doc> = new Set(["passport-card", "sentri", "global-entry", "edl", "lpr-card", "bcc"]);
const TRUSTED: ReadonlySet<Doc> = new Set(["sentri", "global-entry"]);

export interface Party {
  count: number;
  docs: Doc[];
}

export interface PlanInput {
  direction: Direction;
  mode: TravelMode;
  party: Record<TravelerKind, Party>;
  /** Car trips: the vehicle is registered for SENTRI. */
  sentriVehicle: boolean;
}

const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));
const count = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(0).max(MAX_PER_KIND).catch(0).default(0));

/**
 * The planner's query string, forgiving: unknown values are dropped and bad counts read as 0,
 * because a hand-edited or old shared link should still give a plan, not an error page.
 */
export function parsePlanQuery(query: Record<string, string | string[] | undefined>): PlanInput | null {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const direction = z.enum(DIRECTIONS).safeParse(first(query.dir));
  const mode = z.enum(TRAVEL_MODES).safeParse(first(query.mode));
  if (!direction.success || !mode.success) return null;
  const party = Object.fromEntries(
    TRAVELER_KINDS.map((kind) => {
      const allowed = new Set<string>(TRAVELER_DOCS[kind]);
      const docs = list.parse(query[`${kind}Docs`]).filter((d) => allowed.has(d)) as Doc[];
      return [kind, { count: count.parse(query[kind]), docs: [...new Set(docs)] }];
    }),
  ) as Record<TravelerKind, Party>;
  return { direction: direction.data, mode: mode.data, party, sentriVehicle: first(query.sentriVehicle) === "1" };
}

/** The URL query of a plan (the inverse of parsePlanQuery), for links and tests. */
export function planQuery(input: PlanInput): URLSearchParams {
  const q = new URLSearchParams({ dir: input.direction, mode: input.mode });
  for (const kind of TRAVELER_KINDS) {
    const p = input.party[kind];
    if (!p.count) continue;
    q.set(kind, String(p.count));
    for (const d of p.docs) q.append(`${kind}Docs`, d);
  }
  if (input.sentriVehicle) q.set("sentriVehicle", "1");
  return q;
}

/** One line of the checklist; `need` is a message key under Plan.needs. */
export interface CheckItem {
  kind: TravelerKind | "vehicle" | "everyone";
  need: string;
  /** ok: held; missing: not among the documents ticked; info: a rule to know, nothing to hold. */
  status: "ok" | "missing" | "info";
}

export interface LaneOption {
  mode: Mode;
  type: LaneType;
  usable: boolean;
  /** Message key under Plan.laneWhy saying why (not) usable. */
  why: string;
}

export interface Plan {
  input: PlanInput;
  travelers: number;
  checklist: CheckItem[];
  /** Northbound only: the lanes of this mode and whether this party may use them. */
  lanes: LaneOption[];
  /** Port slugs to consider, in the order a reader should compare them. */
  ports: string[];
  /** Guide keys worth reading for this trip. */
  guides: string[];
}

const has = (p: Party, ...docs: Doc[]) => docs.some((d) => (p.docs as readonly Doc[]).includes(d));

function northChecklist(party: Record<TravelerKind, Party>, mode: TravelMode): CheckItem[] {
  const items: CheckItem[] = [];
  const add = (kind: TravelerKind, need: string, ok: boolean) => {
    if (party[kind].count) items.push({ kind, need, status: ok ? "ok" : "missing" });
  };
  // CBX travelers come off an international flight: a passport for everyone, babies included
  // (land-only documents such as the passport card or a birth certificate do not do).
  if (mode === "cbx") {
    add("us", "passportCbx", has(party.us, "passport"));
    add("usMinor", "passportCbx", has(party.usMinor, "passport"));
  } else {
    add("us", "usAdult", has(party.us, "passport", "passport-card", "sentri", "global-entry", "edl"));
    add("usMinor", "usMinor", has(party.usMinor, "birth-certificate", "passport", "passport-card", "sentri"));
  }
  add("lpr", "lpr", has(party.lpr, "lpr-card"));
  add("mx", "mxNorth", (mode !== "cbx" && has(party.mx, "bcc")) || (has(party.mx, "passport") && has(party.mx, "us-visa", "bcc")));
  if (party.mx.count && has(party.mx, "bcc")) items.push({ kind: "mx", need: "bccLimits", status: "info" });
  add("other", "otherNorth", has(party.other, "passport") && has(party.other, "us-visa", "esta"));
  if (travelerCount(party)) items.push({ kind: "everyone", need: "declare", status: "info" });
  return items;
}

/** Permanent residents who are Mexican citizens (they hold an INE) enter Mexico as Mexicans. */
const mexicanResidents = (party: Record<TravelerKind, Party>) => has(party.lpr, "ine");

function southChecklist(party: Record<TravelerKind, Party>, mode: TravelMode): CheckItem[] {
  const items: CheckItem[] = [];
  const add = (kind: TravelerKind, need: string, ok: boolean) => {
    if (party[kind].count) items.push({ kind, need, status: ok ? "ok" : "missing" });
  };
  const passportOnly = mode === "cbx";
  add("us", "passportSouth", has(party.us, "passport", ...(passportOnly ? [] : (["passport-card"] as const))));
  add("usMinor", "passportSouthMinor", has(party.usMinor, "passport", ...(passportOnly ? [] : (["passport-card"] as const))));
  if (mexicanResidents(party)) add("lpr", "mxSouth", true);
  else add("lpr", "passportSouthLpr", has(party.lpr, "passport") && has(party.lpr, "lpr-card"));
  add("mx", "mxSouth", has(party.mx, "ine", "passport"));
  add("other", "passportSouthOther", has(party.other, "passport"));
  const foreigners = party.us.count + party.usMinor.count + (mexicanResidents(party) ? 0 : party.lpr.count) + party.other.count;
  if (foreigners) items.push({ kind: "everyone", need: "fmm", status: "info" });
  if (mode === "car") {
    items.push({ kind: "vehicle", need: "insurance", status: "info" });
    items.push({ kind: "vehicle", need: "freeZone", status: "info" });
  }
  if (travelerCount(party)) items.push({ kind: "everyone", need: "franquicia", status: "info" });
  return items;
}

export const travelerCount = (party: Record<TravelerKind, Party>) => TRAVELER_KINDS.reduce((n, k) => n + party[k].count, 0);

function northLanes(input: PlanInput): LaneOption[] {
  const groups = TRAVELER_KINDS.map((k) => ({ kind: k, ...input.party[k] })).filter((g) => g.count > 0);
  // Nobody to judge: say nothing rather than "yes" to every lane.
  if (!groups.length) return [];
  // Minors under 16 do not need an RFID card in the Ready Lane; everyone else does.
  const allRfid = groups.every((g) => g.kind === "usMinor" || g.docs.some((d) => RFID.has(d)));
  const allTrusted = groups.length > 0 && groups.every((g) => g.docs.some((d) => TRUSTED.has(d)));
  if (input.mode === "cbx") return [];
  const mode: Mode = input.mode === "car" ? "passenger" : "pedestrian";
  const lanes: LaneOption[] = [
    { mode, type: "standard", usable: true, why: "standard" },
    { mode, type: "ready", usable: allRfid, why: allRfid ? "readyOk" : "readyMissing" },
  ];
  if (input.mode === "car") {
    const sentri = allTrusted && input.sentriVehicle;
    lanes.push({ mode, type: "sentri", usable: sentri, why: sentri ? "sentriOk" : !allTrusted ? "sentriMembers" : "sentriVehicle" });
  } else {
    lanes.push({ mode, type: "sentri", usable: allTrusted, why: allTrusted ? "sentriFootOk" : "sentriMembers" });
  }
  return lanes;
}

/** The same ports serve both directions: the land ports by car or on foot, CBX for flights. */
const PORTS_FOR: Record<TravelMode, string[]> = { car: ["san-ysidro", "otay-mesa", "tecate"], foot: ["san-ysidro", "otay-mesa", "tecate"], cbx: ["cross-border-xpress"] };

function guidesFor(input: PlanInput, lanes: LaneOption[]): string[] {
  const g: string[] = [];
  if (input.direction === "north") {
    if (input.mode === "car") g.push("into-the-us-by-car");
    if (input.mode === "foot") g.push("into-the-us-on-foot");
    g.push("what-to-declare");
  } else g.push("into-mexico");
  if (input.mode === "cbx") g.push("cross-border-xpress-and-medical-lane");
  if (lanes.some((l) => !l.usable)) g.push("trusted-traveler-programs");
  return g;
}

export function makePlan(input: PlanInput): Plan {
  const lanes = input.direction === "north" ? northLanes(input) : [];
  const checklist = input.direction === "north" ? northChecklist(input.party, input.mode) : southChecklist(input.party, input.mode);
  if (input.mode === "cbx") checklist.unshift({ kind: "everyone", need: input.direction === "north" ? "cbxNorth" : "cbxSouth", status: "info" });
  return { input, travelers: travelerCount(input.party), checklist, lanes, ports: PORTS_FOR[input.mode], guides: guidesFor(input, lanes) };
}
