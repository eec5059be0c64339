// How each per-bucket collector reads its call's answer, including the "not configured" answers.
import {
  GetBucketAclCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from 'vitest';
import { bucketAcl } from '../../../src/collectors/s3/bucket-acl.ts';
import { bucketLogging } from '../../../src/collectors/s3/bucket-logging.ts';
import { bucketOwnership } from '../../../src/collectors/s3/bucket-ownership.ts';
import { bucketPolicyStatus } from '../../../src/collectors/s3/bucket-policy-status.ts';
import { bucketPolicy } from '../../../src/collectors/s3/bucket-policy.ts';
import { bucketPublicAccessBlock } from '../../../src/collectors/s3/bucket-public-access-block.ts';
import { bucketVersioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import type { BucketOutcome } from '../../../src/collectors/s3/types.ts';
import type { Collector } from '../../../src/engine/types.ts';
import { fileContexts, type TestContext } from './context.ts';

const { s3, collectContext } = fileContexts();
let ctx: TestContext;
beforeEach(() => {
  s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'data', BucketRegion: 'ap-northeast-1' }] });
  ctx = collectContext();
});

const awsError = (name: string) => Object.assign(new Error(`${name} happened`), { name });

/** A new scan's context, so the next answer of a chained mock is read afresh. */
function fresh(): void {
  ctx = collectContext();
}

async function only<T>(collector: Collector<BucketOutcome<T>[]>): Promise<BucketOutcome<T>['outcome']> {
  const outcomes = await collector.collect(ctx);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!.outcome;
}

describe('bucket detail collectors', () => {
  it('policy status: AWS verdict, and no policy = not public', async () => {
    s3.on(GetBucketPolicyStatusCommand).resolvesOnce({ PolicyStatus: { IsPublic: true } }).rejectsOnce(awsError('NoSuchBucketPolicy')).resolvesOnce({});
    expect(await only(bucketPolicyStatus)).toEqual({ ok: true, value: { hasPolicy: true, isPublic: true } });
    fresh();
    expect(await only(bucketPolicyStatus)).toEqual({ ok: true, value: { hasPolicy: false, isPublic: false } });
    fresh();
    const odd = await only(bucketPolicyStatus);
    expect(odd.ok).toBe(false);
  });

  it('ACL: flattens grants', async () => {
    s3.on(GetBucketAclCommand).resolves({
      Owner: { ID: 'owner' },
      Grants: [
        { Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' },
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
      ],
    });
    expect(await only(bucketAcl)).toEqual({
      ok: true,
      value: {
        ownerId: 'owner',
        grants: [
          { granteeType: 'CanonicalUser', id: 'owner', permission: 'FULL_CONTROL' },
          { granteeType: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permission: 'READ' },
        ],
      },
    });
  });

  it('Block Public Access: settings as given, and none configured = all off', async () => {
    s3.on(GetPublicAccessBlockCommand)
      .resolvesOnce({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true } })
      .rejectsOnce(awsError('NoSuchPublicAccessBlockConfiguration'));
    expect(await only(bucketPublicAccessBlock)).toEqual({
      ok: true,
      value: { configured: true, config: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } },
    });
    fresh();
    expect(await only(bucketPublicAccessBlock)).toMatchObject({ ok: true, value: { configured: false, config: { BlockPublicAcls: false } } });
  });

  it('policy: the text, or null when there is none', async () => {
    s3.on(GetBucketPolicyCommand).resolvesOnce({ Policy: '{"Statement":[]}' }).rejectsOnce(awsError('NoSuchBucketPolicy'));
    expect(await only(bucketPolicy)).toEqual({ ok: true, value: '{"Statement":[]}' });
    fresh();
    expect(await only(bucketPolicy)).toEqual({ ok: true, value: null });
  });

  it('versioning: never enabled answers without a Status', async () => {
    s3.on(GetBucketVersioningCommand).resolvesOnce({}).resolvesOnce({ Status: 'Enabled', MFADelete: 'Enabled' });
    expect(await only(bucketVersioning)).toEqual({ ok: true, value: { status: 'Off', mfaDelete: false } });
    fresh();
    expect(await only(bucketVersioning)).toEqual({ ok: true, value: { status: 'Enabled', mfaDelete: true } });
  });

  it('logging: target bucket and prefix', async () => {
    s3.on(GetBucketLoggingCommand).resolvesOnce({ LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'data/' } }).resolvesOnce({});
    expect(await only(bucketLogging)).toEqual({ ok: true, value: { enabled: true, targetBucket: 'logs', targetPrefix: 'data/' } });
    fresh();
    expect(await only(bucketLogging)).toEqual({ ok: true, value: { enabled: false } });
  });

  it('ownership: the rule, or null when the bucket has no ownership controls', async () => {
    s3.on(GetBucketOwnershipControlsCommand)
      .resolvesOnce({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } })
      .rejectsOnce(awsError('OwnershipControlsNotFoundError'))
      .rejectsOnce(awsError('AccessDenied'));
    expect(await only(bucketOwnership)).toEqual({ ok: true, value: { objectOwnership: 'BucketOwnerEnforced' } });
    fresh();
    expect(await only(bucketOwnership)).toEqual({ ok: true, value: { objectOwnership: null } });
    fresh();
    expect(await only(bucketOwnership)).toEqual({ ok: false, error: 'AccessDenied: AccessDenied happened' });
  });
});
