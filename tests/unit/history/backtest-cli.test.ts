/**
 * `npm run forecast:backtest` as a user runs it, on the October 2025 archive in the fixtures:
 * the table and the last JSON line, "worse" said as worse, and a period with nothing to score
 * refused with exit 1 instead of a table of zeros.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { BacktestResultSchema } from "@/lib/history/schemas";
import { ROOT } from "@/tests/unit/cbp/support";
import { runCli } from "@/tests/unit/support/cli";

const OCTOBER = path.join(ROOT, "tests/fixtures/cbp-archive/bwt-sd_2025-10.tar.gz");
const dataDir = mkdtempSync(path.join(tmpdir(), "sb-backtest-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli("lib/cli/forecast-backtest.ts", args, dataDir);

describe("npm run forecast:backtest", () => {
  it("prints a row per horizon, a comparison that says better or worse, and the result as its last line", async () => {
    const { code, stdout } = await cli(["--from", "2025-10-20", "--to", "2025-10-31", OCTOBER]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    const result = BacktestResultSchema.parse(JSON.parse(lines.at(-1)!));
    for (const h of ["1", "2", "3", "6", "12"]) {
      const f = result.forecast[h]!;
      expect(f.n).toBeGreaterThan(100);
      const row = lines.find((l) => l.startsWith(`${h} h `))!;
      const better = Math.min(result.persistence[h]!.mae, result.typical[h]!.mae);
      const change = ((better - f.mae) / better) * 100;
      expect(row).toContain(change >= 0 ? `${change.toFixed(1)} % better` : `${(-change).toFixed(1)} % worse`);
      expect(row).not.toContain("-");
    }
  }, 60_000);

  it("exits 1 and publishes nothing when the period has nothing to score", async () => {
    const { code, stderr } = await cli(["--from", "2030-01-01", "--to", "2030-01-02", "--publish", OCTOBER]);
    expect(code).toBe(1);
    expect(stderr).toContain("No case was scored");
    expect(stderr).toContain("Nothing published.");
    // --publish writes to $DATA_DIR only after a scored run: no database, or one without the row.
    const file = path.join(dataDir, "smart-border.db");
    if (existsSync(file)) {
      const db = new Database(file, { readonly: true });
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'forecast_accuracy'").all();
      if (tables.length > 0) expect(db.prepare("SELECT COUNT(*) FROM forecast_accuracy WHERE label = 'published'").pluck().get()).toBe(0);
      db.close();
    }
  }, 60_000);
});
