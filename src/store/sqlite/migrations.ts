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
  {
    version: 2,
    description: 'remediation: finding snapshots, fix requests, risk acceptances, append-only audit trail',
    sql: `
      CREATE TABLE finding_snapshots (
        id          TEXT PRIMARY KEY,
        finding_key TEXT NOT NULL,
        finding     TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE INDEX finding_snapshots_by_time ON finding_snapshots (created_at);

      -- state and the approval deadline are columns for conditional updates and queries; the rest of the
      -- record is one JSON document.
      CREATE TABLE remediation_requests (
        id          TEXT PRIMARY KEY,
        finding_key TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'applying', 'applied', 'unchanged', 'failed',
                                                   'rejected', 'expired', 'undo_requested', 'undoing', 'undone')),
        expires_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        data        TEXT NOT NULL,
        channel     TEXT,
        message_ts  TEXT
      );
      CREATE INDEX remediation_requests_by_state ON remediation_requests (state);
      CREATE INDEX remediation_requests_by_finding ON remediation_requests (finding_key);
      -- finding_key holds fixTargetKey: two Fix… clicks on one resource (from any of the checks that share its
      -- fix) get one request, not two racing fixes.
      CREATE UNIQUE INDEX remediation_requests_one_pending ON remediation_requests (finding_key)
        WHERE state IN ('requested', 'approved', 'applying');

      CREATE TABLE accepted_risks (
        id          TEXT PRIMARY KEY,
        finding_key TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('requested', 'accepted', 'rejected', 'expired', 'revoked')),
        expires_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        data        TEXT NOT NULL,
        channel     TEXT,
        message_ts  TEXT
      );
      CREATE INDEX accepted_risks_by_state ON accepted_risks (state, expires_at);

      CREATE TABLE audit_events (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        at              TEXT NOT NULL,
        event           TEXT NOT NULL,
        actor           TEXT NOT NULL,
        subject         TEXT NOT NULL CHECK (subject IN ('fix', 'risk')),
        subject_id      TEXT NOT NULL,
        check_id        TEXT NOT NULL,
        account_id      TEXT NOT NULL,
        region          TEXT NOT NULL,
        resource_id     TEXT NOT NULL,
        sub_resource_id TEXT,
        fix_id          TEXT,
        detail          TEXT NOT NULL
      );
      CREATE INDEX audit_events_by_subject ON audit_events (subject_id);
      -- The trail is evidence: the database itself refuses to change or remove what was written.
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
    `,
  },
  {
    version: 3,
    description: 'one open fix request per target across all open states (OPEN_STATES), not just three of them',
    // The state list must equal OPEN_STATES in src/remediation/state.ts (test/store/sqlite-remediation.contract.test.ts
    // checks it against this text). Leases and fix journals live in the JSON document: no new columns.
    sql: `
      -- The old index let a new request wait beside an undo of the same target. Such a waiting request would
      -- break the new index: it expires (it did nothing), with its audit event, before the index is built.
      CREATE TEMP TABLE colliding AS
        SELECT id FROM remediation_requests
        WHERE state = 'requested'
          AND finding_key IN (SELECT finding_key FROM remediation_requests WHERE state IN ('undo_requested', 'undoing'));
      INSERT INTO audit_events (at, event, actor, subject, subject_id, check_id, account_id, region, resource_id, sub_resource_id, fix_id, detail)
        SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'fix.expired', 'awscheck', 'fix', r.id,
               json_extract(r.data, '$.finding.checkId'), json_extract(r.data, '$.finding.accountId'),
               json_extract(r.data, '$.finding.region'), json_extract(r.data, '$.finding.resourceId'),
               json_extract(r.data, '$.finding.subResourceId'), json_extract(r.data, '$.fixId'),
               '{"note":"expired on upgrade: an undo of the same resource was open"}'
        FROM remediation_requests r WHERE r.id IN (SELECT id FROM colliding);
      UPDATE remediation_requests SET state = 'expired' WHERE id IN (SELECT id FROM colliding);
      DROP TABLE colliding;
      DROP INDEX remediation_requests_one_pending;
      CREATE UNIQUE INDEX remediation_requests_one_open ON remediation_requests (finding_key)
        WHERE state IN ('requested', 'approved', 'applying', 'undo_requested', 'undoing');
    `,
  },
  // ---- Alerts (src/alerts): handled CloudTrail events and the alert posted per finding. Its own step. ----
  {
    version: 4,
    description: 'alerts: handled CloudTrail event ids, one open alert per finding',
    sql: `
      CREATE TABLE alert_events (
        event_id   TEXT PRIMARY KEY,
        handled_at TEXT NOT NULL
      );
      CREATE INDEX alert_events_by_time ON alert_events (handled_at);

      CREATE TABLE alerts (
        id          TEXT PRIMARY KEY,
        finding_key TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
        account_id  TEXT NOT NULL,
        finding     TEXT NOT NULL,
        event_id    TEXT NOT NULL,
        change      TEXT NOT NULL,
        channel     TEXT NOT NULL,
        message_ts  TEXT,
        created_at  TEXT NOT NULL,
        resolved_at TEXT
      );
      -- Two replicas handling copies of one event both try to insert; only one open alert per finding exists.
      CREATE UNIQUE INDEX alerts_one_open ON alerts (finding_key) WHERE state = 'open';
      CREATE INDEX alerts_by_account ON alerts (state, account_id);
    `,
  },
  // ---- "Fix all" batches (src/remediation/batch.ts): one approval over ordinary fix requests. Its own step. ----
  {
    version: 5,
    description: 'fix batches: one approval for many fix requests of one check; the audit trail accepts their events',
    // SQLite cannot alter a CHECK constraint: the trail is copied, row for row with its seq, into a table
    // that also accepts subject 'batch'; DROP TABLE fires no DELETE trigger, and the triggers come back.
    sql: `
      CREATE TABLE audit_events_v5 (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        at              TEXT NOT NULL,
        event           TEXT NOT NULL,
        actor           TEXT NOT NULL,
        subject         TEXT NOT NULL CHECK (subject IN ('fix', 'risk', 'batch')),
        subject_id      TEXT NOT NULL,
        check_id        TEXT NOT NULL,
        account_id      TEXT NOT NULL,
        region          TEXT NOT NULL,
        resource_id     TEXT NOT NULL,
        sub_resource_id TEXT,
        fix_id          TEXT,
        detail          TEXT NOT NULL
      );
      INSERT INTO audit_events_v5 SELECT * FROM audit_events ORDER BY seq;
      DROP TABLE audit_events;
      ALTER TABLE audit_events_v5 RENAME TO audit_events;
      CREATE INDEX audit_events_by_subject ON audit_events (subject_id);
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

      CREATE TABLE fix_batches (
        id         TEXT PRIMARY KEY,
        state      TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data       TEXT NOT NULL,
        channel    TEXT,
        message_ts TEXT
      );
    `,
  },
  // ---- Scans streamed in account by account (Store.beginScan / appendScan / finishScan). Its own step. ----
  {
    version: 6,
    description: 'scans are written while they run: a running scan is invisible until finished, and pruned by its start if it never is',
    // Scans saved before this step were written whole: finished. A running scan's finished_at holds its start
    // time until it finishes, so retention (finished_at < cutoff) also removes one whose process died.
    sql: `
      ALTER TABLE scans ADD COLUMN status TEXT NOT NULL DEFAULT 'finished' CHECK (status IN ('running', 'finished'));
    `,
  },
  // ---- Language-neutral results (src/i18n/message.ts): each reader words a result in their own language. ----
  {
    version: 7,
    description: "results keep their message (key and params) beside the evidence worded in the scan's locale",
    // Nullable: rows written before hold only their worded evidence, which readers show as it is.
    sql: `ALTER TABLE results ADD COLUMN message TEXT;`,
  },
];
