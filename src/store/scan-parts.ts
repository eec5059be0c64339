// A scan put together part by part, as both stores do while it streams in: the header facts (accounts,
// regions, errors, notes) grow with each part; results go to the store's own result storage.
import type { AccountReport } from '../engine/scan.ts';
import type { ScanAccount, ScanError, ScanNote, ScanReport, ScanSelection } from '../engine/types.ts';
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
