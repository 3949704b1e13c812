/**
 * Numbered schema migrations, applied in order inside one transaction each.
 * Never edit a released migration: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Fills lane_hourly from lane_reading (SQLite takes bare columns from the MAX() row). */
export const REBUILD_LANE_HOURLY = `
  INSERT OR REPLACE INTO lane_hourly (cbp_port_number, mode, type, hour, observed_at, status, delay_minutes, lanes_open, max_lanes)
  SELECT cbp_port_number, mode, type, (observed_at + 3599) / 3600 * 3600, MAX(observed_at), status, delay_minutes, lanes_open, max_lanes
    FROM lane_reading GROUP BY cbp_port_number, mode, type, (observed_at + 3599) / 3600;
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "live waits: poll state, current snapshot per crossing, lane reading history, poller lease",
    sql: `
      CREATE TABLE poll_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_attempt_at INTEGER,
        last_success_at INTEGER,
        last_failure_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        total_successes INTEGER NOT NULL DEFAULT 0,
        total_failures INTEGER NOT NULL DEFAULT 0,
        breaker TEXT NOT NULL DEFAULT 'closed',
        snapshot_version INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO poll_state (id) VALUES (1);

      -- The last good reading of each crossing (JSON of the CrossingReading model).
      CREATE TABLE crossing_snapshot (
        cbp_port_number TEXT PRIMARY KEY,
        fetched_at INTEGER NOT NULL,
        generated_at TEXT,
        body TEXT NOT NULL
      );

      -- Every distinct lane reading, keyed by CBP's reading time (epoch seconds).
      CREATE TABLE lane_reading (
        cbp_port_number TEXT NOT NULL,
        mode TEXT NOT NULL,
        type TEXT NOT NULL,
        observed_at INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        status TEXT NOT NULL,
        delay_minutes INTEGER,
        lanes_open INTEGER,
        max_lanes INTEGER,
        first_seen_at INTEGER NOT NULL,
        PRIMARY KEY (cbp_port_number, mode, type, observed_at)
      ) WITHOUT ROWID;

      -- With several servers on one database, the holder of this row polls; the others only read.
      CREATE TABLE poller_lease (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        holder TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "forecast: the fitted model and its measured accuracy",
    sql: `
      -- The forecast model fitted on recent history (JSON of ForecastModel); one row.
      CREATE TABLE forecast_model (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fitted_at INTEGER NOT NULL,
        trained_until INTEGER NOT NULL,
        model TEXT NOT NULL
      );

      -- Backtest results: 'recent' is recomputed by the server, 'published' by
      -- npm run forecast:backtest -- --publish. result is JSON of BacktestResult.
      CREATE TABLE forecast_accuracy (
        label TEXT PRIMARY KEY CHECK (label IN ('recent', 'published')),
        computed_at INTEGER NOT NULL,
        period_from INTEGER NOT NULL,
        period_to INTEGER NOT NULL,
        result TEXT NOT NULL,
        model TEXT NOT NULL
      );

      -- Range scans over all lanes by reading time (dashboard, imports' summaries).
      CREATE INDEX lane_reading_observed ON lane_reading (observed_at);
    `,
  },
  {
    version: 3,
    name: "history: the reading in effect at each hour boundary, kept beside every reading",
    sql: `
      -- For each lane and hour boundary (epoch s, a multiple of 3600), the last reading taken in
      -- the hour up to it: what typical waits and forecasts sample. With CBP updating every few
      -- minutes it is a twelfth of lane_reading, read without sorting.
      CREATE TABLE lane_hourly (
        cbp_port_number TEXT NOT NULL,
        mode TEXT NOT NULL,
        type TEXT NOT NULL,
        hour INTEGER NOT NULL,
        observed_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        delay_minutes INTEGER,
        lanes_open INTEGER,
        max_lanes INTEGER,
        PRIMARY KEY (cbp_port_number, mode, type, hour)
      ) WITHOUT ROWID;
      ${REBUILD_LANE_HOURLY}
    `,
  },
];

