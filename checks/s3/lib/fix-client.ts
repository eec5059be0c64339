// What the bucket fixes share: which bucket a finding means and where it lives (calls go to the bucket's own
// region, and name the expected owner so a bucket that changed hands is never written to).
import { GetBucketWebsiteCommand, S3Client } from '@aws-sdk/client-s3';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import { type CheckResult, GLOBAL_REGION } from '../../../src/engine/types.ts';
import { type FixContext, FixError } from '../../../src/remediation/fix.ts';

export interface BucketRef {
  name: string;
  region: string;
  /** Sent as ExpectedBucketOwner on every call. */
  owner: string;
  arn: string;
}

/** The bucket of a finding, when its region is known (a bucket whose region could not be read is `global`). */
export function bucketOf(finding: CheckResult): BucketRef | undefined {
  const fromDetails = finding.details.bucket;
  const name = typeof fromDetails === 'string' && fromDetails ? fromDetails : finding.resourceId;
  if (!name || finding.region === GLOBAL_REGION) return undefined;
  return { name, region: finding.region, owner: finding.accountId, arn: finding.resourceArn ?? `arn:aws:s3:::${name}` };
}

export function requireBucket(finding: CheckResult, ctx: FixContext): BucketRef {
  const bucket = bucketOf(finding);
  if (!bucket) throw new FixError(ctx.localized('s3:noRegion', { resource: finding.resourceId }));
  return bucket;
}

export function s3Client(ctx: FixContext, bucket: BucketRef): S3Client {
  return ctx.session.client(S3Client, bucket.region);
}

/** Whether the bucket serves a static website: such a site stops working once the bucket is private or TLS-only. */
export async function hostsWebsite(ctx: FixContext, bucket: BucketRef): Promise<boolean> {
  try {
    await s3Client(ctx, bucket).send(new GetBucketWebsiteCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }));
    return true;
  } catch (err) {
    if (hasErrorCode(err, 'NoSuchWebsiteConfiguration')) return false;
    throw err;
  }
}
