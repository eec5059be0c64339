// Whether a bucket is effectively public: AWS's verdict on the policy and the public ACL grants, each then
// neutralised or not by Block Public Access (RestrictPublicBuckets for policies, IgnorePublicAcls for ACLs).
// No policy logic of our own: IsPublic comes from GetBucketPolicyStatus.
import type {
  BucketAcl,
  BucketPolicyStatus,
  Outcome,
  PublicAccessBlockConfig,
  PublicAccessBlockState,
} from '../../../src/collectors/s3/types.ts';

const PUBLIC_GROUPS = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
} as const;

export type PublicGroup = (typeof PUBLIC_GROUPS)[keyof typeof PUBLIC_GROUPS];

export interface PublicGrant {
  group: PublicGroup;
  permission: string;
}

export type BpaLevel = 'account' | 'bucket';

/** `unknown`: the path could not be read, or it is public and the bucket's Block Public Access could not be read. */
export type PathState =
  | { state: 'private' }
  | { state: 'exposed' }
  | { state: 'neutralised'; by: BpaLevel[] }
  | { state: 'unknown'; reason: 'unreadable' | 'bpa-unreadable'; error: string };

export interface Exposure {
  policy: PathState;
  acl: PathState;
  publicGrants: PublicGrant[];
  status: 'PASS' | 'FAIL' | 'ERROR';
}

export function publicGrants(acl: BucketAcl): PublicGrant[] {
  const grants: PublicGrant[] = [];
  for (const grant of acl.grants) {
    const group = grant.granteeType === 'Group' && grant.uri ? PUBLIC_GROUPS[grant.uri as keyof typeof PUBLIC_GROUPS] : undefined;
    if (group) grants.push({ group, permission: grant.permission });
  }
  return grants;
}

function pathState(
  isPublic: Outcome<boolean>,
  setting: keyof PublicAccessBlockConfig,
  account: PublicAccessBlockConfig,
  bucket: Outcome<PublicAccessBlockState>,
): PathState {
  if (!isPublic.ok) return { state: 'unknown', reason: 'unreadable', error: isPublic.error };
  if (!isPublic.value) return { state: 'private' };
  const by: BpaLevel[] = [];
  if (account[setting]) by.push('account');
  if (bucket.ok && bucket.value.config[setting]) by.push('bucket');
  if (by.length > 0) return { state: 'neutralised', by };
  if (!bucket.ok) return { state: 'unknown', reason: 'bpa-unreadable', error: bucket.error };
  return { state: 'exposed' };
}

export function assessExposure(
  status: Outcome<BucketPolicyStatus>,
  acl: Outcome<BucketAcl>,
  bucketBpa: Outcome<PublicAccessBlockState>,
  accountBpa: PublicAccessBlockConfig,
): Exposure {
  const grants = acl.ok ? publicGrants(acl.value) : [];
  const policyPublic: Outcome<boolean> = status.ok ? { ok: true, value: status.value.isPublic } : status;
  const aclPublic: Outcome<boolean> = acl.ok ? { ok: true, value: grants.length > 0 } : acl;
  const policy = pathState(policyPublic, 'RestrictPublicBuckets', accountBpa, bucketBpa);
  const aclPath = pathState(aclPublic, 'IgnorePublicAcls', accountBpa, bucketBpa);
  const states = [policy.state, aclPath.state];
  // A known exposure is a FAIL even if the other path is unknown; otherwise unknown is never a PASS.
  const verdict = states.includes('exposed') ? 'FAIL' : states.includes('unknown') ? 'ERROR' : 'PASS';
  return { policy, acl: aclPath, publicGrants: grants, status: verdict };
}
