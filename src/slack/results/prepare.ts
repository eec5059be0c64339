// Before a results message is rendered: store its failing findings for "Show all" and compute the buttons
// of the findings it may show (which stores their snapshots). Rendering then only reads what this returns.
import type { AnyCheck, CheckResult, ScanReport } from '../../engine/types.ts';
import type { Button } from '../render/blocks.ts';
import { type FindingActions, findingsWithButtons } from '../render/results.ts';
import type { ResultSets } from './result-sets.ts';

export interface PreparedResults {
  resultSetId?: string;
  findingButtons: ReadonlyMap<CheckResult, readonly Button[]>;
}

export interface PrepareOptions {
  catalogue: readonly AnyCheck[];
  findingActions?: FindingActions;
  resultSets?: ResultSets;
  /** Saves the set once per key (App Home saves the same account's latest scan on every visit). */
  key?: string;
}

export async function prepareResults(report: ScanReport, options: PrepareOptions): Promise<PreparedResults> {
  const failing = report.results.filter((r) => r.status === 'FAIL');
  const resultSetId =
    options.resultSets && failing.length > 0
      ? await options.resultSets.save({ accounts: report.accounts, failing }, options.key !== undefined ? { key: options.key } : {})
      : undefined;
  const findingButtons = new Map<CheckResult, readonly Button[]>();
  const { findingActions } = options;
  if (findingActions) for (const finding of findingsWithButtons(report, options.catalogue)) findingButtons.set(finding, findingActions(finding));
  return { ...(resultSetId ? { resultSetId } : {}), findingButtons };
}
