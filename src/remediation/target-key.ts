// What a fix request locks: the thing the fix changes, not the finding that led to it. Several checks share
// one fix (four find the same world-open rule, three the same access key), and two requests racing on one
// rule or key must not both reach AWS.
import type { CheckResult } from '../engine/types.ts';

export function fixTargetKey(fixId: string, finding: Pick<CheckResult, 'accountId' | 'region' | 'resourceId' | 'subResourceId'>): string {
  return JSON.stringify([fixId, finding.accountId, finding.region, finding.resourceId, finding.subResourceId ?? '']);
}
