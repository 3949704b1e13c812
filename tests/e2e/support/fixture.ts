/**
 * Expected values read straight from a raw CBP capture, independently of lib/cbp, so the e2e
 * tests compare the page with the fixture and not with our own parser's output.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

export const DEFAULT_FIXTURE = path.resolve("tests/fixtures/cbp/bwt-xml_2026-01-15T181012Z_borderbuddy.xml");

export interface ExpectedLane {
  crossing: string;
  mode: string;
  type: string;
  status: "open" | "closed" | "pending";
  minutes: number | null;
  lanesOpen: number | null;
  maxLanes: number | null;
}

const GROUPS: Record<string, string> = { passenger_vehicle_lanes: "passenger", pedestrian_lanes: "pedestrian", commercial_vehicle_lanes: "commercial" };
const TYPES: Record<string, string> = { standard_lanes: "standard", NEXUS_SENTRI_lanes: "sentri", ready_lanes: "ready", FAST_lanes: "fast" };

type Node = Record<string, unknown>;

/** The lanes each crossing has, from the table in cbp-feed.md §11. */
const LANES_IN_SPEC: Record<string, string[]> = {
  "250401": ["passenger/standard", "passenger/sentri", "passenger/ready", "pedestrian/standard", "pedestrian/ready"],
  "250407": ["pedestrian/standard", "pedestrian/ready"],
  "250409": ["pedestrian/standard", "pedestrian/ready"],
  "250601": ["passenger/standard", "passenger/sentri", "passenger/ready", "pedestrian/standard"],
  "250602": ["commercial/standard", "commercial/fast"],
  "250501": ["commercial/standard", "passenger/standard", "pedestrian/standard"],
};

export function expectedLanes(file: string, crossings: readonly string[]): ExpectedLane[] {
  const xml = new XMLParser({ parseTagValue: false, processEntities: false }).parse(readFileSync(file, "latin1")) as Node;
  const ports = ((xml.border_wait_time as Node).port as Node[]).filter((p) => crossings.includes(String(p.port_number)));
  const out: ExpectedLane[] = [];
  for (const port of ports) {
    for (const [groupKey, mode] of Object.entries(GROUPS)) {
      const group = port[groupKey] as Node | undefined;
      if (!group) continue;
      for (const [typeKey, type] of Object.entries(TYPES)) {
        const lane = group[typeKey] as Node | undefined;
        if (!lane) continue;
        const op = String(lane.operational_status);
        // CBP marks missing lane types N/A, and sometimes "Update Pending" (cbp-feed.md §5.1, §11).
        if (op === "N/A" || (op === "Update Pending" && !LANES_IN_SPEC[String(port.port_number)]?.includes(`${mode}/${type}`))) continue;
        const open = op === "delay" || op === "no delay";
        out.push({
          crossing: String(port.port_number),
          mode,
          type,
          status: open ? "open" : op === "Lanes Closed" ? "closed" : "pending",
          minutes: open ? Number(lane.delay_minutes) : null,
          lanesOpen: open ? Number(lane.lanes_open) : null,
          maxLanes: /^\d+$/.test(String(group.maximum_lanes)) ? Number(group.maximum_lanes) : null,
        });
      }
    }
  }
  return out;
}

export const CROSSINGS_BY_PORT: Record<string, string[]> = {
  "san-ysidro": ["250401", "250407"],
  "otay-mesa": ["250601", "250602"],
  tecate: ["250501"],
  "cross-border-xpress": ["250409"],
  "otay-mesa-east": [],
};

export const ALL_CROSSINGS = Object.values(CROSSINGS_BY_PORT).flat();
