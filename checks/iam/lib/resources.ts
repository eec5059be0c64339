// How IAM results name what they are about, in CloudFormation terms.
import type { AccessKeyInfo, CredentialReport, CredentialReportRow } from '../../../src/collectors/iam/credential-report.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { accountResource } from '../../lib/account.ts';

type Target = Pick<ResultDraft, 'region' | 'resourceType' | 'resourceId' | 'resourceArn'>;

export function userTarget(row: CredentialReportRow): Target {
  return { region: GLOBAL_REGION, resourceType: 'AWS::IAM::User', resourceId: row.user, resourceArn: row.arn };
}

export function accountTarget(ctx: EvaluateContext, rootArn = `arn:aws:iam::${ctx.accountId}:root`): Target {
  return { ...accountResource(ctx), resourceArn: rootArn };
}

/** A slot holds a key if it is active or has a creation date (an inactive key still exists). */
export function hasKey(key: AccessKeyInfo): boolean {
  return key.active || key.lastRotated !== undefined;
}

/**
 * A check that found nothing to evaluate still answers, on the account, so a report never confuses
 * "nothing to check" with "not checked", and a history diff sees the last finding resolved.
 */
export function orAccountPass(drafts: ResultDraft[], ctx: EvaluateContext, message: Message): ResultDraft[] {
  if (drafts.length > 0) return drafts;
  return [{ status: 'PASS', ...accountTarget(ctx), evidence: message, details: { evaluated: 0 } }];
}

/** A credential-report check's results: its own, ERROR for each user whose row could not be read, else the account's PASS. */
export function reportResults(report: CredentialReport, drafts: ResultDraft[], ctx: EvaluateContext, none: Message): ResultDraft[] {
  return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, none);
}
