// The fixes a "Fix…" button may offer: every fix of the ../shared/CHECKS.md "fix → undo" column, each
// module in the folder of the check it fixes, or under <service>/fixes/ when several checks share it. A check
// names its fix by id (`fix` in its metadata); a test keeps that and the fix's checkIds in agreement.
// `awscheck policy --remediation` is generated from this list.
import type { CheckResult } from '../src/engine/types.ts';
import type { AnyFix } from '../src/remediation/fix.ts';
import { findCheck } from './index.ts';
import { defaultGroupRulesFix } from './ec2/sg-default-not-restricted/fix.ts';
import { ebsDefaultEncryptionFix } from './ec2/ebs-default-encryption/fix.ts';
import { ebsSnapshotPublicFix } from './ec2/ebs-snapshot-public/fix.ts';
import { imdsv2Fix } from './ec2/imdsv2-not-required/fix.ts';
import { worldOpenRuleFix } from './ec2/fixes/world-open-rule.ts';
import { accessKeyFix } from './iam/fixes/access-key.ts';
import { passwordPolicyFix } from './iam/password-policy/fix.ts';
import { accountPublicAccessBlockFix } from './s3/account-public-access-block/fix.ts';
import { bucketPublicAccessBlockFix } from './s3/fixes/bucket-public-access-block.ts';
import { bucketSslOnlyFix } from './s3/bucket-ssl-only/fix.ts';
import { bucketVersioningFix } from './s3/bucket-versioning/fix.ts';
import { documentPublicFix } from './ssm/document-public/fix.ts';

// CHECKS.md order.
export const ALL_FIXES: readonly AnyFix[] = [
  accessKeyFix,
  passwordPolicyFix,
  accountPublicAccessBlockFix,
  bucketPublicAccessBlockFix,
  bucketSslOnlyFix,
  bucketVersioningFix,
  worldOpenRuleFix,
  defaultGroupRulesFix,
  imdsv2Fix,
  ebsDefaultEncryptionFix,
  ebsSnapshotPublicFix,
  documentPublicFix,
];

/** The fix that serves a check, if any: the one the check names in its metadata. */
export function fixForCheck(checkId: string): AnyFix | undefined {
  const named = findCheck(checkId)?.fix;
  return named === undefined ? undefined : findFix(named);
}

/** The fix a button may offer for this finding: it must fail (or be muted) and be one the fix can handle. */
export function fixForFinding(finding: CheckResult): AnyFix | undefined {
  if (finding.status !== 'FAIL' && finding.status !== 'MUTED') return undefined;
  const fix = fixForCheck(finding.checkId);
  return fix && (fix.supports?.(finding) ?? true) ? fix : undefined;
}

export function findFix(id: string): AnyFix | undefined {
  return ALL_FIXES.find((fix) => fix.id === id);
}
