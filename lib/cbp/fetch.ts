/**
 * The only code that talks to CBP over the network. Called by the poller, never on a request path.
 */
import "server-only";
import { FeedError } from "@/lib/cbp/errors";

export interface FetchLimits {
  /** Total deadline: connection, headers and the whole body. */
  timeoutMs: number;
  maxBytes: number;
}

export interface FetchedFeed {
  bytes: Uint8Array;
  contentType: string;
}

export async function fetchFeedBytes(url: string, limits: FetchLimits, signal?: AbortSignal): Promise<FetchedFeed> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const combined = signal ? AbortSignal.any([deadline, signal]) : deadline;
  try {
    const res = await fetch(url, {
      signal: combined,
      cache: "no-store",
      redirect: "follow",
      headers: { accept: "application/xml, text/xml, application/json;q=0.9", "user-agent": "SmartBorderSite/1.0 (San Diego-Tijuana Smart Border Coalition)" },
    });
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedError("http_status", `CBP answered HTTP ${res.status}`);
    }
    const contentType = res.headers.get("content-type") ?? "";
    if (/text\/html/i.test(contentType)) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedError("html_error_page", "CBP answered an HTML page");
    }
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedError("too_large", `declared ${declared} bytes, over the ${limits.maxBytes}-byte cap`);
    }
    return { bytes: await readCapped(res, limits.maxBytes), contentType };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (deadline.aborted) throw new FeedError("timeout", `no complete answer within ${limits.timeoutMs} ms`, { cause: error });
    throw new FeedError("network", `request failed: ${(error as Error).message}`, { cause: error });
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError("too_large", `body passed the ${maxBytes}-byte cap`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
