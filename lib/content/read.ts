/**
 * What pages read: the database, seeded from the content files once per process: at server
 * start (instrumentation.ts, which stops the server if the files are bad), else before the first read.
 */
import "server-only";
import path from "node:path";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { readSeedFiles } from "@/lib/content/seed-files";
import { applySeed } from "@/lib/content/store";

let seededFor: Db | null = null;

export function contentDb(): Db {
  const db = getDb();
  if (seededFor !== db) {
    const result = applySeed(db, readSeedFiles(path.resolve(env().CONTENT_DIR)), Date.now());
    if (result.created || result.updated || result.withdrawn) log.info("content.seed", { ...result });
    seededFor = db;
  }
  return db;
}
