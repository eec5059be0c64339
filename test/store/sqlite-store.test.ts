import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/store/sqlite/database.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { selectionKey } from '../../src/store/selection-key.ts';
import { ACCOUNT, manyResults, result, scanReport } from '../report/fixtures.ts';

let dir: string;
let store: SqliteStore;
const message = { text: 'report', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] };

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

describe('scans', () => {
  it('round-trips a scan with every field', async () => {
    const report = scanReport(
      [
        result({ status: 'ERROR', evidence: 'Could not be evaluated: AccessDenied', region: 'eu-west-1', resourceId: 'eu-west-1' }),
        result({ subResourceId: 'sgr-1', resourceArn: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0abc', details: { port: 22 } }),
        result({
          status: 'MUTED',
          resourceId: 'sg-0def',
          muted: { reason: 'bastion', expiresAt: '2026-12-01T00:00:00.000Z', acceptedBy: 'U123' },
        }),
      ],
      {
        selection: { services: ['ec2'], regions: ['us-east-1', 'eu-west-1'] },
        errors: [{ accountId: ACCOUNT, region: 'eu-west-1', checkIds: ['ec2.sg-open-ssh'], reason: 'AccessDenied' }],
        notes: [{ accountId: ACCOUNT, message: 'Region me-central-1 is not enabled' }],
        regions: ['eu-west-1', 'us-east-1'],
      },
    );
    const summary = await store.saveScan(report);
    expect(summary).toMatchObject({ complete: false, resultCount: 3, failCount: 1, errorCount: 1, score: 0 });
    const stored = await store.getScan(summary.id);
    expect(stored?.report).toStrictEqual(report);
    expect(stored?.summary).toEqual(summary);
    expect(await store.getScan('nope')).toBeUndefined();
  });

  it('saves and loads 50,000 results', async () => {
    const report = scanReport(manyResults(50_000));
    const summary = await store.saveScan(report);
    const stored = await store.getScan(summary.id);
    expect(stored?.report.results).toHaveLength(50_000);
    expect(stored?.report.results[49_999]).toStrictEqual(report.results[49_999]);
    expect(summary.failCount).toBe(5_000);
  });

  it('finds the latest scan by selection, completeness and time', async () => {
    const full = selectionKey({});
    const a = await store.saveScan(scanReport([result({ status: 'PASS' })], { finishedAt: '2026-11-20T00:00:00.000Z' }));
    const b = await store.saveScan(
      scanReport([result({ status: 'ERROR' })], { finishedAt: '2026-11-21T00:00:00.000Z' }),
    );
    await store.saveScan(scanReport([result()], { finishedAt: '2026-11-22T00:00:00.000Z', selection: { services: ['s3'] } }));
    expect((await store.latestScan({ selectionKey: full }))?.summary.id).toBe(b.id);
    expect((await store.latestScan({ selectionKey: full, complete: true }))?.summary.id).toBe(a.id);
    expect((await store.latestScan({ selectionKey: full, finishedBefore: b.finishedAt }))?.summary.id).toBe(a.id);
    expect(await store.latestScan({ selectionKey: full, finishedBefore: a.finishedAt })).toBeUndefined();
    expect((await store.scanSummaries({ selectionKey: full, since: '2026-11-01T00:00:00.000Z' })).map((s) => s.id)).toEqual([
      a.id,
      b.id,
    ]);
  });

  it('gives each account its latest whole-catalogue scan, narrowed to that account', async () => {
    const other = '210987654321';
    const accounts = [
      { accountId: ACCOUNT, name: 'prod' },
      { accountId: other, name: 'dev' },
    ];
    await store.saveScan(
      scanReport([result(), result({ accountId: other })], {
        accounts,
        finishedAt: '2026-11-24T00:00:00.000Z',
        errors: [{ accountId: other, reason: 'boom' }],
      }),
    );
    // A narrower, newer scan does not replace the whole picture.
    await store.saveScan(scanReport([result({ checkId: 's3.public' })], { selection: { services: ['s3'] }, finishedAt: '2026-11-25T00:00:00.000Z' }));
    const latest = await store.latestPerAccount();
    expect(latest.map((r) => r.accounts)).toEqual([[accounts[0]], [accounts[1]]]);
    expect(latest[0]?.results.map((r) => r.accountId)).toEqual([ACCOUNT]);
    expect(latest[0]?.errors).toEqual([]);
    expect(latest[1]?.errors).toEqual([{ accountId: other, reason: 'boom' }]);
  });
});

describe('retention', () => {
  it('prunes scans, their results and reports, and old slots', async () => {
    const old = await store.saveScan(scanReport([result()], { finishedAt: '2026-08-01T00:00:00.000Z' }));
    const recent = await store.saveScan(scanReport([result()], { finishedAt: '2026-11-24T00:00:00.000Z' }));
    await store.createReport({ name: 'daily', scanId: old.id, channel: 'C1', score: 0, message }, '2026-08-01T00:02:00.000Z');
    await store.createReport({ name: 'daily', scanId: recent.id, channel: 'C1', score: 0, message }, '2026-11-24T00:02:00.000Z');
    await store.claimSlot('daily-report:2026-08-01T00:00:00.000Z', 'a', '2026-08-01T00:00:00.000Z');
    await store.claimSlot('daily-report:2026-11-24T00:00:00.000Z', 'a', '2026-11-24T00:00:00.000Z');
    expect(await store.prune('2026-08-27T00:00:00.000Z')).toEqual({ scans: 1, reports: 1, slots: 1 });
    expect(await store.getScan(old.id)).toBeUndefined();
    expect(await store.getScan(recent.id)).toBeDefined();
    const db = new Database(join(dir, 'nested', 'awscheck.db'));
    expect(db.prepare('SELECT count(*) FROM results WHERE scan_id = ?').pluck().get(old.id)).toBe(0);
    db.close();
  });
});

describe('slots', () => {
  it('lets exactly one of two replicas on one file claim a slot', async () => {
    const replica = openSqliteStore(join(dir, 'nested', 'awscheck.db'));
    const key = 'daily-report:2026-11-25T00:00:00.000Z';
    const claims = await Promise.all([store.claimSlot(key, 'a', 'now'), replica.claimSlot(key, 'b', 'now')]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await replica.claimSlot('daily-report:2026-11-26T00:00:00.000Z', 'b', 'now')).toBe(true);
    await replica.completeSlot(key, 'later');
    await replica.close();
  });
});

describe('reports', () => {
  it('keeps a report pending until posted, and finds the latest by status', async () => {
    const scan = await store.saveScan(scanReport([result()]));
    const first = await store.createReport({ name: 'daily', slot: 's1', scanId: scan.id, channel: 'C1', score: 50, message }, '2026-11-25T00:02:00.000Z');
    expect(first.status).toBe('pending');
    await store.updateReport(first.id, { status: 'posted', postedAt: '2026-11-25T00:03:00.000Z', messageTs: '1.2' });
    const second = await store.createReport({ name: 'daily', scanId: scan.id, channel: 'C1', score: 50, message }, '2026-11-26T00:02:00.000Z');
    await store.updateReport(second.id, { status: 'pending', error: 'not_in_channel: invite the bot' });
    expect(await store.getReport(first.id)).toMatchObject({ status: 'posted', messageTs: '1.2', slot: 's1', message });
    expect((await store.latestReport({ name: 'daily' }))?.id).toBe(second.id);
    expect((await store.latestReport({ name: 'daily', status: ['posted'] }))?.id).toBe(first.id);
    expect(await store.latestReport({ name: 'daily', status: ['pending', 'failed'] })).toMatchObject({
      id: second.id,
      error: 'not_in_channel: invite the bot',
    });
    await expect(store.updateReport('missing', { status: 'posted' })).rejects.toThrow(/no report/);
  });
});
