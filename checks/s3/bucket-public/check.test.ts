import { describe, expect, it } from 'vitest';
import { bucketPublic } from './check.ts';
import type { AclGrant, Bucket, BucketAcl, BucketOutcome, BucketPolicyStatus, PublicAccessBlockState } from '../../../src/collectors/s3/types.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { ALL_ON, bpa, bucket, failed, NONE, ok } from '../../../test/checks/s3/fixtures.ts';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const OWNER_ONLY: BucketAcl = { ownerId: 'owner', grants: [{ granteeType: 'CanonicalUser', id: 'owner', permission: 'FULL_CONTROL' }] };
const group = (uri: string, permission: string): AclGrant => ({ granteeType: 'Group', uri, permission });
const withGrants = (...grants: AclGrant[]): BucketAcl => ({ ownerId: 'owner', grants: [...OWNER_ONLY.grants, ...grants] });

interface Inputs {
  status?: BucketOutcome<BucketPolicyStatus>;
  acl?: BucketOutcome<BucketAcl>;
  bucketBpa?: BucketOutcome<PublicAccessBlockState>;
  account?: PublicAccessBlockState;
  locale?: Locale;
}

function run(b: Bucket, inputs: Inputs) {
  const results = evaluate(
    bucketPublic,
    [
      [inputs.status ?? ok(b, { hasPolicy: false, isPublic: false })],
      [inputs.acl ?? ok(b, OWNER_ONLY)],
      [inputs.bucketBpa ?? ok(b, NONE)],
      inputs.account ?? NONE,
    ],
    inputs.locale ? { locale: inputs.locale } : {},
  );
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe('s3.bucket-public', () => {
  it('passes a bucket with no policy and an owner-only ACL', () => {
    const b = bucket('private', 'eu-west-1');
    const result = run(b, {});
    expect(result).toMatchObject({
      status: 'PASS',
      severity: 'critical',
      region: 'eu-west-1',
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'private',
      resourceArn: 'arn:aws:s3:::private',
      details: { hasPolicy: false, policyIsPublic: false, publicAclGrants: [] },
    });
    expect(result.evidence).toBe('Bucket private is not public: no public bucket policy and no ACL grants to AllUsers or AuthenticatedUsers');
  });

  it('trusts AWS policy evaluation: a policy limited by a condition is not public', () => {
    const b = bucket('vpc-only');
    const result = run(b, { status: ok(b, { hasPolicy: true, isPublic: false }) });
    expect(result.status).toBe('PASS');
    expect(result.details).toMatchObject({ hasPolicy: true, policyIsPublic: false });
  });

  it('fails a public policy that Block Public Access does not neutralise', () => {
    const b = bucket('site');
    const result = run(b, {
      status: ok(b, { hasPolicy: true, isPublic: true }),
      account: bpa({ IgnorePublicAcls: true, BlockPublicPolicy: true }),
    });
    expect(result.status).toBe('FAIL');
    expect(result.evidence).toBe('Bucket site is public: its bucket policy is public (AWS policy evaluation), not neutralised by Block Public Access');
  });

  it('fails an ACL granting AllUsers, naming the permissions', () => {
    const b = bucket('legacy');
    const result = run(b, { acl: ok(b, withGrants(group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE'), group(AUTHENTICATED, 'READ_ACP'))) });
    expect(result.status).toBe('FAIL');
    expect(result.evidence).toBe(
      'Bucket legacy is public: its ACL grants READ, WRITE to everyone (AllUsers), READ_ACP to any AWS user (AuthenticatedUsers), not neutralised by Block Public Access',
    );
    expect(result.details.publicAclGrants).toEqual([
      { group: 'AllUsers', permission: 'READ' },
      { group: 'AllUsers', permission: 'WRITE' },
      { group: 'AuthenticatedUsers', permission: 'READ_ACP' },
    ]);
  });

  it('passes an AllUsers grant neutralised by the account-level IgnorePublicAcls, and says so', () => {
    const b = bucket('legacy');
    const result = run(b, { acl: ok(b, withGrants(group(ALL_USERS, 'READ'))), account: bpa({ IgnorePublicAcls: true }) });
    expect(result.status).toBe('PASS');
    expect(result.evidence).toBe(
      'Bucket legacy is not effectively public: its ACL grants READ to everyone (AllUsers), neutralised by the account-level IgnorePublicAcls',
    );
    expect(result.details.acl).toEqual({ state: 'neutralised', by: ['account'] });
  });

  it('passes a public policy neutralised by the bucket-level RestrictPublicBuckets', () => {
    const b = bucket('site');
    const result = run(b, { status: ok(b, { hasPolicy: true, isPublic: true }), bucketBpa: ok(b, ALL_ON), account: ALL_ON });
    expect(result.status).toBe('PASS');
    expect(result.evidence).toContain('neutralised by the account- and bucket-level RestrictPublicBuckets');
  });

  it('does not let IgnorePublicAcls neutralise a public policy', () => {
    const b = bucket('site');
    const result = run(b, { status: ok(b, { hasPolicy: true, isPublic: true }), bucketBpa: ok(b, bpa({ IgnorePublicAcls: true, BlockPublicAcls: true })) });
    expect(result.status).toBe('FAIL');
  });

  it('fails the exposed path and mentions the neutralised one', () => {
    const b = bucket('both');
    const result = run(b, {
      status: ok(b, { hasPolicy: true, isPublic: true }),
      acl: ok(b, withGrants(group(ALL_USERS, 'READ'))),
      bucketBpa: ok(b, bpa({ IgnorePublicAcls: true })),
    });
    expect(result.status).toBe('FAIL');
    expect(result.evidence).toBe(
      'Bucket both is public: its bucket policy is public (AWS policy evaluation), not neutralised by Block Public Access; its ACL grants READ to everyone (AllUsers), neutralised by the bucket-level IgnorePublicAcls',
    );
  });

  it('is ERROR, never PASS, when the ACL could not be read', () => {
    const b = bucket('locked');
    const result = run(b, { acl: failed(b) });
    expect(result.status).toBe('ERROR');
    expect(result.evidence).toBe('Could not tell whether bucket locked is public: the ACL could not be read (AccessDenied: Access Denied)');
  });

  it('still fails a known public policy when the ACL could not be read', () => {
    const b = bucket('site');
    const result = run(b, { status: ok(b, { hasPolicy: true, isPublic: true }), acl: failed(b) });
    expect(result.status).toBe('FAIL');
    expect(result.details.errors).toEqual(['AccessDenied: Access Denied']);
  });

  it('is ERROR when a public grant exists and the bucket Block Public Access could not be read', () => {
    const b = bucket('legacy');
    const result = run(b, { acl: ok(b, withGrants(group(ALL_USERS, 'READ'))), bucketBpa: failed(b) });
    expect(result.status).toBe('ERROR');
    expect(result.evidence).toContain('but its Block Public Access could not be read');
  });

  it('needs no bucket Block Public Access when the account neutralises the grant', () => {
    const b = bucket('legacy');
    const result = run(b, { acl: ok(b, withGrants(group(ALL_USERS, 'READ'))), bucketBpa: failed(b), account: ALL_ON });
    expect(result.status).toBe('PASS');
  });

  it('speaks Japanese', () => {
    const b = bucket('legacy');
    const failing = run(b, { acl: ok(b, withGrants(group(ALL_USERS, 'READ'))), locale: 'ja' });
    expect(failing.evidence).toBe(
      'バケット legacy はパブリックです: ACL で全員 (AllUsers) に READ を許可しています (ブロックパブリックアクセスで無効化されていません)',
    );
    const neutral = run(b, { acl: ok(b, withGrants(group(ALL_USERS, 'READ'))), account: bpa({ IgnorePublicAcls: true }), locale: 'ja' });
    expect(neutral.evidence).toBe(
      'バケット legacy は実質的にパブリックではありません: ACL で全員 (AllUsers) に READ を許可していますが、アカウントレベルの IgnorePublicAcls により無効化されています',
    );
    const both = run(b, {
      status: ok(b, { hasPolicy: true, isPublic: true }),
      acl: ok(b, withGrants(group(ALL_USERS, 'READ'), group(AUTHENTICATED, 'WRITE'), group(ALL_USERS, 'READ_ACP'))),
      locale: 'ja',
    });
    expect(both.evidence).toBe(
      'バケット legacy はパブリックです: バケットポリシーがパブリックです (AWS のポリシー評価による)。また、ACL で全員 (AllUsers) に READ、READ_ACP、すべての AWS ユーザー (AuthenticatedUsers) に WRITE を許可しています (ブロックパブリックアクセスで無効化されていません)',
    );
  });

  it('reports each bucket in its own region', () => {
    const tokyo = bucket('tokyo', 'ap-northeast-1');
    const ireland = bucket('ireland', 'eu-west-1');
    const results = evaluate(bucketPublic, [
      [ok(tokyo, { hasPolicy: false, isPublic: false }), ok(ireland, { hasPolicy: true, isPublic: true })],
      [ok(tokyo, OWNER_ONLY), ok(ireland, OWNER_ONLY)],
      [ok(tokyo, NONE), ok(ireland, NONE)],
      NONE,
    ]);
    expect(results.map((r) => [r.resourceId, r.region, r.status])).toEqual([
      ['tokyo', 'ap-northeast-1', 'PASS'],
      ['ireland', 'eu-west-1', 'FAIL'],
    ]);
  });
});
