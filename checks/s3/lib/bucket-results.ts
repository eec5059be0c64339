// What every per-bucket S3 result shares: where the bucket is, and ERROR when its data could not be read.
import type { Bucket, BucketOutcome, PublicAccessBlockConfig } from '../../../src/collectors/s3/types.ts';
import { PUBLIC_ACCESS_BLOCK_SETTINGS } from '../../../src/collectors/s3/public-access-block.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { type Collector, type EvaluateContext, GLOBAL_REGION, type ResultDraft } from '../../../src/engine/types.ts';
import type { CheckFolder } from '../../lib/folder.ts';

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

export interface BucketCheck<T> extends CheckFolder {
  /** The one per-bucket collector whose value the check judges. */
  reads: Collector<BucketOutcome<T>[]>;
  /** The verdict on one readable bucket; said in the check's folder, whose words hold its sentences. */
  judge: (bucket: Bucket, value: T, ctx: EvaluateContext) => BucketVerdict;
}

/** A check of one per-bucket setting: one result per bucket, ERROR for a bucket whose setting could not be read. */
export function defineBucketCheck<T>({ reads, judge, ...folder }: BucketCheck<T>) {
  return defineCheck({
    ...folder,
    needs: [reads],
    evaluate([outcomes], ctx) {
      return judgeBuckets(outcomes, ctx, (bucket, value) => judge(bucket, value, ctx));
    },
  });
}

/** The Block Public Access settings that are off, in AWS's order (AWS's names, in every language). */
export function settingsOff(config: PublicAccessBlockConfig): string[] {
  return PUBLIC_ACCESS_BLOCK_SETTINGS.filter((setting) => !config[setting]);
}
