// What every per-bucket S3 result shares: where the bucket is, and ERROR when its data could not be read.
import type { Bucket, BucketOutcome, PublicAccessBlockConfig } from '../../../src/collectors/s3/types.ts';
import { PUBLIC_ACCESS_BLOCK_SETTINGS } from '../../../src/collectors/s3/public-access-block.ts';
import { type EvaluateContext, GLOBAL_REGION, type ResultDraft } from '../../../src/engine/types.ts';

export type BucketVerdict = Pick<ResultDraft, 'status' | 'evidence' | 'details'>;

export function bucketResource(bucket: Bucket): Pick<ResultDraft, 'region' | 'resourceType' | 'resourceId' | 'resourceArn'> {
  return {
    // A bucket whose region could not be found is still reported, account-wide.
    region: bucket.region ?? GLOBAL_REGION,
    resourceType: 'AWS::S3::Bucket',
    resourceId: bucket.name,
    resourceArn: bucket.arn,
  };
}

export function bucketError(bucket: Bucket, reason: string, ctx: EvaluateContext): BucketVerdict {
  return { status: 'ERROR', evidence: ctx.say('s3:bucketUnreadable', { bucket: bucket.name, reason }), details: { reason } };
}

/** One result per bucket: the judge sees the value, and a failed read becomes ERROR for that bucket only. */
export function judgeBuckets<T>(
  outcomes: readonly BucketOutcome<T>[],
  ctx: EvaluateContext,
  judge: (bucket: Bucket, value: T) => BucketVerdict,
): ResultDraft[] {
  return outcomes.map(({ bucket, outcome }) => ({
    ...bucketResource(bucket),
    ...(outcome.ok ? judge(bucket, outcome.value) : bucketError(bucket, outcome.error, ctx)),
  }));
}

/** The Block Public Access settings that are off, in AWS's order (AWS's names, in every language). */
export function settingsOff(config: PublicAccessBlockConfig): string[] {
  return PUBLIC_ACCESS_BLOCK_SETTINGS.filter((setting) => !config[setting]);
}
