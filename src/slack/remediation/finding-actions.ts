// The buttons next to "Explain" on a failing finding when AWSCHECK_REMEDIATION=on: "Fix…" (only when the
// check has a fix for this finding) and "Accept risk". Both carry a snapshot id, never the finding itself.
import type { CheckResult } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import type { AnyFix } from '../../remediation/fix.ts';
import { REMEDIATION_ACTIONS } from '../ids.ts';
import { RTEXT } from './text.ts';
import { type Button, button } from '../render/blocks.ts';
import type { FindingActions } from '../render/results.ts';

export interface FindingActionsOptions {
  /** The labels' language when the caller names none (channel posts: AWSCHECK_LOCALE). */
  locale: Locale;
  fixFor(finding: CheckResult): AnyFix | undefined;
  /** Stores the finding and returns the id its buttons carry. */
  remember(finding: CheckResult): string;
}

export function remediationFindingActions(options: FindingActionsOptions): FindingActions {
  return (result, locale = options.locale) => {
    if (result.status !== 'FAIL') return [];
    const id = options.remember(result);
    const buttons: Button[] = [];
    if (options.fixFor(result)) buttons.push(button(t(locale, RTEXT.fixButton), REMEDIATION_ACTIONS.fix, id));
    buttons.push(button(t(locale, RTEXT.acceptRiskButton), REMEDIATION_ACTIONS.acceptRisk, id));
    return buttons;
  };
}
