// Gathers what a report needs from the store (the scan, its baseline, the score history) and builds it.
import { selectionKey } from '../store/selection-key.ts';
import type { Store, StoredScan } from '../store/store.ts';
import { findBaseline } from './baseline.ts';
import { buildReport, type ExpiringRisk, type PostureReport } from './model.ts';
import { dailyScores } from './trend.ts';
import { daysBefore } from '../time/units.ts';

export const TREND_DAYS = 14;

export interface PrepareOptions {
  name: string;
  /** The scan to report on; default: the latest scan of the whole catalogue, else the latest scan. */
  scanId?: string;
  /** The scan to report on, already in memory (a 50,000-result scan is not read back from the store). */
  current?: StoredScan;
  now: Date;
  timeZone: string;
  expiringRisks?: ExpiringRisk[];
  expiredRisks?: ExpiringRisk[];
}

export class NoScanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoScanError';
  }
}

async function currentScan(store: Store, scanId: string | undefined): Promise<StoredScan> {
  if (scanId !== undefined) {
    const scan = await store.getScan(scanId);
    if (!scan) throw new NoScanError(`scan ${scanId} is not in the store (pruned, or another AWSCHECK_DB?)`);
    return scan;
  }
  const scan = (await store.latestScan({ selectionKey: selectionKey({}) })) ?? (await store.latestScan());
  if (!scan) throw new NoScanError('no scan is stored yet; run one first (`awscheck report --print --scan`, or /awscheck)');
  return scan;
}

export async function prepareReport(store: Store, options: PrepareOptions): Promise<PostureReport> {
  const current = options.current ?? (await currentScan(store, options.scanId));
  const baseline = await findBaseline(store, options.name, current.summary);
  // A day of margin: dailyScores keeps only the last TREND_DAYS calendar days in the report's zone.
  const since = daysBefore(options.now, TREND_DAYS + 1);
  const history = await store.scanSummaries({ selectionKey: current.summary.selectionKey, since });
  return buildReport({
    name: options.name,
    scanId: current.summary.id,
    scan: current.report,
    ...(baseline ? { baseline: { scanId: baseline.summary.id, report: baseline.report, score: baseline.summary.score } } : {}),
    trend: dailyScores(history, options.now, options.timeZone, TREND_DAYS),
    now: options.now,
    timeZone: options.timeZone,
    ...(options.expiringRisks ? { expiringRisks: options.expiringRisks } : {}),
    ...(options.expiredRisks ? { expiredRisks: options.expiredRisks } : {}),
  });
}
