// GetBucketPolicyStatus: AWS's own verdict on whether the bucket policy is public, so we never re-implement
// policy evaluation. A bucket without a policy answers NoSuchBucketPolicy: not public.
import { GetBucketPolicyStatusCommand } from '@aws-sdk/client-s3';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { defineBucketCollector } from './per-bucket.ts';
import type { BucketPolicyStatus } from './types.ts';

export const bucketPolicyStatus = defineBucketCollector<BucketPolicyStatus>({
  id: 's3.bucket-policy-status',
  actions: [S3_COMMAND_ACTIONS.GetBucketPolicyStatus],
  notConfigured: { codes: ['NoSuchBucketPolicy'], answer: () => ({ hasPolicy: false, isPublic: false }) },
  async fetch({ client, bucket, options }) {
    const answer = await client.send(new GetBucketPolicyStatusCommand({ Bucket: bucket.name }), options);
    if (answer.PolicyStatus?.IsPublic === undefined) throw new Error('GetBucketPolicyStatus answered without PolicyStatus.IsPublic');
    return { hasPolicy: true, isPublic: answer.PolicyStatus.IsPublic };
  },
});
