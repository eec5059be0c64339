import { describe, expect, it } from 'vitest';
import { bucketPublicAccessBlock } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { ALL_ON, bpa, bucket, failed, NONE, ok } from '../../../test/checks/s3/fixtures.ts';

describe('s3.bucket-public-access-block', () => {
  it('gives one result per bucket, in the bucket region, PASS as well as FAIL', () => {
    const results = evaluate(bucketPublicAccessBlock, [
      [ok(bucket('on', 'eu-west-1'), ALL_ON), ok(bucket('none', 'us-east-1'), NONE), ok(bucket('half'), bpa({ IgnorePublicAcls: true }))],
    ]);
    expect(results.map((r) => [r.resourceId, r.region, r.status])).toEqual([
      ['on', 'eu-west-1', 'PASS'],
      ['none', 'us-east-1', 'FAIL'],
      ['half', 'ap-northeast-1', 'FAIL'],
    ]);
    expect(results[0]).toMatchObject({ resourceType: 'AWS::S3::Bucket', resourceArn: 'arn:aws:s3:::on', severity: 'medium' });
    expect(results[1]?.evidence).toBe('Bucket none has no Block Public Access configuration (all four settings are off)');
    expect(results[2]?.evidence).toBe('Bucket half has Block Public Access BlockPublicAcls, BlockPublicPolicy, RestrictPublicBuckets off');
    const [ja] = evaluate(bucketPublicAccessBlock, [[ok(bucket('half'), bpa({ IgnorePublicAcls: true }))]], { locale: 'ja' });
    expect(ja?.evidence).toBe('バケット half のブロックパブリックアクセスで BlockPublicAcls、BlockPublicPolicy、RestrictPublicBuckets が無効です');
    expect(results[2]?.details).toMatchObject({ configured: true, publicAccessBlock: { IgnorePublicAcls: true, BlockPublicAcls: false } });
  });

  it('is ERROR for a bucket whose setting could not be read, and only for it', () => {
    const results = evaluate(bucketPublicAccessBlock, [[failed(bucket('locked')), ok(bucket('open'), NONE)]]);
    expect(results.map((r) => r.status)).toEqual(['ERROR', 'FAIL']);
    expect(results[0]?.evidence).toBe('Bucket locked could not be evaluated: AccessDenied: Access Denied');
  });
});
