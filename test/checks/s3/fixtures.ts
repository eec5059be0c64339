// Plain inventory objects for the S3 checks: buckets and their per-bucket outcomes.
import { bucketArn } from '../../../src/collectors/s3/location.ts';
import type { Bucket, BucketOutcome, BucketVersioning, PublicAccessBlockConfig, PublicAccessBlockState } from '../../../src/collectors/s3/types.ts';

export function bucket(name: string, region = 'ap-northeast-1'): Bucket {
  return { name, arn: bucketArn(name, region), region };
}

export function ok<T>(b: Bucket, value: T): BucketOutcome<T> {
  return { bucket: b, outcome: { ok: true, value } };
}

/** A bucket whose call failed; fits any collector's outcome list. */
export function failed(b: Bucket, error = 'AccessDenied: Access Denied'): BucketOutcome<never> {
  return { bucket: b, outcome: { ok: false, error } };
}

export function bpa(on: Partial<PublicAccessBlockConfig> = {}, configured = true): PublicAccessBlockState {
  return {
    configured,
    config: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false, ...on },
  };
}

export const ALL_ON = bpa({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
export const NONE = bpa({}, false);

export const versioning = (status: BucketVersioning['status'], mfaDelete = false): BucketVersioning => ({ status, mfaDelete });
