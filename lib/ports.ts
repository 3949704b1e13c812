/**
 * The port registry: the only place that maps our port slugs to CBP crossings.
 * CBP names three crossings "San Ysidro", so crossings are matched by `port_number` alone.
 */

export const MODES = ["passenger", "pedestrian", "commercial"] as const;
export type Mode = (typeof MODES)[number];

export const LANE_TYPES = ["standard", "sentri", "ready", "fast"] as const;
export type LaneType = (typeof LANE_TYPES)[number];

export interface Bilingual {
  en: string;
  es: string;
}

export interface LaneDef {
  mode: Mode;
  type: LaneType;
}

/** CBP publishes northbound waits only; a southbound source would add crossings of its own. */
export type Direction = "northbound" | "southbound";

export interface CrossingDef {
  cbpPortNumber: string;
  direction: Direction;
  name: Bilingual;
  /**
   * Lanes this crossing is known to have (cbp-feed.md §11). CBP sometimes reports
   * "Update Pending" for lanes that do not exist, so a pending lane outside this list is dropped.
   */
  lanes: readonly LaneDef[];
}

export interface PortDef {
  slug: string;
  name: Bilingual;
  /** `planned` ports have no CBP data yet and must never show numbers. */
  kind: "active" | "planned";
  timeZone: string;
  address: string;
  coordinates: { lat: number; lon: number };
  crossings: readonly CrossingDef[];
}

const lanes = (...defs: [Mode, LaneType][]): LaneDef[] => defs.map(([mode, type]) => ({ mode, type }));

export const PORTS: readonly PortDef[] = [
  {
    slug: "san-ysidro",
    name: { en: "San Ysidro", es: "San Ysidro" },
    kind: "active",
    timeZone: "America/Los_Angeles",
    address: "720 E San Ysidro Blvd, San Ysidro, CA 92173",
    coordinates: { lat: 32.5423, lon: -117.0296 },
    crossings: [
      {
        cbpPortNumber: "250401",
        direction: "northbound",
        name: { en: "San Ysidro (vehicles and PedEast)", es: "San Ysidro (vehículos y PedEast)" },
        lanes: lanes(
          ["passenger", "standard"],
          ["passenger", "ready"],
          ["passenger", "sentri"],
          ["pedestrian", "standard"],
          ["pedestrian", "ready"],
        ),
      },
      {
        cbpPortNumber: "250407",
        direction: "northbound",
        name: { en: "PedWest / El Chaparral", es: "PedWest / El Chaparral" },
        lanes: lanes(["pedestrian", "standard"], ["pedestrian", "ready"]),
      },
    ],
  },
  {
    slug: "otay-mesa",
    name: { en: "Otay Mesa", es: "Otay Mesa" },
    kind: "active",
    timeZone: "America/Los_Angeles",
    address: "9777 Via de la Amistad, San Diego, CA 92154",
    coordinates: { lat: 32.5527, lon: -116.9383 },
    crossings: [
      {
        cbpPortNumber: "250601",
        direction: "northbound",
        name: { en: "Otay Mesa (vehicles and pedestrians)", es: "Otay Mesa (vehículos y peatones)" },
        lanes: lanes(["passenger", "standard"], ["passenger", "ready"], ["passenger", "sentri"], ["pedestrian", "standard"]),
      },
      {
        cbpPortNumber: "250602",
        direction: "northbound",
        name: { en: "Otay Mesa (commercial)", es: "Otay Mesa (carga)" },
        lanes: lanes(["commercial", "standard"], ["commercial", "fast"]),
      },
    ],
  },
  {
    slug: "tecate",
    name: { en: "Tecate", es: "Tecate" },
    kind: "active",
    timeZone: "America/Los_Angeles",
    address: "405 Tecate Rd, Tecate, CA 91980",
    coordinates: { lat: 32.5769, lon: -116.6272 },
    crossings: [
      {
        cbpPortNumber: "250501",
        direction: "northbound",
        name: { en: "Tecate", es: "Tecate" },
        lanes: lanes(["passenger", "standard"], ["pedestrian", "standard"], ["commercial", "standard"]),
      },
    ],
  },
  {
    slug: "cross-border-xpress",
    name: { en: "Cross Border Xpress", es: "Cross Border Xpress" },
    kind: "active",
    timeZone: "America/Los_Angeles",
    address: "2745 Otay Pacific Dr, San Diego, CA 92154",
    coordinates: { lat: 32.5499, lon: -116.9744 },
    crossings: [
      {
        cbpPortNumber: "250409",
        direction: "northbound",
        name: { en: "Cross Border Xpress (Tijuana airport passengers)", es: "Cross Border Xpress (pasajeros del aeropuerto de Tijuana)" },
        lanes: lanes(["pedestrian", "standard"], ["pedestrian", "ready"]),
      },
    ],
  },
  {
    slug: "otay-mesa-east",
    name: { en: "Otay Mesa East", es: "Otay Mesa East (Mesa de Otay II)" },
    kind: "planned",
    timeZone: "America/Los_Angeles",
    address: "SR-11 at Enrico Fermi Dr, San Diego, CA 92154",
    coordinates: { lat: 32.5545, lon: -116.9006 },
    crossings: [],
  },
];

const BY_SLUG = new Map(PORTS.map((p) => [p.slug, p]));
const BY_CBP_NUMBER = new Map(PORTS.flatMap((p) => p.crossings.map((c) => [c.cbpPortNumber, { port: p, crossing: c }] as const)));

export function getPort(slug: string): PortDef | undefined {
  return BY_SLUG.get(slug);
}

export function findCrossing(cbpPortNumber: string): { port: PortDef; crossing: CrossingDef } | undefined {
  return BY_CBP_NUMBER.get(cbpPortNumber);
}

/**
 * 25xxxx crossings that CBP lists but this site does not cover: the Imperial Valley ports.
 * Any other unknown 25xxxx number is new (Otay Mesa East may appear this way) and is logged.
 */
const OUT_OF_SCOPE = new Set(["250201", "250301", "250302"]);

/** True for a crossing in CBP's San Diego field office (25xxxx) that the registry does not know yet. */
export function isUnknownRegionalCrossing(cbpPortNumber: string): boolean {
  return /^25\d{4}$/.test(cbpPortNumber) && !OUT_OF_SCOPE.has(cbpPortNumber) && !BY_CBP_NUMBER.has(cbpPortNumber);
}

/** One key per crossing lane ("250401/passenger/standard"), for maps and history series. */
export const laneKey = (l: { cbpPortNumber: string; mode: string; type: string }) => `${l.cbpPortNumber}/${l.mode}/${l.type}`;

export function knowsLane(crossing: CrossingDef, mode: Mode, type: LaneType): boolean {
  return crossing.lanes.some((l) => l.mode === mode && l.type === type);
}
