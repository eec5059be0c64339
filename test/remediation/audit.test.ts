// The audit trail: appended in order, read back whole or as the latest N, exported as CSV and JSON, and
// append-only in the database itself.
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_CSV_COLUMNS, AuditLog, auditToCsv, auditToJson } from '../../src/remediation/audit.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { fixRequest, riskAcceptance } from './fixtures.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'awscheck-audit-'));
  dirs.push(dir);
  const path = join(dir, 'awscheck.db');
  return { path, store: openSqliteStore(path) };
}

async function filledLog() {
  const { path, store } = fileStore();
  const log = new AuditLog(store.remediation);
  const request = fixRequest();
  await log.fix(request, 'fix.requested', 'U0ALICE', '2026-11-25T09:00:00.000Z', { preview: request.preview, inputs: {} });
  await log.fix(request, 'fix.approved', 'U0BOB', '2026-11-25T09:01:00.000Z');
  await log.fix(request, 'fix.applied', 'awscheck', '2026-11-25T09:01:02.000Z', {
    before: { ruleId: 'sgr-ssh', cidrIpv4: '0.0.0.0/0' },
    after: { revokedRuleId: 'sgr-ssh' },
    requestIds: ['req-abc'],
    outcome: 'Revoked rule sgr-ssh',
  });
  await log.risk(riskAcceptance({ reason: '=HYPERLINK("http://evil")' }), 'risk.accepted', 'U0BOB', '2026-11-25T10:00:00.000Z', {
    reason: '=HYPERLINK("http://evil")',
  });
  return { path, store, log };
}

describe('audit trail', () => {
  it('keeps who, when, what, the preview, before and after, request ids and the outcome, in order', async () => {
    const { store, log } = await filledLog();
    const events = await log.events();
    expect(events.map((e) => [e.seq, e.event, e.actor])).toEqual([
      [1, 'fix.requested', 'U0ALICE'],
      [2, 'fix.approved', 'U0BOB'],
      [3, 'fix.applied', 'awscheck'],
      [4, 'risk.accepted', 'U0BOB'],
    ]);
    expect(events[2]).toMatchObject({
      subject: 'fix',
      subjectId: 'req-1',
      checkId: 'ec2.sg-admin-port-ipv4',
      resourceId: 'sg-0abc',
      subResourceId: 'sgr-ssh',
      fixId: 'ec2.revoke-world-open-rule',
      detail: { before: { ruleId: 'sgr-ssh' }, after: { revokedRuleId: 'sgr-ssh' }, requestIds: ['req-abc'], outcome: 'Revoked rule sgr-ssh' },
    });
    expect(events[0]?.detail.preview?.lines).toEqual(['Revoke rule sgr-ssh']);
    expect((await log.events(2)).map((e) => e.seq)).toEqual([3, 4]);
    await store.close();
  });

  it('cannot be changed or deleted, not even with SQL on the file', async () => {
    const { path, store } = await filledLog();
    await store.close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE audit_events SET actor = 'U0MALLORY' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM audit_events WHERE seq = 2').pluck().get()).toBe('U0BOB');
    expect(db.prepare('SELECT COUNT(*) FROM audit_events').pluck().get()).toBe(4);
    db.close();
  });

  it('survives the store pruning old scans and reports', async () => {
    const { store, log } = await filledLog();
    await store.prune('2100-01-01T00:00:00.000Z');
    expect(await log.events()).toHaveLength(4);
    await store.close();
  });

  it('exports CSV with every column and formula-safe cells, and JSON as awscheck.audit/v1', async () => {
    const { store, log } = await filledLog();
    const events = await log.events();
    const rows = parse<Record<string, string>>(auditToCsv(events), { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows[2]).toMatchObject({ event: 'fix.applied', requestIds: 'req-abc', before: '{"ruleId":"sgr-ssh","cidrIpv4":"0.0.0.0/0"}' });
    expect(rows[3]?.reason).toBe(`'=HYPERLINK("http://evil")`);
    const json = JSON.parse(auditToJson(events)) as { schema: string; events: unknown[] };
    expect(json.schema).toBe('awscheck.audit/v1');
    expect(json.events).toHaveLength(4);
    await store.close();
  });
});
