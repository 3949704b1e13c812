/**
 * The environment, validated once. Every variable is documented in the README.
 */
import { z } from "zod";

const seconds = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3107),
  CBP_FEED_URL: z.url({ protocol: /^https?$/ }).default("https://bwt.cbp.gov/xml/bwt.xml"),
  CBP_POLL_SECONDS: seconds(300, 1),
  CBP_STALE_SECONDS: seconds(900, 1),
  /** Total deadline of one upstream request, connection and body included (≤ 10 s). */
  CBP_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(10_000),
  /** The real feed is ~150 KB; ten times the JSON variant's size leaves room without inviting abuse. */
  CBP_MAX_BYTES: z.coerce.number().int().min(1024).default(2_000_000),
  /** How long the circuit breaker stays open before one probe request. */
  CBP_BREAKER_SECONDS: seconds(60, 1),
  /** `off` for read-only replicas or cron deployments that run `npm run poll` instead. */
  POLLER: z.enum(["on", "off"]).default("on"),
  DATA_DIR: z.string().min(1).default("./data"),
  /** The content files a fresh database is seeded from (content/README.md). */
  CONTENT_DIR: z.string().min(1).default("./content"),
  /** Fair use of /api/*: sustained requests per minute per client (0 = no limit) and the burst allowed after idling. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  API_RATE_BURST: z.coerce.number().int().min(1).default(300),
  /** Reverse proxies in front of the server whose X-Forwarded-For may be trusted (0: use the socket's address). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Public origin of the site, for canonical and alternate-language links (default http://localhost:$PORT). */
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "SITE_URL"> & { SITE_URL: string };

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = { ...parsed.data, SITE_URL: parsed.data.SITE_URL ?? `http://localhost:${parsed.data.PORT}` };
  }
  return cached;
}

/** Tests change the environment between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
