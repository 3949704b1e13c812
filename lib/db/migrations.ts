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
  {
    version: 4,
    name: "alerts and status events: staff notices and detected closures/staleness for the feeds and /api/v1/alerts",
    sql: `
      -- Staff notices, bilingual. The coming staff editor adds revisions and an audit trail in
      -- tables of their own that point here; this row is always the current text.
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        title_en TEXT NOT NULL CHECK (length(title_en) > 0),
        title_es TEXT NOT NULL CHECK (length(title_es) > 0),
        body_en TEXT NOT NULL CHECK (length(body_en) > 0),
        body_es TEXT NOT NULL CHECK (length(body_es) > 0),
        severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        -- Epoch ms. ends_at NULL: until further notice.
        starts_at INTEGER NOT NULL,
        ends_at INTEGER CHECK (ends_at IS NULL OR ends_at > starts_at),
        status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        -- When it was (last) published; it orders the feeds, so a notice published today about a
        -- closure that began last week is not buried under older items.
        published_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX alerts_public ON alerts (status, starts_at);

      -- The ports an alert concerns; none at all means every port.
      CREATE TABLE alert_ports (
        alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        port_slug TEXT NOT NULL,
        PRIMARY KEY (alert_id, port_slug)
      ) WITHOUT ROWID;

      -- Changes the poller detected. port_slug NULL: site-wide (data_stale, data_recovered).
      CREATE TABLE status_events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('crossing_closed', 'crossing_reopened', 'lane_closed', 'lane_reopened', 'data_stale', 'data_recovered')),
        port_slug TEXT,
        cbp_port_number TEXT,
        mode TEXT,
        type TEXT,
        -- Epoch ms of the poll that saw the change (for data_stale: when the data became stale).
        at INTEGER NOT NULL,
        delay_minutes INTEGER,
        lanes_open INTEGER,
        -- data_stale and data_recovered: our last successful poll before the outage (epoch ms).
        last_success_at INTEGER
      );
      CREATE INDEX status_events_at ON status_events (at);
      CREATE INDEX status_events_port ON status_events (port_slug, at);

      -- The last definite status (open or closed) of each crossing (mode = type = '') and lane,
      -- which the next poll is compared with. Kept apart from crossing_snapshot because a lane
      -- that passes through 'pending' must still be compared with what it was before.
      CREATE TABLE status_watch (
        cbp_port_number TEXT NOT NULL,
        mode TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        PRIMARY KEY (cbp_port_number, mode, type)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: "content: bilingual guides, port information, initiatives, meetings, announcements and pages; revisions; full-text search",
    sql: `
      -- One row per item, both languages required. Kind-specific fields (sources, timelines,
      -- facilities, meeting times) are JSON in data, validated with zod on the way in and out.
      CREATE TABLE content_items (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('guide', 'port', 'initiative', 'meeting', 'announcement', 'page')),
        -- Stable identifier (the seed folder name); never shown and never changes.
        key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        slug_en TEXT NOT NULL CHECK (length(slug_en) > 0),
        slug_es TEXT NOT NULL CHECK (length(slug_es) > 0),
        title_en TEXT NOT NULL CHECK (length(title_en) > 0),
        title_es TEXT NOT NULL CHECK (length(title_es) > 0),
        summary_en TEXT NOT NULL CHECK (length(summary_en) > 0),
        summary_es TEXT NOT NULL CHECK (length(summary_es) > 0),
        -- Markdown.
        body_en TEXT NOT NULL,
        body_es TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        -- Orders lists: a zero-padded order for guides and initiatives, a date for the others.
        sort_key TEXT NOT NULL,
        -- Epoch ms.
        published_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- Increases on every save; content_revisions keeps each one.
        revision INTEGER NOT NULL DEFAULT 1,
        -- 'seed': written from the repository's content files and refreshed from them while no
        -- one edits it; 'staff': edited by people, which the seed never overwrites.
        origin TEXT NOT NULL CHECK (origin IN ('seed', 'staff')),
        seed_hash TEXT,
        UNIQUE (kind, key)
      );
      CREATE INDEX content_items_list ON content_items (kind, status, sort_key);
      -- An address leads to one published item; a draft may keep a slug a published item now uses.
      CREATE UNIQUE INDEX content_items_slug_en ON content_items (kind, slug_en) WHERE status = 'published';
      CREATE UNIQUE INDEX content_items_slug_es ON content_items (kind, slug_es) WHERE status = 'published';

      -- Every saved version of an item, whole, so two can be compared and one restored.
      CREATE TABLE content_revisions (
        item_id INTEGER NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
        -- 'seed' or, once the staff admin exists, the user who saved it.
        author TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (item_id, revision)
      ) WITHOUT ROWID;

      -- Published items as plain text, one row per item and language. remove_diacritics 2
      -- makes "garita" find "Garita" and "mexico" find "México".
      CREATE VIRTUAL TABLE content_search USING fts5(
        item_id UNINDEXED,
        locale UNINDEXED,
        title,
        summary,
        body,
        tokenize = "unicode61 remove_diacritics 2"
      );
    `,
  },
  {
    version: 6,
    name: "staff admin: users, second factor, sessions, sign-in throttling, audit log, alert revisions, editable UI texts",
    sql: `
      -- Staff accounts. There are no default accounts: the first admin comes from
      -- \`npm run admin:create\`, the others from an admin. password_hash and totp_secret stay NULL
      -- until the person opens their one-time setup link.
      CREATE TABLE staff_users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL CHECK (length(name) > 0),
        role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
        -- Argon2id PHC string.
        password_hash TEXT,
        -- TOTP shared secret (base32). Backups therefore hold second-factor seeds: keep them private.
        totp_secret TEXT,
        -- The last accepted TOTP time step, so a code works once (ASVS 6.5.1).
        totp_last_step INTEGER,
        disabled_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- One-time recovery codes (SHA-256: they are long random strings, not passwords).
      CREATE TABLE staff_recovery_codes (
        user_id INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        used_at INTEGER,
        PRIMARY KEY (user_id, code_hash)
      ) WITHOUT ROWID;

      -- One-time setup links: a new account, or an admin's reset of a lost password or phone.
      CREATE TABLE staff_invites (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      ) WITHOUT ROWID;
      CREATE INDEX staff_invites_user ON staff_invites (user_id);

      -- Server-side sessions; the cookie holds the token, this table only its SHA-256.
      -- stage 'password': the password was right and the second factor is still to come.
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage IN ('password', 'full')),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        address TEXT,
        user_agent TEXT
      ) WITHOUT ROWID;
      CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

      -- Failed sign-in steps, per account (the e-mail typed, known or not) and per client address.
      CREATE TABLE auth_failures (
        scope TEXT NOT NULL CHECK (scope IN ('account', 'address')),
        key TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX auth_failures_key ON auth_failures (scope, key, at);

      -- Who did what and when. actor is copied so the trail outlives a deleted account.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        user_id INTEGER,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT CHECK (detail IS NULL OR json_valid(detail)),
        address TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at);

      -- Alerts get the same whole-version history as content items.
      ALTER TABLE alerts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE alert_revisions (
        alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
        author TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (alert_id, revision)
      ) WITHOUT ROWID;
      INSERT INTO alert_revisions (alert_id, revision, snapshot, author, created_at)
        SELECT a.id, 1, json_object(
            'titleEn', a.title_en, 'titleEs', a.title_es, 'bodyEn', a.body_en, 'bodyEs', a.body_es,
            'severity', a.severity, 'startsAt', a.starts_at, 'endsAt', a.ends_at, 'status', a.status,
            'ports', (SELECT json_group_array(port_slug) FROM alert_ports p WHERE p.alert_id = a.id)),
          'cli', a.updated_at
        FROM alerts a;

      -- Staff wording for a few interface texts (lib/admin/ui-texts.ts lists which), per language;
      -- messages/*.json stay the default.
      CREATE TABLE ui_texts (
        key TEXT NOT NULL,
        locale TEXT NOT NULL CHECK (locale IN ('en', 'es')),
        value TEXT NOT NULL CHECK (length(value) > 0),
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (key, locale)
      ) WITHOUT ROWID;
    `,
  },
];
