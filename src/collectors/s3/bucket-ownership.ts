// GetBucketOwnershipControls: whether ACLs are disabled (BucketOwnerEnforced). Buckets without controls
// answer OwnershipControlsNotFoundError, which is an answer: ACLs apply.
import { GetBucketOwnershipControlsCommand } from '@aws-sdk/client-s3';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { defineBucketCollector } from './per-bucket.ts';
import type { BucketOwnership } from './types.ts';

export const bucketOwnership = defineBucketCollector<BucketOwnership>({
  id: 's3.bucket-ownership',
  actions: [S3_COMMAND_ACTIONS.GetBucketOwnershipControls],
  notConfigured: { codes: ['OwnershipControlsNotFoundError'], answer: () => ({ objectOwnership: null }) },
  async fetch({ client, bucket, options }) {
    const answer = await client.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket.name }), options);
    return { objectOwnership: answer.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null };
  },
});
