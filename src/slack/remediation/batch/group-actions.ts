// "Fix all (N)…" on a group whose check has a fix (only when remediation is on: main.ts and the tests pass
// it then). N counts the group's findings the fix applies to; the value names the stored result set and
// the check, never the findings themselves.
import type { CheckResult } from '../../../engine/types.ts';
import { type Locale, t } from '../../../i18n/locale.ts';
import type { AnyFix } from '../../../remediation/fix.ts';
import { button } from '../../render/blocks.ts';
import { groupRefValue } from '../../results/group-ref.ts';
import type { GroupActions } from '../../results/prepare.ts';
import { BATCH_ACTIONS } from '../../ids.ts';
import { BTEXT } from './text.ts';

export function fixAllGroupActions(options: { locale: Locale; fixFor(finding: CheckResult): AnyFix | undefined }): GroupActions {
  return (group, resultSetId, locale = options.locale) => {
    if (!resultSetId) return [];
    const fixable = group.findings.filter((f) => options.fixFor(f)).length;
    // One finding has its own Fix… in the group already.
    if (fixable < 2) return [];
    return [button(t(locale, BTEXT.fixAllButton(fixable)), BATCH_ACTIONS.fixAll, groupRefValue({ setId: resultSetId, checkId: group.checkId, page: 0 }))];
  };
}
