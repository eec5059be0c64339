// The checks that count each user's active access keys: the same collector and one result per user; only
// how many keys fail and the words differ.
import { type AccessKeyInfo, credentialReport, type CredentialReportRow } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import type { CheckFolder } from '../../lib/folder.ts';
import { reportResults, userTarget } from './resources.ts';

/** The slots (1, 2) of the user's active access keys. */
function activeKeySlots(row: CredentialReportRow): AccessKeyInfo['slot'][] {
  return row.accessKeys.filter((k) => k.active).map((k) => k.slot);
}

export interface ActiveKeyCheck extends CheckFolder {
  /** Whether a user holding this many active keys fails. */
  fails: (count: number) => boolean;
  /** The result's sentence for the user and the slots of their active keys; said in the check's folder. */
  evidence: (row: CredentialReportRow, active: AccessKeyInfo['slot'][], ctx: EvaluateContext) => Message;
}

/** One result per user on how many active access keys they hold, ERROR for unreadable rows, else the account's PASS. */
export function defineActiveKeyCheck({ fails, evidence, ...folder }: ActiveKeyCheck) {
  return defineCheck({
    ...folder,
    needs: [credentialReport],
    evaluate([report], ctx) {
      const drafts = report.users.map((row): ResultDraft => {
        const active = activeKeySlots(row);
        return { status: fails(active.length) ? 'FAIL' : 'PASS', ...userTarget(row), evidence: evidence(row, active, ctx), details: { activeKeys: active } };
      });
      return reportResults(report, drafts, ctx, ctx.say('iam:noUsers'));
    },
  });
}
