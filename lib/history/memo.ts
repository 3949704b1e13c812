/**
 * Pages and downloads that read months of history are rebuilt at most once a minute per key
 * (the key carries the snapshot version, so a new poll shows at once). Per database, so tests
 * with their own databases never share entries.
 */
import "server-only";
import type { Db } from "@/lib/db/client";

const caches = new WeakMap<Db, Map<string, { minute: number; value: unknown }>>();
const MAX_ENTRIES = 64;

export function perMinute<T>(db: Db, key: string, nowMs: number, compute: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const minute = Math.floor(nowMs / 60_000);
  const hit = cache.get(key);
  if (hit && hit.minute === minute) return hit.value as T;
  const value = compute();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { minute, value });
  return value;
}
