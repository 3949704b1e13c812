/**
 * The OpenAPI 3.1 description of the public API, built from the zod schemas the handlers use to
 * read queries and type their bodies, so the document cannot describe a different API than the
 * one that answers. Served at /api/v1/openapi.json; the developers page lists endpoints from it.
 */
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { AlertsQuery, AlertsResponse } from "@/lib/api/alerts-schema";
import { DashboardQuery, DashboardResponse } from "@/lib/api/dashboard-schema";
import { DATA_CACHE_CONTROL } from "@/lib/api/http";
import { ForecastResponse, HistoryQuery, HistoryResponse, LaneQuery, MAX_RANGE_DAYS, TypicalResponse } from "@/lib/api/history-schema";
import { ApiError, HealthResponse, PortResponse, PortsQuery, PortsResponse } from "@/lib/api/v1-schema";
import { CHANGELOG } from "@/lib/api/changelog";
import { PORTS } from "@/lib/ports";

/** Semantic version of the v1 contract; the developers page keeps its changelog. */
export const API_VERSION = CHANGELOG.at(-1)!.version;

const SlugParam = z.object({
  slug: z.enum(PORTS.map((p) => p.slug) as [string, ...string[]]).meta({ description: "Port identifier", example: "san-ysidro" }),
});

const header = (description: string) => ({ description, schema: { type: "string" as const } });
const CACHE_HEADERS = {
  "Cache-Control": header(`How long caches may keep the answer; data endpoints send \`${DATA_CACHE_CONTROL}\`.`),
  ETag: header("Version of the answer; send it back in If-None-Match to get 304 Not Modified."),
  "RateLimit-Limit": header("Requests this client may make in a burst (the bucket's size)."),
  "RateLimit-Remaining": header("Requests this client can make right now before it gets 429."),
};

type Header = ReturnType<typeof header>;
const error = (description: string, extraHeaders: Record<string, Header> = {}) => ({
  description,
  headers: extraHeaders,
  content: { "application/json": { schema: ApiError } },
});

const RETRY_AFTER = { "Retry-After": header("Seconds to wait before trying again.") };
/** Every /api/ path counts against the client's rate limit (lib/api/rate-limit.ts). */
const TOO_MANY = () => error("Too many requests from this client; wait Retry-After seconds.", RETRY_AFTER);

/** The answers every data endpoint can give besides its 200. */
function commonResponses(opts: { notFound?: boolean; unavailable?: boolean }): ZodOpenApiResponsesObject {
  return {
    "304": { description: "Not modified: the If-None-Match ETag is still current.", headers: { ETag: CACHE_HEADERS.ETag, "Cache-Control": CACHE_HEADERS["Cache-Control"] } },
    "400": error("Malformed query: unknown or repeated parameter, or a bad value."),
    ...(opts.notFound ? { "404": error("No port has that slug.") } : {}),
    "429": TOO_MANY(),
    ...(opts.unavailable ? { "503": error("No data has been received from CBP yet (a new installation).", RETRY_AFTER) } : {}),
  };
}

function json(description: string, schema: z.ZodType, headers: Record<string, Header> = CACHE_HEADERS) {
  return { description, headers, content: { "application/json": { schema } } };
}

const ops = {
  ports: {
    operationId: "listPorts",
    summary: "Live northbound waits at every port",
    description:
      "Every port of entry in the San Diego – Tijuana region with each crossing's lanes as CBP last reported them (northbound, into the U.S.). " +
      "CBP updates most lanes hourly; `meta.fetchedAt` says when we last heard from CBP and `meta.stale` turns true when that is too long ago.",
    tags: ["Live waits"],
    requestParams: { query: PortsQuery },
    responses: { "200": json("Every port, lanes filtered by `mode` and `type` when given.", PortsResponse), ...commonResponses({ unavailable: true }) },
  },
  port: {
    operationId: "getPort",
    summary: "Live northbound waits at one port",
    tags: ["Live waits"],
    requestParams: { path: SlugParam, query: PortsQuery },
    responses: { "200": json("One port.", PortResponse), ...commonResponses({ notFound: true, unavailable: true }) },
  },
  history: {
    operationId: "getPortHistory",
    summary: "Past readings of a port's lanes",
    description:
      `Every reading CBP published for the port's lanes between \`from\` and \`to\` (dates \`YYYY-MM-DD\` or ISO 8601 date-times with an offset, in the port's time zone; at most ${MAX_RANGE_DAYS} days per call), oldest first. ` +
      "Without `from` and `to`: the last 24 hours. Long answers come in pages: follow `meta.next` until it is null.",
    tags: ["History and forecasts"],
    requestParams: { path: SlugParam, query: HistoryQuery },
    responses: { "200": json("One page of readings.", HistoryResponse), ...commonResponses({ notFound: true }) },
  },
  typical: {
    operationId: "getPortTypical",
    summary: "Typical wait for each weekday and hour",
    description: "For each lane, 7 × 24 values (Sunday 0 h first, port time zone): the median and the 25th–75th percentile range of the open waits at that weekday and hour over the last weeks.",
    tags: ["History and forecasts"],
    requestParams: { path: SlugParam, query: LaneQuery },
    responses: { "200": json("The typical week of each lane.", TypicalResponse), ...commonResponses({ notFound: true }) },
  },
  forecast: {
    operationId: "getPortForecast",
    summary: "Forecast for the next 12 hours and the best time to cross",
    description:
      "For each lane, the expected wait at the start of each of the next 12 hours, how it was obtained (`basis`) and the mean error of the forecast at that horizon in the latest backtest (`expectedError`, minutes). " +
      "Hours when the lane is usually closed are left out.",
    tags: ["History and forecasts"],
    requestParams: { path: SlugParam, query: LaneQuery },
    responses: { "200": json("The next hours of each lane.", ForecastResponse), ...commonResponses({ notFound: true }) },
  },
  dashboard: {
    operationId: "getDashboard",
    summary: "The whole border now, against typical",
    description:
      "What the dashboard page shows: every lane's current wait against the typical range for this hour, lanes open, the 6-hour trend and a 7-day hourly series. " +
      "`format=csv` gives one row per lane; `format=csv&series=week` the hourly series.",
    tags: ["History and forecasts"],
    requestParams: { query: DashboardQuery },
    responses: {
      "200": {
        description: "JSON by default; CSV (RFC 4180, UTF-8, one header row) with `format=csv`.",
        headers: { "Cache-Control": CACHE_HEADERS["Cache-Control"], ETag: CACHE_HEADERS.ETag },
        content: { "application/json": { schema: DashboardResponse }, "text/csv": { schema: z.string() } },
      },
      "304": commonResponses({})["304"]!,
      "400": error("Unknown, repeated or conflicting parameters."),
      "429": TOO_MANY(),
    },
  },
  alerts: {
    operationId: "listAlerts",
    summary: "Alerts from coalition staff and detected status changes",
    description:
      "Newest first: notices published by the coalition (bilingual title and body, severity, affected ports, when they apply) and changes detected in CBP's data " +
      "(a crossing or lane closes or reopens, the data goes stale and recovers). The same items are in the RSS and Atom feeds at /{locale}/feed.rss, /{locale}/feed.atom and per port at /{locale}/ports/{slug}/feed.rss and feed.atom.",
    tags: ["Alerts"],
    requestParams: { query: AlertsQuery },
    responses: { "200": json("Alerts and status changes.", AlertsResponse), ...commonResponses({ notFound: true }) },
  },
  health: {
    operationId: "getHealth",
    summary: "Is the server up, and how old is its data",
    description: "Always 200 while the server answers. Monitors should alert on `data.stale` and `data.feedFrozen`.",
    tags: ["Service"],
    responses: {
      "200": json("Server and data status.", HealthResponse, { "Cache-Control": CACHE_HEADERS["Cache-Control"] }),
      "429": TOO_MANY(),
    },
  },
  openapi: {
    operationId: "getOpenApi",
    summary: "This description of the API (OpenAPI 3.1)",
    tags: ["Service"],
    responses: {
      "200": { description: "The OpenAPI document.", content: { "application/json": { schema: z.object({ openapi: z.string() }).loose() } } },
      "429": TOO_MANY(),
    },
  },
} satisfies Record<string, ZodOpenApiOperationObject>;

/** Paths in the order the developers page lists them. */
export const PATHS = {
  "/api/v1/ports": ops.ports,
  "/api/v1/ports/{slug}": ops.port,
  "/api/v1/ports/{slug}/history": ops.history,
  "/api/v1/ports/{slug}/typical": ops.typical,
  "/api/v1/ports/{slug}/forecast": ops.forecast,
  "/api/v1/dashboard": ops.dashboard,
  "/api/v1/alerts": ops.alerts,
  "/api/v1/openapi.json": ops.openapi,
  "/api/health": ops.health,
};

let cached: { origin: string; doc: ReturnType<typeof createDocument> } | undefined;

export function openApiDocument(origin: string): ReturnType<typeof createDocument> {
  if (cached?.origin === origin) return cached.doc;
  const doc = createDocument({
    openapi: "3.1.0",
    info: {
      title: "San Diego – Tijuana Smart Border API",
      version: API_VERSION,
      description:
        "Data from U.S. Customs and Border Protection's Border Wait Times feed (CBP's estimate of the wait to reach the inspection booth, northbound only), " +
        "polled by the Smart Border Coalition's server, validated and stored. Free to use with attribution; read-only; no key needed; CORS open to any origin.",
      license: { name: "Data: public domain (U.S. government work); service terms on the developers page", url: `${origin}/en/developers#terms` },
    },
    servers: [{ url: origin }],
    externalDocs: { description: "Developers page", url: `${origin}/en/developers` },
    tags: [
      { name: "Live waits", description: "Current northbound waits per lane." },
      { name: "History and forecasts", description: "Stored readings, typical patterns and forecasts." },
      { name: "Alerts", description: "Staff notices and detected status changes, also as RSS and Atom feeds." },
      { name: "Service", description: "Health and this description." },
    ],
    paths: Object.fromEntries(Object.entries(PATHS).map(([path, op]) => [path, { get: op }])),
    components: { schemas: { ApiError, PortsResponse, PortResponse, HistoryResponse, TypicalResponse, ForecastResponse, DashboardResponse, AlertsResponse, HealthResponse } },
  });
  cached = { origin, doc };
  return doc;
}
