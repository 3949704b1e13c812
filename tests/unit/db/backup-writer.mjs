// A stand-in for the poller in backup.test.ts: inserts lane readings in small transactions
// until killed, acknowledging each commit on stdout.
import Database from "better-sqlite3";

const db = new Database(process.argv[2]);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
const insert = db.prepare(
  "INSERT INTO lane_reading (cbp_port_number, mode, type, observed_at, updated_at, status, delay_minutes, lanes_open, max_lanes, first_seen_at) VALUES ('250401', 'passenger', 'standard', ?, 'x', 'open', ?, 5, 10, ?)",
);
let n = Number(process.argv[3] ?? 0);
setInterval(() => {
  db.transaction(() => {
    for (let i = 0; i < 20; i++) insert.run(n++, n % 120, Date.now());
  })();
  process.stdout.write(`${n}\n`);
}, 10);
