// A scan's summary as every store keeps it: counts, completeness and score. Computed once from a whole
// report, or added up part by part while a scan streams in (ScanTally), with the same result.
import { randomUUID } from 'node:crypto';
import { SEVERITY_WEIGHTS } from '../engine/score.ts';
import type { CheckResult, ScanReport, Severity, Status } from '../engine/types.ts';
import { selectionKey } from './selection-key.ts';
import type { ScanSummary } from './store.ts';

/** The counts a summary needs, small enough to keep in a scan's header while its results stream in. */
export interface ScanCounts {
  resultCount: number;
  failCount: number;
  errorCount: number;
  /** Severity weights of the PASS results, and of PASS and FAIL together: postureScore without the results. */
  passWeight: number;
  evaluatedWeight: number;
}

export const NO_COUNTS: ScanCounts = { resultCount: 0, failCount: 0, errorCount: 0, passWeight: 0, evaluatedWeight: 0 };

/** Adds `n` results of one status and severity to the counts (n > 1 when a store counts them in a query). */
export function countInto(counts: ScanCounts, status: Status, severity: Severity, n = 1): void {
  counts.resultCount += n;
  if (status === 'FAIL') counts.failCount += n;
  else if (status === 'ERROR') counts.errorCount += n;
  if (status === 'PASS' || status === 'FAIL') {
    const weight = SEVERITY_WEIGHTS[severity] * n;
    counts.evaluatedWeight += weight;
    if (status === 'PASS') counts.passWeight += weight;
  }
}

export function countResults(results: readonly CheckResult[]): ScanCounts {
  const counts = { ...NO_COUNTS };
  for (const r of results) countInto(counts, r.status, r.severity);
  return counts;
}

/** postureScore (src/engine/score.ts) from the weights alone: the same rounding, undefined when nothing was evaluated. */
export function scoreOf(counts: ScanCounts): number | undefined {
  return counts.evaluatedWeight === 0 ? undefined : Math.round((1000 * counts.passWeight) / counts.evaluatedWeight) / 10;
}

/** The summary of a scan from its header facts and counts. */
export function summaryFrom(
  id: string,
  scan: Pick<ScanReport, 'startedAt' | 'finishedAt' | 'selection' | 'accounts' | 'regions'> & { errors: readonly unknown[] },
  counts: ScanCounts,
): ScanSummary {
  return {
    id,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    selectionKey: selectionKey(scan.selection),
    accounts: scan.accounts,
    regions: scan.regions,
    complete: scan.errors.length === 0 && counts.errorCount === 0,
    score: scoreOf(counts),
    resultCount: counts.resultCount,
    failCount: counts.failCount,
    errorCount: counts.errorCount,
  };
}

export function summaryOf(report: ScanReport, id: string = randomUUID()): ScanSummary {
  return summaryFrom(id, report, countResults(report.results));
}
