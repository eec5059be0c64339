// The report benchmark: the daily report for a 50,000-result scan, through the real ReportService (save
// the scan in SQLite, diff against yesterday's 50,000 results, build, render for Slack, store, post, attach
// the full CSV) with a fake Slack on 127.0.0.1. No AWS here: the results are generated, with the catalogue's
// real ids and severities, so this child process carries none of the scan's memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultsToCsv } from '../src/render/csv.ts';
import { renderSlackReport } from '../src/slack/delivery/report/blocks.ts';
import { ScanRecorder } from '../src/store/recorder.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { peakRssMb, RESULT_PREFIX } from './args.ts';
import { benchReportService, DAY, RESULTS, results, scanOf } from './report-data.ts';

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
    const service = benchReportService(store, recorder, slack.apiUrl, now);
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
    resultsToCsv(report.scan.results, 'en');
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
