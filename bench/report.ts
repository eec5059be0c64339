// The report benchmark: the daily report for a 50,000-result scan, through the real ReportService (save
// the scan in SQLite, diff against yesterday's 50,000 results, build, render for Slack, store, post, attach
// the full CSV) with a fake Slack on 127.0.0.1. No AWS here: the results are generated, with the catalogue's
// real ids and severities, so this child process carries none of the scan's memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult, ScanReport } from '../src/engine/types.ts';
import { resultsToCsv } from '../src/render/csv.ts';
import { renderSlackReport } from '../src/report/blocks.ts';
import { ReportService } from '../src/report/service.ts';
import { createReportSlackClient } from '../src/report/slack-client.ts';
import { ScanRecorder } from '../src/store/recorder.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { ALL_CHECKS } from '../checks/index.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { peakRssMb, RESULT_PREFIX } from './args.ts';

export interface ReportBenchResult {
  results: number;
  /** The daily run for a finished scan: save, diff, build, render, store, post, attach the CSV. */
  reportMs: number;
  /** Of which building the report from the stored scans and rendering the message and the CSV. */
  buildAndRenderMs: number;
  newFindings: number;
  resolvedFindings: number;
  /** Process RSS once both scans were in memory, before the report started. */
  rssBeforeMb: number;
  peakRssMb: number;
}

const RESULTS = 50_000;
const DAY = 86_400_000;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'];

/** `count` results spread over the catalogue; about 15% FAIL, and `shift` moves which ones do (new / resolved). */
function results(count: number, shift: number): CheckResult[] {
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

function scanOf(list: CheckResult[], finishedAt: Date): ScanReport {
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'awscheck-bench-report-'));
  const store = openSqliteStore(join(dir, 'awscheck.db'));
  const slack = await startFakeSlack();
  const now = new Date('2026-11-25T00:00:00Z');
  try {
    const recorder = new ScanRecorder(store);
    // Yesterday's scan is the baseline the report diffs against.
    await recorder.save(scanOf(results(RESULTS, 0), new Date(now.getTime() - DAY)));
    const today = scanOf(results(RESULTS, 3), new Date(now.getTime() - 60_000));
    const service = new ReportService({
      store,
      recorder,
      slack: createReportSlackClient('xoxb-bench-token', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
      channel: 'C0REPORT',
      timeZone: 'UTC',
      locale: 'en',
      retentionDays: 90,
      clock: { now: () => now },
      logger: { info: () => undefined, warn: () => undefined, error: (m: string) => process.stderr.write(`${m}\n`) },
    });
    global.gc?.();
    const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;

    const began = performance.now();
    const posted = await service.post({ run: async () => today });
    const reportMs = performance.now() - began;
    const peakAfterReport = peakRssMb();
    if (posted.record.status !== 'posted') throw new Error(`the report was not posted: ${posted.record.error ?? posted.record.status}`);

    // Building and rendering alone, from the stored scans: what a preview or a re-render costs.
    const renderBegan = performance.now();
    const report = await service.compose(posted.report.scanId);
    renderSlackReport(report, 'en');
    resultsToCsv(report.scan.results);
    const buildAndRenderMs = performance.now() - renderBegan;

    const result: ReportBenchResult = {
      results: today.results.length,
      reportMs,
      buildAndRenderMs,
      newFindings: posted.report.diff.new.length,
      resolvedFindings: posted.report.diff.resolved.length,
      rssBeforeMb,
      peakRssMb: peakAfterReport,
    };
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
