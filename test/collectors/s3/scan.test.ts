// The S3 checks through the real engine: one bucket listing, per-bucket calls in each bucket's region,
// and an AccessDenied on one bucket that is ERROR for that bucket and that call's checks only.
import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { s3Checks } from '../../../checks/s3/index.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import { scan } from '../../../src/engine/scan.ts';
import type { ScanProgress } from '../../../src/engine/types.ts';
import { accessDenied } from './context.ts';

const ACCOUNT = '111122223333';
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const s3 = mockClient(S3Client);
const s3control = mockClient(S3ControlClient);

const sslPolicy = (bucket: string) =>
  JSON.stringify({
    Statement: [
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });

const routed: string[] = [];

beforeEach(() => {
  routed.length = 0;
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'ap-northeast-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'me-central-1', OptInStatus: 'not-opted-in' },
    ],
  });
  s3.on(ListBucketsCommand)
    .resolvesOnce({ Buckets: [{ Name: 'tokyo-data', BucketRegion: 'ap-northeast-1' }, { Name: 'eu-legacy' }], ContinuationToken: 'next' })
    .resolvesOnce({ Buckets: [{ Name: 'uae-bucket', BucketRegion: 'me-central-1' }] });
  s3.on(GetBucketLocationCommand, { Bucket: 'eu-legacy' }).resolves({ LocationConstraint: 'EU' });
  s3.on(GetBucketPolicyStatusCommand).rejects(Object.assign(new Error('The bucket policy does not exist'), { name: 'NoSuchBucketPolicy' }));
  s3.on(GetBucketPolicyStatusCommand, { Bucket: 'tokyo-data' }).resolves({ PolicyStatus: { IsPublic: false } });
  s3.on(GetBucketAclCommand).callsFake(async (input: { Bucket: string }, getClient) => {
    routed.push(`${input.Bucket}@${await getClient().config.region()}`);
    if (input.Bucket === 'tokyo-data') throw accessDenied();
    return { Owner: { ID: 'me' }, Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] };
  });
  s3.on(GetPublicAccessBlockCommand).rejects(Object.assign(new Error('none'), { name: 'NoSuchPublicAccessBlockConfiguration' }));
  s3.on(GetBucketPolicyCommand).rejects(Object.assign(new Error('none'), { name: 'NoSuchBucketPolicy' }));
  s3.on(GetBucketPolicyCommand, { Bucket: 'tokyo-data' }).resolves({ Policy: sslPolicy('tokyo-data') });
  s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled' });
  s3.on(GetBucketLoggingCommand).resolves({});
  s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
  s3control.on(GetAccountPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: { IgnorePublicAcls: true } });
});

afterEach(() => {
  sts.reset();
  ec2.reset();
  s3.reset();
  s3control.reset();
});

const statusOf = (report: Awaited<ReturnType<typeof scan>>, checkId: string) =>
  Object.fromEntries(report.results.filter((r) => r.checkId === checkId).map((r) => [r.resourceId, r.status]));

describe('S3 checks through the engine', () => {
  it('evaluates every bucket in an enabled region, each in its own region', async () => {
    const progress: ScanProgress[] = [];
    const report = await scan({ services: ['s3'] }, { settings: defaultSettings(), checks: s3Checks }, { onProgress: (p) => progress.push(p) });

    // me-central-1 is not enabled, so its bucket is not in scope.
    expect(report.results.some((r) => r.resourceId === 'uae-bucket')).toBe(false);
    expect(routed.sort()).toEqual(['eu-legacy@eu-west-1', 'tokyo-data@ap-northeast-1']);
    const account = report.results.find((r) => r.checkId === 's3.account-public-access-block');
    expect(account).toMatchObject({ status: 'FAIL', region: 'global', resourceType: 'AWS::::Account', resourceId: ACCOUNT });
    const legacy = report.results.find((r) => r.checkId === 's3.bucket-public' && r.resourceId === 'eu-legacy');
    // The AllUsers grant is neutralised by the account-level IgnorePublicAcls.
    expect(legacy).toMatchObject({ status: 'PASS', region: 'eu-west-1', accountId: ACCOUNT, resourceArn: 'arn:aws:s3:::eu-legacy' });
    expect(legacy?.evidence).toContain('neutralised by the account-level IgnorePublicAcls');
    expect(statusOf(report, 's3.bucket-ssl-only')).toEqual({ 'tokyo-data': 'PASS', 'eu-legacy': 'FAIL' });

    expect(s3.commandCalls(ListBucketsCommand)).toHaveLength(2);
    // Two checks need GetBucketVersioning; it is still one call per bucket.
    expect(s3.commandCalls(GetBucketVersioningCommand)).toHaveLength(2);
    expect(progress.at(-1)?.s3).toEqual({ done: 2, total: 2, unit: 'buckets', finished: true });
  });

  it('makes AccessDenied on one bucket ERROR for that bucket, only in the checks that need the call', async () => {
    const report = await scan({}, { settings: defaultSettings(), checks: s3Checks });
    const errors = report.results.filter((r) => r.status === 'ERROR');
    expect(errors.map((r) => [r.checkId, r.resourceId, r.region])).toEqual([['s3.bucket-public', 'tokyo-data', 'ap-northeast-1']]);
    expect(errors[0]?.evidence).toContain('AccessDenied');
    expect(statusOf(report, 's3.bucket-public')).toEqual({ 'tokyo-data': 'ERROR', 'eu-legacy': 'PASS' });
    expect(statusOf(report, 's3.bucket-versioning')).toEqual({ 'tokyo-data': 'PASS', 'eu-legacy': 'PASS' });
    // 1 account result + 7 checks × 2 buckets.
    expect(report.results).toHaveLength(15);
  });

  it('narrows buckets to the selected regions', async () => {
    const report = await scan({ regions: ['eu-west-1'] }, { settings: defaultSettings(), checks: s3Checks });
    expect(new Set(report.results.map((r) => r.region))).toEqual(new Set(['global', 'eu-west-1']));
    expect(new Set(report.results.filter((r) => r.region !== 'global').map((r) => r.resourceId))).toEqual(new Set(['eu-legacy']));
    expect(routed).toEqual(['eu-legacy@eu-west-1']);
  });

  it('fetches only what the selected checks need', async () => {
    await scan({ checks: ['s3.bucket-mfa-delete'] }, { settings: defaultSettings(), checks: s3Checks });
    expect(s3.commandCalls(GetBucketVersioningCommand)).toHaveLength(2);
    expect(s3.commandCalls(GetBucketAclCommand)).toHaveLength(0);
    expect(s3control.commandCalls(GetAccountPublicAccessBlockCommand)).toHaveLength(0);
  });
});
