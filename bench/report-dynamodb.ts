// The report benchmark on the DynamoDB store: the same daily report for a 50,000-result scan as bench/report.ts,
// with the store on dynalite (behind the test front, on 127.0.0.1) instead of SQLite. Measures the time and
// the table traffic: requests, items written and items read (result chunks count as one item each).
import { DynamoDbStore } from '../src/store/dynamodb/history-store.ts';
import { initTable } from '../src/store/dynamodb/init.ts';
import { ScanRecorder } from '../src/store/recorder.ts';
import { startDynamoDbLocal } from '../test/helpers/dynamodb-local.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { peakRssMb, RESULT_PREFIX } from './args.ts';
import { benchReportService, DAY, RESULTS, results, scanOf } from './report-data.ts';

export interface DynamoDbReportBenchResult {
  results: number;
  /** Saving today's scan alone: chunks, account links, header. */
  saveMs: number;
  saveItemsWritten: number;
  saveRequests: number;
  /** The daily run for a finished scan: save, read yesterday's, diff, build, render, store, post, attach the CSV. */
  reportMs: number;
  itemsWritten: number;
  itemsRead: number;
  requests: Record<string, number>;
  /** Reading the 50,000-result scan back by id. */
  readMs: number;
  readItems: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  // dynalite checks that requests are signed, not by whom: fixed local credentials, never the machine's own.
  process.env.AWS_ACCESS_KEY_ID = 'AKIABENCHBENCHBENCH0';
  process.env.AWS_SECRET_ACCESS_KEY = 'bench-secret';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  const local = await startDynamoDbLocal();
  const slack = await startFakeSlack();
  const table = 'awscheck-bench';
  await initTable({ table, region: 'us-east-1', endpoint: local.endpoint });
  const store = new DynamoDbStore({ table, region: 'us-east-1', endpoint: local.endpoint, retentionDays: 90 });
  const now = new Date('2026-11-25T00:00:00Z');
  try {
    const recorder = new ScanRecorder(store);
    await recorder.save(scanOf(results(RESULTS, 0), new Date(now.getTime() - 2 * DAY)));
    // Saving alone, measured on a scan of its own.
    local.resetStats();
    let began = performance.now();
    await store.saveScan(scanOf(results(RESULTS, 1), new Date(now.getTime() - DAY)));
    const saveMs = performance.now() - began;
    const saveItemsWritten = local.stats.itemsWritten;
    const saveRequests = Object.values(local.stats.requests).reduce((n, c) => n + c, 0);

    const today = scanOf(results(RESULTS, 3), new Date(now.getTime() - 60_000));
    const service = benchReportService(store, recorder, slack.apiUrl, now);
    local.resetStats();
    began = performance.now();
    const posted = await service.post({ run: async () => today });
    const reportMs = performance.now() - began;
    if (posted.record.status !== 'posted') throw new Error(`the report was not posted: ${posted.record.error ?? posted.record.status}`);
    const { itemsWritten, itemsRead, requests } = local.stats;
    const reportStats = { itemsWritten, itemsRead, requests: { ...requests } };

    local.resetStats();
    began = performance.now();
    const stored = await store.getScan(posted.report.scanId);
    const readMs = performance.now() - began;
    if (stored?.report.results.length !== RESULTS) throw new Error('the scan did not read back whole');

    const result: DynamoDbReportBenchResult = {
      results: RESULTS,
      saveMs,
      saveItemsWritten,
      saveRequests,
      reportMs,
      ...reportStats,
      readMs,
      readItems: local.stats.itemsRead,
      peakRssMb: peakRssMb(),
    };
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
    await slack.close();
    await local.close();
  }
}

await main();
