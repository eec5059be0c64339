// Plain scan data for store, report and schedule tests.
import type { CheckResult, ScanReport } from '../../src/engine/types.ts';
import { buildReport, type PostureReport, type ReportInput } from '../../src/report/model.ts';
import { dailyScores } from '../../src/report/trend.ts';

export const ACCOUNT = '123456789012';

export function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    checkId: 'ec2.sg-open-ssh',
    status: 'FAIL',
    severity: 'high',
    accountId: ACCOUNT,
    region: 'us-east-1',
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: 'sg-0abc',
    evidence: 'sg-0abc rule sgr-1 allows tcp/22 from 0.0.0.0/0',
    details: {},
    ...overrides,
  };
}

export function scanReport(results: CheckResult[], overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    schema: 'awscheck.scan/v1',
    startedAt: '2026-11-25T00:00:00.000Z',
    finishedAt: '2026-11-25T00:01:00.000Z',
    accounts: [{ accountId: ACCOUNT, name: 'prod' }],
    // The regions the results are in, as the engine would report them.
    regions: [...new Set(['us-east-1', ...results.map((r) => r.region).filter((r) => r !== 'global')])].sort(),
    results,
    errors: [],
    notes: [],
    selection: {},
    ...overrides,
  };
}

/** `count` results over a few checks, regions and severities; every tenth one fails. */
export function manyResults(count: number): CheckResult[] {
  const severities = ['critical', 'high', 'medium', 'low'] as const;
  return Array.from({ length: count }, (_, i) =>
    result({
      checkId: `ec2.check-${i % 7}`,
      status: i % 10 === 0 ? 'FAIL' : 'PASS',
      severity: severities[i % 4],
      region: ['us-east-1', 'eu-west-1', 'ap-northeast-1'][i % 3],
      resourceId: `sg-${i.toString(16).padStart(8, '0')}`,
      subResourceId: `sgr-${i}`,
      evidence: `sg-${i} rule sgr-${i} allows tcp/22 from 0.0.0.0/0`,
      details: { port: 22, index: i },
    }),
  );
}

const REPORT_NOW = new Date('2026-11-25T09:00:00Z');

/** A posture report of `scan` against `baseline`, as of 2026-11-25 in UTC (the renderers' tests). */
export function buildReportOf(scan: ScanReport, baseline?: ScanReport, extra: Partial<ReportInput> = {}): PostureReport {
  return buildReport({
    name: 'daily',
    scanId: 'now',
    scan,
    ...(baseline ? { baseline: { scanId: 'b', report: baseline, score: 50 } } : {}),
    trend: dailyScores([{ finishedAt: '2026-11-24T09:00:00Z', score: 50 }], REPORT_NOW, 'UTC'),
    now: REPORT_NOW,
    timeZone: 'UTC',
    ...extra,
  });
}

/** `count` failing results over many resources. */
export function failing(count: number): CheckResult[] {
  return manyResults(count * 10).map((r) => ({ ...r, status: 'FAIL' as const })).slice(0, count);
}
