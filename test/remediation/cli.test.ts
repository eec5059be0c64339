// The CLI side of remediation: `awscheck audit --format csv|json [--limit N]`, `awscheck policy
// --remediation`, and `awscheck report` listing accepted risks that expire soon or expired since the last report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, toExpiringRisk } from '../../src/report/model.ts';
import { renderSlackReport } from '../../src/slack/delivery/report/blocks.ts';
import { AuditLog } from '../../src/remediation/audit.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runAwscheck } from '../helpers/cli.ts';
import { result, scanReport } from '../report/fixtures.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import { fixRequest, riskAcceptance, storeRisk } from './fixtures.ts';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-cli-audit-'));
  db = join(dir, 'awscheck.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function withStore(fill: (store: ReturnType<typeof openSqliteStore>) => Promise<void>): Promise<void> {
  const store = openSqliteStore(db);
  await fill(store);
  await store.close();
}

describe('awscheck audit', () => {
  it('exports the trail as CSV (default) and JSON, the latest N with --limit', async () => {
    await withStore(async (store) => {
      const log = new AuditLog(store.remediation);
      await log.fix(fixRequest(), 'fix.requested', 'U0ALICE', '2026-11-25T09:00:00.000Z');
      await log.fix(fixRequest(), 'fix.approved', 'U0BOB', '2026-11-25T09:01:00.000Z');
      await log.fix(fixRequest(), 'fix.applied', 'awscheck', '2026-11-25T09:01:01.000Z', { requestIds: ['req-1', 'req-2'], outcome: 'Revoked' });
    });
    const csv = await runAwscheck(['audit'], { AWSCHECK_DB: db });
    expect(csv.code).toBe(0);
    const rows = parse<Record<string, string>>(csv.stdout, { columns: true });
    expect(rows.map((r) => [r.event, r.actor])).toEqual([
      ['fix.requested', 'U0ALICE'],
      ['fix.approved', 'U0BOB'],
      ['fix.applied', 'awscheck'],
    ]);
    expect(rows[2]).toMatchObject({ requestIds: 'req-1 req-2', outcome: 'Revoked', fixId: 'ec2.revoke-world-open-rule' });

    const json = await runAwscheck(['audit', '--format', 'json', '--limit', '2'], { AWSCHECK_DB: db });
    const doc = JSON.parse(json.stdout) as { schema: string; events: { event: string }[] };
    expect(doc.schema).toBe('awscheck.audit/v1');
    expect(doc.events.map((e) => e.event)).toEqual(['fix.approved', 'fix.applied']);
  });

  it('rejects a bad --limit or --format with exit code 2', async () => {
    expect((await runAwscheck(['audit', '--limit', 'ten'], { AWSCHECK_DB: db })).code).toBe(2);
    expect((await runAwscheck(['audit', '--format', 'xml'], { AWSCHECK_DB: db })).code).toBe(2);
  });
});

describe('awscheck policy --remediation', () => {
  it('prints the fixes’ read and write actions, narrowed by --check', async () => {
    const all = JSON.parse((await runAwscheck(['policy', '--remediation'])).stdout) as { Statement: { Sid: string; Action: string[] }[] };
    // Writes are split by resource type (AwscheckRemediationWrite, …WriteSecurityGroups, …): gather them.
    const writes = (policy: typeof all) => policy.Statement.filter((s) => s.Sid.startsWith('AwscheckRemediationWrite')).flatMap((s) => s.Action).sort();
    const write = writes(all);
    expect(write).toContain('ec2:RevokeSecurityGroupIngress');
    expect(write).toContain('iam:UpdateAccessKey');
    expect(write).not.toContain('iam:DeleteAccessKey');
    const ssh = JSON.parse((await runAwscheck(['policy', '--remediation', '--check', 'ec2.sg-admin-port-ipv4'])).stdout) as typeof all;
    expect(writes(ssh)).toEqual([
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:RevokeSecurityGroupIngress',
    ]);
    // Without the flag: the read-only scan policy, as before.
    expect((await runAwscheck(['policy', '--check', 'ec2.sg-admin-port-ipv4'])).stdout).not.toContain('RevokeSecurityGroupIngress');
  });
});

describe('awscheck report and accepted risks', () => {
  it('lists acceptances expiring within 7 days and those that expired since the last report', async () => {
    const now = Date.now();
    const iso = (offset: number) => new Date(now + offset).toISOString();
    await withStore(async (store) => {
      await store.saveScan(scanReport([result({ status: 'FAIL', evidence: 'sg-0abc allows tcp/22 from 0.0.0.0/0' })], { startedAt: iso(-120_000), finishedAt: iso(-60_000) }));
      await storeRisk(store.remediation, 
        riskAcceptance({ id: 'soon', findingKey: 'a', reason: 'replaced next week', expiresAt: iso(3 * 86_400_000), finding: { ...riskAcceptance().finding, evidence: 'soon-evidence' } }),
      );
      await storeRisk(store.remediation, 
        riskAcceptance({ id: 'gone', findingKey: findingKey(result()), reason: 'was a test box', expiresAt: iso(-3_600_000), finding: { ...result(), evidence: 'ended-evidence' } }),
      );
    });
    const printed = await runAwscheck(['report'], { AWSCHECK_DB: db, AWSCHECK_TIMEZONE: 'UTC' });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('Accepted risks that expired since the last report: failing again (1)');
    expect(printed.stdout).toContain('ended-evidence');
    expect(printed.stdout).toContain('was a test box');
    expect(printed.stdout).toContain('Accepted risks expiring within 7 days (1)');
    expect(printed.stdout).toContain('replaced next week');
  });
});

describe('the Slack report and accepted risks', () => {
  it('lists expired acceptances, escaped, with who had accepted them', () => {
    const expired = toExpiringRisk(riskAcceptance({ reason: 'owner said <!channel> ok', expiresAt: '2026-11-24T12:00:00.000Z' }));
    const report = buildReport({
      name: 'daily',
      scanId: 's',
      scan: scanReport([result()]),
      trend: [],
      now: new Date('2026-11-25T09:00:00.000Z'),
      timeZone: 'UTC',
      expiringRisks: [],
      expiredRisks: [expired],
    });
    const json = JSON.stringify(renderSlackReport(report, 'ja').blocks);
    expect(json).toContain('前回レポート以降に期限が切れたリスク受容: 再び不合格 (1 件)');
    expect(json).toContain('owner said &lt;!channel&gt; ok');
    expect(json).toContain('<@U0BOB>');
  });
});

describe('awscheck scan and accepted risks', () => {
  it('shows a finding accepted in Slack as MUTED, so it does not fail --fail-on; without a store nothing is muted', async () => {
    const { GetCallerIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
    const { GetAccountSummaryCommand, IAMClient } = await import('@aws-sdk/client-iam');
    const { mockClient } = await import('aws-sdk-client-mock');
    const sts = mockClient(STSClient);
    const iam = mockClient(IAMClient);
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 } });
    try {
      const args = ['scan', '--check', 'iam.root-mfa', '--format', 'json', '--fail-on', 'critical'];
      const before = await runAwscheck(args, { AWSCHECK_DB: db });
      expect(before.code).toBe(1);
      const failing = JSON.parse(before.stdout).results[0];
      expect(failing.status).toBe('FAIL');
      await withStore(async (store) => {
        await storeRisk(store.remediation, 
          riskAcceptance({ id: 'root', findingKey: findingKey(failing), finding: failing, reason: 'break-glass account', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
        );
      });
      const after = await runAwscheck(args, { AWSCHECK_DB: db });
      expect(after.code).toBe(0);
      expect(JSON.parse(after.stdout).results[0]).toMatchObject({ status: 'MUTED', muted: { reason: 'break-glass account' } });
    } finally {
      sts.restore();
      iam.restore();
    }
  });
});
