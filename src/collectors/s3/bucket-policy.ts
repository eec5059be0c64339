// GetBucketPolicy: the policy document as text (checks parse it); NoSuchBucketPolicy means none.
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { defineBucketCollector } from './per-bucket.ts';
import type { BucketPolicyText } from './types.ts';

export const bucketPolicy = defineBucketCollector<BucketPolicyText>({
  id: 's3.bucket-policy',
  actions: [S3_COMMAND_ACTIONS.GetBucketPolicy],
  notConfigured: { codes: ['NoSuchBucketPolicy'], answer: () => null },
  async fetch({ client, bucket, options }) {
    const answer = await client.send(new GetBucketPolicyCommand({ Bucket: bucket.name }), options);
    return answer.Policy ?? null;
  },
});
