// GetPublicAccessBlock per bucket; no configuration at all is an answer (every switch off), not an error.
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { defineBucketCollector } from './per-bucket.ts';
import { PUBLIC_ACCESS_BLOCK_NOT_CONFIGURED, publicAccessBlockState } from './public-access-block.ts';
import type { PublicAccessBlockState } from './types.ts';

export const bucketPublicAccessBlock = defineBucketCollector<PublicAccessBlockState>({
  id: 's3.bucket-public-access-block',
  actions: [S3_COMMAND_ACTIONS.GetPublicAccessBlock],
  notConfigured: PUBLIC_ACCESS_BLOCK_NOT_CONFIGURED,
  async fetch({ client, bucket, options }) {
    const answer = await client.send(new GetPublicAccessBlockCommand({ Bucket: bucket.name }), options);
    return publicAccessBlockState(answer.PublicAccessBlockConfiguration);
  },
});
