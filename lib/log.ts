/**
 * One JSON line per event on stdout/stderr, so operators can grep and ship logs without a library.
 */
type Level = "info" | "warn" | "error";

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
}

export const log = {
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
  /** Conditions an operator must act on (schema drift, long staleness); kept greppable as `alert:`. */
  alert: (kind: string, fields?: Record<string, unknown>) => write("error", `alert:${kind}`, fields),
};
