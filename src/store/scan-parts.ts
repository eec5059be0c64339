// A scan put together part by part, as both stores do while it streams in: the header facts (accounts,
// regions, errors, notes) grow with each part; results go to the store's own result storage. And the scan
// read back as one report, whole or for one account.
import type { AccountReport } from '../engine/scan.ts';
import type { CheckResult, ScanAccount, ScanError, ScanNote, ScanReport, ScanSelection } from '../engine/types.ts';
import type { ScanPart, ScanStart, ScanSummary, Store } from './store.ts';

/** Everything a stored scan keeps beside its results and counts. */
export interface ScanHead {
  accounts: ScanAccount[];
  regions: string[];
  errors: ScanError[];
  notes: ScanNote[];
  selection: ScanSelection;
}

export function headOf(start: ScanStart): ScanHead {
  return { accounts: start.accounts, regions: start.regions ?? [], errors: start.errors ?? [], notes: start.notes ?? [], selection: start.selection };
}

/**
 * The head after a part: new accounts added, errors and notes after the earlier ones, new regions merged and
 * sorted as the engine reports them (regions already known are kept as given, so a saved report reads back as it was).
 */
export function withPart(head: ScanHead, part: ScanPart): ScanHead {
  const known = new Set(head.accounts.map((a) => a.accountId));
  return {
    accounts: [...head.accounts, ...part.accounts.filter((a) => !known.has(a.accountId))],
    regions: part.regions.every((r) => head.regions.includes(r)) ? head.regions : [...new Set([...head.regions, ...part.regions])].sort(),
    errors: [...head.errors, ...part.errors],
    notes: [...head.notes, ...part.notes],
    selection: head.selection,
  };
}

/** One account's part from the engine (ScanOptions.onAccount). */
export function partOf(account: AccountReport): ScanPart {
  return { accounts: [account.account], regions: account.regions, results: account.results, errors: account.errors, notes: account.notes };
}

/** A whole report as a start and a single part, so saving it keeps its result and region order exactly. */
export function splitReport(report: ScanReport): { start: ScanStart; part: ScanPart } {
  return {
    start: { startedAt: report.startedAt, selection: report.selection, accounts: report.accounts, regions: report.regions },
    part: { accounts: [], regions: [], results: report.results, errors: report.errors, notes: report.notes },
  };
}

/** Store.saveScan in the three steps every store offers: begin, one part, finish. */
export async function saveInSteps(store: Pick<Store, 'beginScan' | 'appendScan' | 'finishScan'>, report: ScanReport): Promise<ScanSummary> {
  const { start, part } = splitReport(report);
  const id = await store.beginScan(start);
  await store.appendScan(id, part);
  return store.finishScan(id, { finishedAt: report.finishedAt });
}

/** A stored scan as one report: its head, its times and the results read back. */
export function reportOf(head: ScanHead, times: { startedAt: string; finishedAt: string }, results: CheckResult[]): ScanReport {
  return {
    schema: 'awscheck.scan/v1',
    startedAt: times.startedAt,
    finishedAt: times.finishedAt,
    accounts: head.accounts,
    regions: head.regions,
    results,
    errors: head.errors,
    notes: head.notes,
    selection: head.selection,
  };
}

/** The report narrowed to one account (Store.latestPerAccount): its results, and the errors and notes of it or of no account. */
export function narrowedTo(report: ScanReport, accountId: string): ScanReport {
  const mine = (item: { accountId?: string }) => item.accountId === undefined || item.accountId === accountId;
  return {
    ...report,
    accounts: report.accounts.filter((a) => a.accountId === accountId),
    results: report.results.filter((r) => r.accountId === accountId),
    errors: report.errors.filter(mine),
    notes: report.notes.filter(mine),
  };
}
