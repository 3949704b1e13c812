/**
 * Per-client token buckets for the public API (fair use, ASVS 2.4.1). Each client has a bucket of
 * `burst` tokens refilled at `perMinute` a minute; a request takes one token or is refused with
 * the seconds until the next token. Pure apart from the map it keeps; the clock is passed in.
 *
 * Per process: with several servers each keeps its own buckets, so the effective limit is
 * multiplied by the server count (a reverse proxy in front can enforce a global one).
 */

export interface RateLimitConfig {
  /** Sustained requests per minute per client; 0 turns limiting off. */
  perMinute: number;
  /** Bucket size: requests a client may make at once after being idle. */
  burst: number;
  /** Most clients tracked at once; beyond it the longest-idle are forgotten (they had full buckets or soon will). */
  maxClients?: number;
}

export type RateDecision = { allowed: true; limit: number; remaining: number } | { allowed: false; limit: number; remaining: 0; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxClients: number;

  constructor(private readonly config: RateLimitConfig) {
    this.perMs = config.perMinute / 60_000;
    this.maxClients = config.maxClients ?? 50_000;
  }

  get enabled(): boolean {
    return this.config.perMinute > 0;
  }

  take(client: string, now: number): RateDecision {
    const { burst } = this.config;
    if (!this.enabled) return { allowed: true, limit: burst, remaining: burst };
    const previous = this.buckets.get(client);
    const tokens = previous ? Math.min(burst, previous.tokens + Math.max(0, now - previous.at) * this.perMs) : burst;
    // Re-inserting keeps the map in least-recently-seen order, which is what eviction needs.
    this.buckets.delete(client);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now });
      return { allowed: false, limit: burst, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxClients) this.evict(now);
    return { allowed: true, limit: burst, remaining: Math.floor(tokens - 1) };
  }

  /** Clients tracked now (for tests and the bench). */
  get size(): number {
    return this.buckets.size;
  }

  private evict(now: number): void {
    // Buckets that have refilled completely carry no information; drop those first, then the oldest.
    const fullAfterMs = this.config.burst / this.perMs;
    for (const [key, b] of this.buckets) {
      if (this.buckets.size <= this.maxClients * 0.9) return;
      if (now - b.at >= fullAfterMs) this.buckets.delete(key);
      else break; // insertion order = last seen: everything after this was seen more recently
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxClients) return;
      this.buckets.delete(key);
    }
  }
}

/**
 * The client a request counts against: the socket's address, or, behind `trustedHops` reverse
 * proxies, the address the outermost trusted proxy saw (X-Forwarded-For read from the right, so a
 * client cannot pick its own bucket by sending the header itself).
 */
export function clientKey(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = normalizeAddress(remoteAddress ?? "unknown");
  if (trustedHops <= 0 || forwardedFor === undefined) return socket;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = chain[chain.length - trustedHops];
  return candidate ? normalizeAddress(candidate) : socket;
}

/** IPv4-mapped IPv6 is the same client as its IPv4 form; IPv6 clients are grouped by /64, as one host usually owns one. */
function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

function expandIpv6(address: string): string[] | null {
  const [head, tail, extra] = address.split("::");
  if (extra !== undefined) return null;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, "")) : null;
}
