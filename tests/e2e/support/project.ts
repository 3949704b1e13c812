/**
 * The servers of the project a test runs in (playwright.config.ts gives each project its own site,
 * fake CBP and database, so the desktop and phone projects can run at the same time).
 */
import { test } from "@playwright/test";

export interface ProjectServers {
  /** Base URL of the fake CBP upstream the project's site polls. */
  fakeCbp: string;
  /** DATA_DIR of the project's site. */
  dataDir: string;
}

export function projectServers(): ProjectServers {
  const meta = test.info().project.metadata as Partial<ProjectServers>;
  if (!meta.fakeCbp || !meta.dataDir) throw new Error(`project ${test.info().project.name} has no servers in its metadata (playwright.config.ts)`);
  return { fakeCbp: meta.fakeCbp, dataDir: meta.dataDir };
}

/** The project's site, as the browser reaches it. */
export function siteUrl(): string {
  const base = test.info().project.use.baseURL;
  if (!base) throw new Error(`project ${test.info().project.name} has no baseURL`);
  return base.replace(/\/$/, "");
}
