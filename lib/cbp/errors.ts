/** Why a CBP response was not accepted. Codes are stable: they are counted and logged by the poller. */
export type FeedErrorCode =
  | "http_status"
  | "timeout"
  | "network"
  | "too_large"
  | "empty"
  | "html_error_page"
  | "unknown_format"
  | "entities_forbidden"
  | "malformed"
  | "truncated"
  | "schema"
  | "no_known_crossings";

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FeedError";
  }
}
