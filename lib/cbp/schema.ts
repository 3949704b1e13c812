/**
 * zod schemas of CBP's raw payloads, as parsed from the XML feed or the JSON `api/bwtnew` array.
 * Every value is a string in both (cbp-feed.md §3, §4); missing XML elements come out undefined.
 */
import { z } from "zod";

const text = z.string().default("");

export const RawLane = z.object({
  update_time: text,
  operational_status: z.string(),
  delay_minutes: text,
  lanes_open: text,
});
export type RawLane = z.infer<typeof RawLane>;

export const RawLaneGroup = z.object({
  maximum_lanes: text,
  standard_lanes: RawLane.optional(),
  NEXUS_SENTRI_lanes: RawLane.optional(),
  ready_lanes: RawLane.optional(),
  FAST_lanes: RawLane.optional(),
});
export type RawLaneGroup = z.infer<typeof RawLaneGroup>;

/**
 * One crossing in full. Only our own crossings are checked this deeply. Keys we do not use pass
 * through unchecked: the XML's port-level `*_automation_type` (spelled `pedestrain_automation_type`
 * by CBP) and the JSON's segment and tolerance fields carry nothing the site shows.
 */
export const RawPort = z.object({
  port_number: z.string().min(1),
  port_name: text,
  crossing_name: text,
  hours: text,
  date: text,
  /** JSON only: feed generation time in the port's zone. */
  time: z.string().optional(),
  port_status: z.string().min(1),
  commercial_vehicle_lanes: RawLaneGroup.optional(),
  passenger_vehicle_lanes: RawLaneGroup.optional(),
  pedestrian_lanes: RawLaneGroup.optional(),
  // XML omits the element when there is no notice; JSON sends "".
  construction_notice: text,
});
export type RawPort = z.infer<typeof RawPort>;

/** Every port record must at least carry a string port number (it may contain a letter: `l24501`). */
const RawPortHead = z.looseObject({
  port_number: z.string().min(1),
  port_name: z.string().optional(),
  crossing_name: z.string().optional(),
});
export type RawPortHead = z.infer<typeof RawPortHead>;

export const RawXmlFeed = z.object({
  border_wait_time: z.object({
    last_updated_date: z.string().optional(),
    last_updated_time: z.string().optional(),
    number_of_ports: z.string().optional(),
    port: z.array(RawPortHead).min(1),
  }),
});

export const RawJsonFeed = z.array(RawPortHead).min(1);
