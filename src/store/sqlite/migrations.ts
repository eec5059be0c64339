// The schema, as numbered steps. Each step runs once, in a transaction, and PRAGMA user_version records
// the last one applied. To change the schema, APPEND a step with the next number; never edit a shipped one.
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'scans with their results, reports, scheduler slots',
    sql: `
      CREATE TABLE scans (
        id            TEXT PRIMARY KEY,
        started_at    TEXT NOT NULL,
        finished_at   TEXT NOT NULL,
        selection_key TEXT NOT NULL,
        selection     TEXT NOT NULL,
        all_checks    INTEGER NOT NULL,
        accounts      TEXT NOT NULL,
        regions       TEXT NOT NULL,
        errors        TEXT NOT NULL,
        notes         TEXT NOT NULL,
        complete      INTEGER NOT NULL,
        score         REAL,
        result_count  INTEGER NOT NULL,
        fail_count    INTEGER NOT NULL,
        error_count   INTEGER NOT NULL
      );
      CREATE INDEX scans_by_selection ON scans (selection_key, finished_at);
      CREATE INDEX scans_by_finish ON scans (finished_at);

      CREATE TABLE scan_accounts (
        scan_id    TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        account_id TEXT NOT NULL,
        PRIMARY KEY (account_id, scan_id)
      ) WITHOUT ROWID;
      CREATE INDEX scan_accounts_by_scan ON scan_accounts (scan_id);

      CREATE TABLE results (
        scan_id         TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        seq             INTEGER NOT NULL,
        check_id        TEXT NOT NULL,
        status          TEXT NOT NULL,
        severity        TEXT NOT NULL,
        account_id      TEXT NOT NULL,
        region          TEXT NOT NULL,
        resource_type   TEXT NOT NULL,
        resource_id     TEXT NOT NULL,
        sub_resource_id TEXT,
        resource_arn    TEXT,
        evidence        TEXT NOT NULL,
        details         TEXT NOT NULL,
        muted           TEXT,
        PRIMARY KEY (scan_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE reports (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        slot        TEXT,
        scan_id     TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        channel     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'failed')),
        error       TEXT,
        posted_at   TEXT,
        message_ts  TEXT,
        score       REAL,
        message     TEXT NOT NULL
      );
      CREATE INDEX reports_by_name ON reports (name, created_at);

      CREATE TABLE slots (
        key          TEXT PRIMARY KEY,
        owner        TEXT NOT NULL,
        claimed_at   TEXT NOT NULL,
        completed_at TEXT
      );
    `,
  },
];
