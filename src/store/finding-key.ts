// A finding's identity across scans: the same check on the same (sub-)resource in the same place.
// Diffs, accepted risks and history all match findings by this key, so it must not depend on
// status, severity, evidence or wording.
import type { CheckResult } from '../engine/types.ts';

export type FindingIdentity = Pick<CheckResult, 'checkId' | 'accountId' | 'region' | 'resourceId' | 'subResourceId'>;

/** A stable string key; parts are JSON-encoded so no separator inside an AWS name can make two keys collide. */
export function findingKey(result: FindingIdentity): string {
  return JSON.stringify([result.checkId, result.accountId, result.region, result.resourceId, result.subResourceId ?? '']);
}
