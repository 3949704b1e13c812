/**
 * The CBP seam: bytes in, normalized snapshot out. Nothing outside lib/cbp knows the feed's shape.
 */
import { decodeBody, parseFeed, type FeedFormat } from "@/lib/cbp/parse";
import { normalizeFeed, type NormalizeResult } from "@/lib/cbp/normalize";
import { FeedError } from "@/lib/cbp/errors";

export interface ProcessedFeed extends NormalizeResult {
  format: FeedFormat;
}

/** Parse + validate + normalize. Throws FeedError when the payload must not replace the last good data. */
export function processFeed(bytes: Uint8Array, fetchedAtMs: number): ProcessedFeed {
  const parsed = parseFeed(decodeBody(bytes));
  const result = normalizeFeed(parsed, { fetchedAtMs });
  if (result.snapshot.crossings.length === 0) {
    throw new FeedError("no_known_crossings", "none of our crossings is in the payload");
  }
  return { ...result, format: parsed.format };
}

export { FeedError } from "@/lib/cbp/errors";
