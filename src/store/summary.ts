// A scan's summary as every store keeps it: counts, completeness and score, computed once from the report.
import { randomUUID } from 'node:crypto';
import { postureScore } from '../engine/score.ts';
import type { ScanReport } from '../engine/types.ts';
import { selectionKey } from './selection-key.ts';
import type { ScanSummary } from './store.ts';

export function summaryOf(report: ScanReport, id: string = randomUUID()): ScanSummary {
  let failCount = 0;
  let errorCount = 0;
  for (const r of report.results) {
    if (r.status === 'FAIL') failCount += 1;
    else if (r.status === 'ERROR') errorCount += 1;
  }
  return {
    id,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    selectionKey: selectionKey(report.selection),
    accounts: report.accounts,
    regions: report.regions,
    complete: report.errors.length === 0 && errorCount === 0,
    score: postureScore(report.results),
    resultCount: report.results.length,
    failCount,
    errorCount,
  };
}
