// The SQLite file itself: folders, WAL and versioned migrations.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/store/sqlite/database.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { selectionKey } from '../../src/store/selection-key.ts';
import { openSqliteStore, SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-store-'));
  store = openSqliteStore(join(dir, 'nested', 'awscheck.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('creates the folder, applies every step once, and uses WAL', () => {
    const path = join(dir, 'nested', 'awscheck.db');
    expect(existsSync(path)).toBe(true);
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('applies an appended step to an existing database, and only that step', () => {
    const path = join(dir, 'nested', 'awscheck.db');
    const appended = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, description: 'test', sql: 'CREATE TABLE approvals (id TEXT PRIMARY KEY);' },
    ];
    const db = openDatabase(path, appended);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'approvals'").get()).toBeTruthy();
    expect(migrate(db, appended)).toEqual([]);
    db.close();
  });

  it('rolls a failing step back entirely', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'bad', sql: 'CREATE TABLE x (a); NOT SQL' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'scans'").get()).toBeUndefined();
    db.close();
  });

  it('rejects a numbering gap and a database newer than the code', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, description: 'gap', sql: '' }])).toThrow(/versions must be 1, 2, 3/);
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(/schema version 99, newer/);
    db.close();
  });
});

describe('the migration that lets scans stream in', () => {
  it('keeps every scan saved before it readable, as finished', async () => {
    // Found by what it does, not its number (which may change when branches merge).
    const step = MIGRATIONS.find((m) => m.sql.includes("status TEXT NOT NULL DEFAULT 'finished'"))!;
    const db = openDatabase(':memory:', MIGRATIONS.slice(0, step.version - 1));
    db.prepare(
      `INSERT INTO scans (id, started_at, finished_at, selection_key, selection, all_checks, accounts, regions, errors, notes, complete, score, result_count, fail_count, error_count)
       VALUES ('old', '2026-11-01T00:00:00.000Z', '2026-11-01T00:01:00.000Z', ?, '{}', 1, '[{"accountId":"123456789012","name":"prod"}]', '["us-east-1"]', '[]', '[]', 0, 0, 1, 1, 0)`,
    ).run(selectionKey({}));
    db.prepare("INSERT INTO scan_accounts (scan_id, account_id) VALUES ('old', '123456789012')").run();
    db.prepare(
      `INSERT INTO results (scan_id, seq, check_id, status, severity, account_id, region, resource_type, resource_id, evidence, details)
       VALUES ('old', 0, 'ec2.sg-open-ssh', 'FAIL', 'high', '123456789012', 'us-east-1', 'AWS::EC2::SecurityGroup', 'sg-1', 'open', '{}')`,
    ).run();
    expect(migrate(db)).toEqual(MIGRATIONS.slice(step.version - 1).map((m) => m.version));
    const upgraded = new SqliteStore(db);
    try {
      expect((await upgraded.latestScan())?.report.results.map((r) => r.resourceId)).toEqual(['sg-1']);
      expect((await upgraded.latestPerAccount()).map((r) => r.finishedAt)).toEqual(['2026-11-01T00:01:00.000Z']);
    } finally {
      await upgraded.close();
    }
  });
});

// Scans, reports, slots and retention: the history store contract (test/store/sqlite-history.test.ts).
