// Before a results message is rendered: store its failing findings for "Show all" and compute the buttons
// of the findings it may show (which stores their snapshots). Rendering then only reads what this returns.
import type { AnyCheck, CheckResult, ScanReport } from '../../engine/types.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Button } from '../render/blocks.ts';
import { type FindingActions, findingsWithButtons } from '../render/results.ts';
import { type FindingGroup, groupFailures } from './groups.ts';
import type { ResultSets } from './result-sets.ts';

/**
 * Extra buttons for a whole group (a "Fix all (N)…" for a check that has a fix), given the stored result set
 * the group belongs to. Called before rendering; it may store what its buttons point at.
 */
export type GroupActions = (group: FindingGroup, resultSetId: string | undefined, locale?: Locale) => Button[];

export interface PreparedResults {
  resultSetId?: string;
  findingButtons: ReadonlyMap<CheckResult, readonly Button[]>;
  groupButtons: ReadonlyMap<string, readonly Button[]>;
}

export interface PrepareOptions {
  /** The reader's language, for the buttons' labels. */
  locale: Locale;
  catalogue: readonly AnyCheck[];
  findingActions?: FindingActions;
  groupActions?: GroupActions;
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
  if (findingActions) for (const finding of findingsWithButtons(report, options.catalogue)) findingButtons.set(finding, findingActions(finding, options.locale));
  const groupButtons = new Map<string, readonly Button[]>();
  const { groupActions } = options;
  if (groupActions) {
    for (const group of groupFailures(failing, options.catalogue)) {
      const buttons = groupActions(group, resultSetId, options.locale);
      if (buttons.length > 0) groupButtons.set(group.checkId, buttons);
    }
  }
  return { ...(resultSetId ? { resultSetId } : {}), findingButtons, groupButtons };
}
