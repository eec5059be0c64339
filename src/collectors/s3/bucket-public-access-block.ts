// GetPublicAccessBlock per bucket; no configuration at all is an answer (every switch off), not an error.
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { hasErrorCode } from '../../aws/errors.ts';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { defineBucketCollector } from './per-bucket.ts';
import { NO_PUBLIC_ACCESS_BLOCK, publicAccessBlockConfig } from './public-access-block.ts';
import type { PublicAccessBlockState } from './types.ts';

export const bucketPublicAccessBlock = defineBucketCollector<PublicAccessBlockState>({
  id: 's3.bucket-public-access-block',
  actions: [S3_COMMAND_ACTIONS.GetPublicAccessBlock],
  async fetch({ client, bucket, options }) {
    try {
      const answer = await client.send(new GetPublicAccessBlockCommand({ Bucket: bucket.name }), options);
      return { configured: true, config: publicAccessBlockConfig(answer.PublicAccessBlockConfiguration) };
    } catch (err) {
      if (hasErrorCode(err, 'NoSuchPublicAccessBlockConfiguration')) return { configured: false, config: { ...NO_PUBLIC_ACCESS_BLOCK } };
      throw err;
    }
  },
});
