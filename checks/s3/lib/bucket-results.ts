// What every per-bucket S3 result shares: where the bucket is, and ERROR when its data could not be read.
import type { Bucket, BucketOutcome, PublicAccessBlockConfig } from '../../../src/collectors/s3/types.ts';
import { PUBLIC_ACCESS_BLOCK_SETTINGS } from '../../../src/collectors/s3/public-access-block.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { type CheckMeta, type Collector, type EvaluateContext, GLOBAL_REGION, type ResultDraft } from '../../../src/engine/types.ts';
import { type CheckWords, checkTexts } from '../../lib/words.ts';

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

export interface BucketCheck<T> extends Pick<CheckMeta, 'id' | 'severity' | 'cis' | 'securityHub' | 'fix'> {
  /** The one per-bucket collector whose value the check judges. */
  reads: Collector<BucketOutcome<T>[]>;
  words: { en: CheckWords; ja: CheckWords };
  /** The verdict on one readable bucket; said in the check's folder, whose words hold its sentences. */
  judge: (bucket: Bucket, value: T, ctx: EvaluateContext) => BucketVerdict;
}

/** A check of one per-bucket setting: one result per bucket, ERROR for a bucket whose setting could not be read. */
export function defineBucketCheck<T>({ id, severity, cis, securityHub, fix, reads, words, judge }: BucketCheck<T>) {
  return defineCheck({
    id,
    service: 's3',
    severity,
    cis,
    securityHub,
    ...(fix === undefined ? {} : { fix }),
    scope: 'global',
    needs: [reads],
    ...checkTexts(words.en, words.ja),
    evaluate([outcomes], ctx) {
      return judgeBuckets(outcomes, ctx, (bucket, value) => judge(bucket, value, ctx));
    },
  });
}

/** The Block Public Access settings that are off, in AWS's order (AWS's names, in every language). */
export function settingsOff(config: PublicAccessBlockConfig): string[] {
  return PUBLIC_ACCESS_BLOCK_SETTINGS.filter((setting) => !config[setting]);
}
