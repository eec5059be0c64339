// The two 50,000-result scans the report benchmarks diff: yesterday's and today's, with the catalogue's real ids
// and severities, so the report is built from realistic data without running a scan.
import { ALL_CHECKS } from '../checks/index.ts';
import type { CheckResult, ScanReport } from '../src/engine/types.ts';
import { ReportService } from '../src/report/service.ts';
import { SlackReportDelivery } from '../src/slack/delivery/report/poster.ts';
import { createSlackClient } from '../src/slack/delivery/slack-client.ts';
import type { ScanRecorder } from '../src/store/recorder.ts';
import type { Store } from '../src/store/store.ts';

export const RESULTS = 50_000;
export const DAY = 86_400_000;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'];

/** `count` results spread over the catalogue; about 15% FAIL, and `shift` moves which ones do (new / resolved). */
export function results(count: number, shift: number): CheckResult[] {
  const checks = ALL_CHECKS;
  return Array.from({ length: count }, (_, i) => {
    const check = checks[i % checks.length]!;
    const fail = (i * 7 + shift) % 100 < 15;
    const resourceId = `${check.id.split('.')[0]}-${i.toString(16).padStart(10, '0')}`;
    return {
      checkId: check.id,
      status: fail ? 'FAIL' : 'PASS',
      severity: check.severity,
      accountId: '111122223333',
      region: check.id.startsWith('iam.') ? 'global' : REGIONS[i % REGIONS.length]!,
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId,
      ...(i % 3 === 0 ? { subResourceId: `sgr-${i.toString(16)}` } : {}),
      resourceArn: `arn:aws:ec2:us-east-1:111122223333:security-group/${resourceId}`,
      evidence: fail ? `${resourceId} rule sgr-${i} allows tcp/22 from 0.0.0.0/0` : `${resourceId} has no world-open admin port`,
      details: { groupId: resourceId, instances: [`i-${i.toString(16)}`], ports: [22], index: i },
    };
  });
}

export function scanOf(list: CheckResult[], finishedAt: Date): ScanReport {
  return {
    schema: 'awscheck.scan/v1',
    startedAt: new Date(finishedAt.getTime() - 600_000).toISOString(),
    finishedAt: finishedAt.toISOString(),
    accounts: [{ accountId: '111122223333', name: 'prod' }],
    regions: REGIONS,
    results: list,
    errors: [],
    notes: [],
    selection: {},
  };
}

/** The daily report as both benchmarks run it: posted to the fake Slack at `now`, without retries or logs. */
export function benchReportService(store: Store, recorder: ScanRecorder, slackApiUrl: string, now: Date): ReportService {
  return new ReportService({
    store,
    recorder,
    delivery: new SlackReportDelivery(createSlackClient('xoxb-bench-token', { slackApiUrl, retryConfig: { retries: 0 } }), 'en'),
    channel: 'C0REPORT',
    timeZone: 'UTC',
    locale: 'en',
    retentionDays: 90,
    clock: { now: () => now },
    logger: { info: () => undefined, warn: () => undefined, error: (m: string) => process.stderr.write(`${m}\n`) },
  });
}
