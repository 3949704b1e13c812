/** D2 and D3: an online backup taken while another process writes is whole, and it restores. */
import { fork } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { backupDatabase, checkDatabaseFile, restoreDatabase, RestoreRefused } from "@/lib/db/backup";

const dir = () => mkdtempSync(path.join(os.tmpdir(), "sb-backup-"));
const rows = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM lane_reading").pluck().get() as number;
  } finally {
    db.close();
  }
};
const children: ReturnType<typeof fork>[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
});

describe("online backup", () => {
  it("while another process commits ~100 transactions a second, the copy passes integrity_check and holds at least what was committed when it began", async () => {
    const d = dir();
    const live = path.join(d, "smart-border.db");
    const db = openDatabase(live);
    // Enough pages (~10 MB) that the backup copies in many steps, and the writer commits between them.
    const fill = db.prepare("INSERT INTO lane_reading VALUES ('250601', 'passenger', 'standard', ?, 'x', 'open', 5, 1, 2, 1)");
    db.transaction(() => {
      for (let i = 0; i < 150_000; i++) fill.run(i);
    })();
    const writer = fork(path.join(__dirname, "backup-writer.mjs"), [live], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
    children.push(writer);
    let acked = 0;
    writer.stdout!.on("data", (chunk: Buffer) => {
      acked = Number(chunk.toString().trim().split("\n").at(-1));
    });
    await expect.poll(() => acked, { timeout: 10_000 }).toBeGreaterThan(2000);
    const atStart = db.prepare("SELECT count(*) FROM lane_reading").pluck().get() as number;
    const ackedAtStart = acked;
    const check = await backupDatabase(db, path.join(d, "backups"), Date.UTC(2026, 11, 5, 7, 30));
    const ackedAfter = acked;
    expect(check.file).toBe(path.join(d, "backups", "smart-border-2026-12-05T07-30-00Z.db"));
    expect(check.integrity).toBe("ok");
    expect(check.counts.lane_reading).toBeGreaterThanOrEqual(atStart);
    expect(check.counts.lane_reading).toBeLessThanOrEqual(150_000 + ackedAfter + 20);
    expect(ackedAfter).toBeGreaterThan(ackedAtStart); // the writer kept committing during the backup
    db.close();
  });
});

describe("restore", () => {
  it("puts a backup back, after saving the database it replaces", async () => {
    const d = dir();
    const live = path.join(d, "smart-border.db");
    const db = openDatabase(live);
    db.prepare("INSERT INTO lane_reading VALUES ('250401', 'passenger', 'standard', 1, 'x', 'open', 5, 1, 2, 1)").run();
    const { file } = await backupDatabase(db, path.join(d, "b.db"), Date.now());
    db.prepare("INSERT INTO lane_reading VALUES ('250401', 'passenger', 'standard', 2, 'x', 'open', 5, 1, 2, 1)").run();
    db.close();
    const { restored, safetyCopy } = await restoreDatabase(file, live, { now: Date.UTC(2026, 11, 5), safetyCopy: true });
    expect(restored.integrity).toBe("ok");
    expect(rows(live)).toBe(1);
    expect(rows(safetyCopy!)).toBe(2);
    // The restored file is an ordinary database the app opens and migrates.
    const reopened = openDatabase(live);
    expect(reopened.prepare("SELECT count(*) FROM lane_reading").pluck().get()).toBe(1);
    reopened.close();
  });

  it("into an empty data folder (the disaster case): the app boots on it", async () => {
    const d = dir();
    const src = openDatabase(path.join(d, "src.db"));
    src.prepare("INSERT INTO lane_reading VALUES ('250401', 'passenger', 'standard', 1, 'x', 'open', 5, 1, 2, 1)").run();
    const { file } = await backupDatabase(src, path.join(d, "b.db"), Date.now());
    src.close();
    const live = path.join(d, "fresh", "smart-border.db");
    const { safetyCopy } = await restoreDatabase(file, live, { now: Date.now(), safetyCopy: true });
    expect(safetyCopy).toBeNull();
    expect(checkDatabaseFile(live)).toMatchObject({ integrity: "ok", counts: { lane_reading: 1 } });
  });

  it("refuses a damaged file, another program's database and one from newer code, leaving the database alone", async () => {
    const d = dir();
    const live = path.join(d, "smart-border.db");
    openDatabase(live).close();
    const junk = path.join(d, "junk.db");
    writeFileSync(junk, Buffer.alloc(8192, 7));
    await expect(restoreDatabase(junk, live, { now: Date.now(), safetyCopy: false })).rejects.toThrow();
    const foreign = new Database(path.join(d, "foreign.db"));
    foreign.exec("CREATE TABLE notes (x)");
    foreign.close();
    await expect(restoreDatabase(path.join(d, "foreign.db"), live, { now: Date.now(), safetyCopy: false })).rejects.toBeInstanceOf(RestoreRefused);
    const newer = openDatabase(path.join(d, "newer.db"));
    newer.prepare("INSERT INTO schema_migrations VALUES (999, 'from the future', 'x')").run();
    newer.close();
    await expect(restoreDatabase(path.join(d, "newer.db"), live, { now: Date.now(), safetyCopy: false })).rejects.toBeInstanceOf(RestoreRefused);
    expect(checkDatabaseFile(live).integrity).toBe("ok");
  });
});
