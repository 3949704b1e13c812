/** Helpers for the history specs (dashboard, charts, outlook, methodology). */
import { readFileSync } from "node:fs";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export { watchCsp } from "../support/csp";

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

/** The active ports, in the order the dashboard lists them. */
export const ACTIVE_PORTS = ["san-ysidro", "otay-mesa", "tecate", "cross-border-xpress"] as const;

/** Horizons (hours ahead) the backtest scores (lib/history/forecast.ts BACKTEST_HORIZONS). */
export const SCORED_HORIZONS = [1, 2, 3, 6, 12] as const;

type Messages = Record<string, Record<string, unknown>>;
const catalogs: Partial<Record<Locale, Messages>> = {};

/** A UI string from messages/{locale}.json, e.g. msg("es", "Dashboard.title"). */
export function msg(locale: Locale, key: string): string {
  const catalog = (catalogs[locale] ??= JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Messages);
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
  if (typeof value !== "string") throw new Error(`no message ${locale}:${key}`);
  return value;
}

/** Waits until the site has stored a poll of the (replaying) fake CBP and is not stale. */
export async function waitForFreshData(request: APIRequestContext): Promise<void> {
  await expect
    .poll(async () => {
      const res = await request.get("/api/health");
      if (!res.ok()) return false;
      const body = (await res.json()) as { data: { hasData: boolean; stale: boolean } };
      return body.data.hasData && !body.data.stale;
    }, { timeout: 30_000 })
    .toBe(true);
}

/** The server measures the recent accuracy ~2 s after it starts: reload until it is there. */
export async function gotoWithRecentAccuracy(page: Page, url: string): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByTestId("accuracy-recent")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (a bare LF is accepted too); a
 * quoted field may hold commas, line breaks and doubled quotes. Throws on malformed input
 * rather than guessing, so a broken export fails the test.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted (only a separator may follow the closing quote)
  const endField = () => {
    row.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "" || wasQuoted) throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
      i++;
    } else if (c === ",") {
      endField();
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      endRow();
      i += 2;
    } else if (c === "\n") {
      endRow();
      i++;
    } else {
      if (wasQuoted) throw new Error(`CSV: text after a closing quote at offset ${i}`);
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error("CSV: unterminated quoted field");
  // A final record without a line break still counts; a trailing line break adds no empty record.
  if (field !== "" || wasQuoted || row.length > 0) endRow();
  return rows;
}

/** CSV text to objects keyed by the header row; every record must have the header's width. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error("CSV: no header");
  return rows.map((r, n) => {
    if (r.length !== header.length) throw new Error(`CSV: record ${n + 2} has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k]!]));
  });
}

export interface PageLane {
  crossing: string;
  mode: string;
  type: string;
  wait: string;
  vs: string;
}

/** The dashboard-lane rows of the current page, with their data attributes. */
export async function dashboardLanes(page: Page): Promise<PageLane[]> {
  return page.getByTestId("dashboard-lane").evaluateAll((rows) =>
    rows.map((r) => {
      const d = (r as HTMLElement).dataset;
      return { crossing: d.crossing ?? "", mode: d.mode ?? "", type: d.type ?? "", wait: d.wait ?? "", vs: d.vs ?? "" };
    }),
  );
}

/** The instant `days` days ago in ISO 8601 (UTC), for history ranges. */
export const daysAgoIso = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
